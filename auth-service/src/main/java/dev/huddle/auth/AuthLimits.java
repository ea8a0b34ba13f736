package dev.huddle.auth;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * What registration and login may cost: Argon2id is deliberately slow, so each has its own small
 * pool of hashing threads (a registration flood cannot take the threads logins need), registrations
 * waiting for a thread are bounded, and each client address may register only so often.
 *
 * @param loginHashThreads          threads that check passwords at login
 * @param registerHashThreads       threads that hash new passwords
 * @param maxPendingRegistrations   registrations running or waiting; more are refused RATE_LIMITED
 * @param registrationsPerAddress   registrations one address may make per window
 * @param registrationWindow        the window of {@code registrationsPerAddress}
 */
public record AuthLimits(int loginHashThreads, int registerHashThreads, int maxPendingRegistrations,
                         int registrationsPerAddress, Duration registrationWindow) {

    public static final Setting<Integer> LOGIN_HASH_THREADS = Setting.integer("HUDDLE_AUTH_LOGIN_HASH_THREADS", 2,
        1, 64, "Threads that check passwords at login (a pool of their own, apart from registrations).");
    public static final Setting<Integer> REGISTER_HASH_THREADS = Setting.integer("HUDDLE_AUTH_REGISTER_HASH_THREADS",
        1, 1, 64, "Threads that hash the passwords of new accounts (a pool of their own, apart from logins).");
    public static final Setting<Integer> MAX_PENDING_REGISTRATIONS = Setting.integer(
        "HUDDLE_AUTH_MAX_PENDING_REGISTRATIONS", 16, 1, 10_000,
        "Registrations being hashed or waiting for a thread; more are refused RATE_LIMITED at once.");
    public static final Setting<Integer> REGISTRATIONS_PER_ADDRESS = Setting.integer(
        "HUDDLE_AUTH_REGISTRATIONS_PER_ADDRESS", 30, 1, 1_000_000,
        "Registrations one client address may make per HUDDLE_AUTH_REGISTRATION_WINDOW; more are refused RATE_LIMITED.");
    public static final Setting<Duration> REGISTRATION_WINDOW = Setting.duration("HUDDLE_AUTH_REGISTRATION_WINDOW",
        "10m", "The window of HUDDLE_AUTH_REGISTRATIONS_PER_ADDRESS.");

    public static final List<Setting<?>> SETTINGS = List.of(LOGIN_HASH_THREADS, REGISTER_HASH_THREADS,
        MAX_PENDING_REGISTRATIONS, REGISTRATIONS_PER_ADDRESS, REGISTRATION_WINDOW);

    public static AuthLimits read(Env env) {
        return new AuthLimits(LOGIN_HASH_THREADS.read(env), REGISTER_HASH_THREADS.read(env),
            MAX_PENDING_REGISTRATIONS.read(env), REGISTRATIONS_PER_ADDRESS.read(env), REGISTRATION_WINDOW.read(env));
    }
}
