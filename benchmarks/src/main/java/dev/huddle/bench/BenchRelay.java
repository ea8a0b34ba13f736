package dev.huddle.bench;

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
 * The relay's own data path ({@link UdpDataPath}) in this JVM on 127.0.0.1, without the cluster, with
 * a ticket key of its own, for the call benchmarks: {@link #join} puts a {@link Call} on it, sending
 * the synthetic camera at 640×480, 15 fps and a tone, as member {@code index} of call 1.
 */
final class BenchRelay implements AutoCloseable {

    final SigningKey key;
    final InetSocketAddress address;
    private final UdpDataPath relay;

    private BenchRelay(SigningKey key, UdpDataPath relay) {
        this.key = key;
        this.relay = relay;
        this.address = new InetSocketAddress("127.0.0.1", relay.localPort());
    }

    static BenchRelay open() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(Files.createTempDirectory("call-bench"),
            SigningKey.MEDIA_TICKET_KEY_FILE);
        PublicKeyRing keys = new PublicKeyRing();
        keys.add(key.kid(), key.publicKey());
        PathConfig config = new PathConfig(UdpLoad.RELAY_ID, new RateLimits(1_000_000_000L, 1_000_000_000_000L),
            1_000, Duration.ofSeconds(2), Duration.ofSeconds(120), 4 << 20);
        UdpDataPath relay = UdpDataPath.open("127.0.0.1", UdpLoad.freeUdpPort(), config, keys,
            new BouncyCastleProvider(), () -> { }, new RelayCounters(), event -> { }, Clock.systemUTC())
            .toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new BenchRelay(key, relay);
    }

    Call join(int index, String name) {
        CallTicket ticket = new CallTicket(1, address.getHostString(), address.getPort(), UdpLoad.ticket(key, index));
        return Call.start(ticket, new CallSettings(new SyntheticVideo(640, 480, name), new ToneSource(440),
            15, CallSettings.DEFAULT_QUALITY), FrameSink.NONE, session -> null, Clock.systemUTC());
    }

    @Override
    public void close() throws Exception {
        relay.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
