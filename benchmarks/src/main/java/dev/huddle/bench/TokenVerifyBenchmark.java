package dev.huddle.bench;

import dev.huddle.server.token.SigningKey;
import dev.huddle.auth.token.TokenIssuer;
import dev.huddle.contracts.Role;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.RevocationList;
import dev.huddle.server.token.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token verification as every service does it for every command and chat message: a token seen
 * before (cache hit: expiry and revocation checks only) against a token verified in full (parse,
 * Ed25519 signature, claims), which is what a cache miss costs, with the JDK's Ed25519 (the
 * default) and with BouncyCastle's.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main TokenVerifyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenVerifyBenchmark {

    private TokenVerifier cached;
    private TokenVerifier uncached;
    private TokenVerifier uncachedBouncyCastle;
    private String token;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        SigningKey key = SigningKey.generate();
        token = new TokenIssuer(key, clock, Duration.ofHours(1)).issue(42, "alice", Role.USER).token();
        PublicKeyRing ring = new PublicKeyRing();
        ring.add(key.kid(), key.publicKey());
        RevocationList revocations = new RevocationList(clock);
        // a few unrelated revocations, so the lookup is not into an empty map
        for (int i = 0; i < 100; i++) {
            revocations.revoke("revoked-" + i, clock.instant().plusSeconds(3600));
        }
        cached = new TokenVerifier(ring, revocations, clock, Duration.ofSeconds(30));
        cached.verify(token);
        uncached = new TokenVerifier(ring, revocations, clock, Duration.ofSeconds(30), 0);
        uncachedBouncyCastle = new TokenVerifier(ring, revocations, clock, Duration.ofSeconds(30), 0,
                new BouncyCastleProvider());
    }

    @Benchmark
    public Principal verifyCachedToken() {
        return cached.verify(token);
    }

    @Benchmark
    public Principal verifyWithSignatureCheck() {
        return uncached.verify(token);
    }

    /** The same miss with BouncyCastle checking the Ed25519 signature instead of the JDK. */
    @Benchmark
    public Principal verifyWithBouncyCastleSignatureCheck() {
        return uncachedBouncyCastle.verify(token);
    }
}
