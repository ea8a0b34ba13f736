package dev.huddle.bench;

import dev.huddle.relay.path.DropReason;
import dev.huddle.relay.path.PathConfig;
import dev.huddle.relay.path.RateLimits;
import dev.huddle.relay.path.RelayCounters;
import dev.huddle.relay.path.UdpDataPath;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.SigningKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The relay's data path alone, as {@link UdpLoad} runs it: the same {@link UdpDataPath} the service
 * runs, without the cluster, trusting the ticket key in {@code <keyDir>} and with per-source limits
 * out of the way. Prints {@code READY <port> native=<bool>}, then its counters so far (batch sizes and
 * residence included) for every line read from its standard input; when that closes, its counters once
 * more, and exits.
 *
 * <pre>RelayBenchServer &lt;udp port&gt; &lt;key dir&gt; &lt;relay id&gt;</pre>
 */
public final class RelayBenchServer {

    private RelayBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        SigningKey key = SigningKey.loadOrCreate(Path.of(args[1]), SigningKey.MEDIA_TICKET_KEY_FILE);
        PublicKeyRing keys = new PublicKeyRing();
        keys.add(key.kid(), key.publicKey());
        PathConfig config = new PathConfig(args[2], new RateLimits(1_000_000_000L, 1_000_000_000_000L), 100_000,
            Duration.ofSeconds(2), Duration.ofSeconds(120), 4 << 20);
        RelayCounters counters = new RelayCounters();
        UdpDataPath path = UdpDataPath.open("127.0.0.1", port, config, keys, new BouncyCastleProvider(), () -> {
        }, counters, event -> {
        }, Clock.systemUTC()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.println("READY " + path.localPort() + " native=" + path.nativeTransport());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            System.out.println(stats(counters));
            System.out.flush();
        }
        path.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.println(stats(counters));
    }

    private static String stats(RelayCounters counters) {
        StringBuilder line = new StringBuilder("STATS in=").append(counters.packetsIn())
            .append(" out=").append(counters.packetsOut()).append(" batches");
        for (int i = 0; i < RelayCounters.BATCH_BUCKETS.length; i++) {
            line.append(' ').append(RelayCounters.BATCH_BUCKETS[i]).append(':').append(counters.batches(i));
        }
        line.append(" residence_us");
        for (int i = 0; i < RelayCounters.RESIDENCE_BUCKETS.length; i++) {
            line.append(" <").append(RelayCounters.RESIDENCE_BUCKETS[i]).append(':').append(counters.residences(i));
        }
        line.append(" drops");
        for (DropReason reason : DropReason.values()) {
            if (counters.drops(reason) > 0) {
                line.append(' ').append(reason.tag()).append(':').append(counters.drops(reason));
            }
        }
        return line.toString();
    }
}
