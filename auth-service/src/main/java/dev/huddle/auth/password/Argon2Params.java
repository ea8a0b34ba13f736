package dev.huddle.auth.password;

/**
 * The cost of an Argon2id hash.
 *
 * <p>The upper bounds are sanity limits, not advice: they keep a hand-edited or corrupted stored
 * hash from making a single verification allocate gigabytes or run for minutes.
 *
 * @param memoryKib   memory in KiB, at least 8 per lane, at most {@value #MAX_MEMORY_KIB} (1 GiB)
 * @param iterations  passes over memory, 1 to {@value #MAX_ITERATIONS}
 * @param parallelism lanes, 1 to {@value #MAX_PARALLELISM}
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Argon2Params OWASP = new Argon2Params(19_456, 2, 1);

    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 100;
    public static final int MAX_PARALLELISM = 64;

    public Argon2Params {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM + ": " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS + ": " + iterations);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "memoryKib must be 8 × parallelism to " + MAX_MEMORY_KIB + ": " + memoryKib);
        }
    }
}
