package dev.huddle.auth;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * auth-service's own settings (the common ones are in {@code NodeConfig}).
 *
 * @param adminUsername    this username gets the admin role on registration; empty: whoever registers
 *                         with the one-time setup code ({@code AdminSetup})
 * @param passwordMinScore the nbvcxz score (0-4) a new password needs; 0: length only
 * @param tokenTtl         how long a token lives
 * @param maxLoginFailures failed logins per account or address before back-off starts
 * @param loginBackoff     first back-off once the limit is reached; it doubles with each failure
 * @param loginBackoffMax  the longest back-off
 * @param argon2MemoryKib  Argon2id memory cost (OWASP: 19 MiB)
 * @param argon2Iterations Argon2id time cost (OWASP: 2)
 * @param limits           hashing pools and registration limits
 */
public record AuthConfig(String adminUsername, int passwordMinScore, Duration tokenTtl, int maxLoginFailures, Duration loginBackoff,
                         Duration loginBackoffMax, int argon2MemoryKib, int argon2Iterations, AuthLimits limits) {

    public static final Setting<String> ADMIN_USERNAME = Setting.text("HUDDLE_AUTH_ADMIN_USERNAME", "",
        "Username that becomes admin when it registers; empty: whoever registers with the one-time setup code "
            + "printed at first start (and kept in data/auth-service/admin-setup-code, mode 600) is admin.");
    public static final Setting<Integer> PASSWORD_MIN_SCORE = Setting.integer("HUDDLE_AUTH_PASSWORD_MIN_SCORE", 3,
        0, 4, "Strength a new password needs: nbvcxz's score 0-4 (3: safe against an offline attack on a slow hash; "
            + "common passwords, names, words, patterns and the account's own name score low); 0: length only.");
    public static final Setting<Duration> TOKEN_TTL = Setting.duration("HUDDLE_AUTH_TOKEN_TTL", "12h",
        "Lifetime of an access token.");
    public static final Setting<Integer> MAX_LOGIN_FAILURES = Setting.integer("HUDDLE_AUTH_LOGIN_MAX_FAILURES", 5,
        1, 1_000, "Failed logins per account before back-off starts; a client address gets four times as many.");
    public static final Setting<Duration> LOGIN_BACKOFF = Setting.duration("HUDDLE_AUTH_LOGIN_BACKOFF", "30s",
        "First login back-off after the failure limit; doubles with each further failure.");
    public static final Setting<Duration> LOGIN_BACKOFF_MAX = Setting.duration("HUDDLE_AUTH_LOGIN_BACKOFF_MAX", "15m",
        "Longest login back-off.");
    public static final Setting<Integer> ARGON2_MEMORY_KIB = Setting.integer("HUDDLE_AUTH_ARGON2_MEMORY_KIB", 19_456,
        8_192, 1_048_576, "Argon2id memory cost in KiB (OWASP minimum 19456 = 19 MiB).");
    public static final Setting<Integer> ARGON2_ITERATIONS = Setting.integer("HUDDLE_AUTH_ARGON2_ITERATIONS", 2,
        1, 20, "Argon2id iterations (OWASP: 2 with 19 MiB).");

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("auth-service", 8081, Stream.concat(
        Stream.<Setting<?>>of(ADMIN_USERNAME, PASSWORD_MIN_SCORE, TOKEN_TTL, MAX_LOGIN_FAILURES, LOGIN_BACKOFF, LOGIN_BACKOFF_MAX,
            ARGON2_MEMORY_KIB, ARGON2_ITERATIONS), AuthLimits.SETTINGS.stream()).toList());

    public static AuthConfig read(Env env) {
        return new AuthConfig(ADMIN_USERNAME.read(env).trim(), PASSWORD_MIN_SCORE.read(env), TOKEN_TTL.read(env),
            MAX_LOGIN_FAILURES.read(env),
            LOGIN_BACKOFF.read(env), LOGIN_BACKOFF_MAX.read(env), ARGON2_MEMORY_KIB.read(env),
            ARGON2_ITERATIONS.read(env), AuthLimits.read(env));
    }
}
