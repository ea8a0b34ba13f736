package dev.huddle.auth;

import dev.huddle.auth.account.RegistrationThrottle;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the slow Argon2id work runs: logins and registrations each on a small worker pool of their
 * own, apart from the service's shared blocking pool, so a registration flood queues behind
 * registrations only and a user can still log in. Registrations are refused at once (RATE_LIMITED)
 * when their address is over its limit or too many are already waiting.
 */
public final class PasswordWork {

    private final WorkerExecutor logins;
    private final WorkerExecutor registrations;
    private final RegistrationThrottle throttle;
    private final int maxPendingRegistrations;
    private final AtomicInteger pendingRegistrations = new AtomicInteger();

    public PasswordWork(Vertx vertx, AuthLimits limits, RegistrationThrottle throttle) {
        this.logins = vertx.createSharedWorkerExecutor("auth-login-hash", limits.loginHashThreads());
        this.registrations = vertx.createSharedWorkerExecutor("auth-register-hash", limits.registerHashThreads());
        this.throttle = throttle;
        this.maxPendingRegistrations = limits.maxPendingRegistrations();
    }

    /** Runs a login (a password check) on the login pool. */
    public <T> Future<T> login(Callable<T> work) {
        return logins.executeBlocking(work, false);
    }

    /** Runs a registration (a password hash) on the registration pool, if its address and the queue allow. */
    public <T> Future<T> register(String address, Callable<T> work) {
        if (!throttle.tryAcquire(address)) {
            return Future.failedFuture(new HuddleException(ErrorCode.RATE_LIMITED,
                "too many registrations from this address; try again later"));
        }
        if (pendingRegistrations.incrementAndGet() > maxPendingRegistrations) {
            pendingRegistrations.decrementAndGet();
            return Future.failedFuture(new HuddleException(ErrorCode.RATE_LIMITED,
                "too many registrations at once; try again in a moment"));
        }
        return registrations.executeBlocking(work, false).andThen(done -> pendingRegistrations.decrementAndGet());
    }
}
