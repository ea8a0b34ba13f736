package dev.huddle.bench;

import dev.huddle.client.media.AudioSink;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.CallTicket;
import dev.huddle.client.media.FrameSink;
import dev.huddle.client.media.SyntheticVideo;
import dev.huddle.client.media.ToneSource;
import dev.huddle.relay.path.PathConfig;
import dev.huddle.relay.path.RateLimits;
import dev.huddle.relay.path.RelayCounters;
import dev.huddle.relay.path.UdpDataPath;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.SigningKey;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The relay's own data path in the bench's JVM on 127.0.0.1, with a ticket key of its own, no limits
 * worth the name, and call 1 for every member: what the call benchmarks put {@link Call}s through.
 */
final class BenchRelay implements AutoCloseable {

    final UdpDataPath path;
    final InetSocketAddress at;
    final SigningKey key;

    private BenchRelay(UdpDataPath path, SigningKey key) {
        this.path = path;
        this.at = new InetSocketAddress("127.0.0.1", path.localPort());
        this.key = key;
    }

    static BenchRelay open() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(Files.createTempDirectory("call-bench"),
            SigningKey.MEDIA_TICKET_KEY_FILE);
        PublicKeyRing keys = new PublicKeyRing();
        keys.add(key.kid(), key.publicKey());
        PathConfig config = new PathConfig(UdpLoad.RELAY_ID, new RateLimits(1_000_000_000L, 1_000_000_000_000L),
            1_000, Duration.ofSeconds(2), Duration.ofSeconds(120), 4 << 20);
        UdpDataPath path = UdpDataPath.open("127.0.0.1", UdpLoad.freeUdpPort(), config, keys,
            new BouncyCastleProvider(), () -> { }, new RelayCounters(), event -> { }, Clock.systemUTC())
            .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new BenchRelay(path, key);
    }

    /** Member {@code index} sending the synthetic camera at 640×480, 15 fps and a tone, hearing nothing. */
    Call join(int index, String name) {
        return join(index, new CallSettings(new SyntheticVideo(640, 480, name), new ToneSource(440), 15,
            CallSettings.DEFAULT_QUALITY), AudioSink.NONE);
    }

    /** A participant in call 1 as member {@code index} (each index once: tickets are single-use). */
    Call join(int index, CallSettings settings, AudioSink heard) {
        CallTicket ticket = new CallTicket(1, at.getHostString(), at.getPort(), UdpLoad.ticket(key, index));
        return Call.start(ticket, settings, FrameSink.NONE, heard, session -> null, Clock.systemUTC());
    }

    @Override
    public void close() throws Exception {
        path.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
