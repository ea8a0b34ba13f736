package dev.huddle.bench;

import dev.huddle.auth.password.PasswordHasher;
import java.util.concurrent.TimeUnit;
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
 * Cost of one Argon2id hash and one verification with the OWASP parameters (19 MiB, t=2, p=1):
 * what a registration or a login costs a worker thread, and bounds how many logins per second a
 * core can serve.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main PasswordHashBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHashBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private PasswordHasher hasher;
    private String stored;

    @Setup
    public void setUp() {
        hasher = new PasswordHasher();
        stored = hasher.hash(PASSWORD);
    }

    @Benchmark
    public String hash() {
        return hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean verify() {
        return hasher.verify(stored, PASSWORD);
    }
}
