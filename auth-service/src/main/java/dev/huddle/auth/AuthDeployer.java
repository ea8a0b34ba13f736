package dev.huddle.auth;

import dev.huddle.auth.account.AccountRepository;
import dev.huddle.auth.account.AuthService;
import dev.huddle.auth.account.LoginThrottle;
import dev.huddle.auth.account.RegistrationThrottle;
import dev.huddle.auth.bus.AuthBusVerticle;
import dev.huddle.auth.http.AuthHttpVerticle;
import dev.huddle.auth.password.Argon2Params;
import dev.huddle.auth.password.PasswordHasher;
import dev.huddle.auth.account.TokenLedger;
import dev.huddle.auth.token.SigningKeys;
import dev.huddle.auth.token.TokenIssuer;
import dev.huddle.auth.token.TrustBroadcast;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;

/** Builds auth-service's parts and deploys its verticles onto a started runtime. */
public final class AuthDeployer {

    private AuthDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, AuthConfig config) {
        return runtime.blocking(() -> SigningKeys.loadOrCreate(runtime.config().dataDir()))
            .compose(keys -> {
                PasswordHasher hasher = new PasswordHasher(new Argon2Params(config.argon2MemoryKib(),
                    config.argon2Iterations(), 1));
                LoginThrottle throttle = new LoginThrottle(runtime.clock(), new LoginThrottle.Policy(
                    config.maxLoginFailures(), config.loginBackoff(), config.loginBackoffMax()));
                TokenIssuer issuer = new TokenIssuer(keys::current, runtime.clock(), config.tokenTtl());
                TokenLedger ledger = new TokenLedger(runtime.database(), runtime.clock());
                AuthService service = new AuthService(new AccountRepository(runtime.database()), hasher, issuer,
                    ledger, throttle, runtime.clock(), config.adminUsername());
                TrustBroadcast broadcast = new TrustBroadcast(runtime.vertx(), runtime.node().clusterManager(),
                    runtime.tokens(), runtime.config().tokenSyncLease());
                PasswordWork passwords = new PasswordWork(runtime.vertx(), config.limits(),
                    new RegistrationThrottle(runtime.clock(), config.limits().registrationsPerAddress(),
                        config.limits().registrationWindow()));
                AuthApi api = new AuthApi(runtime, service, ledger, keys, broadcast, passwords);
                return runtime.vertx().deployVerticle(new AuthBusVerticle(runtime, api))
                    .compose(id -> runtime.vertx().deployVerticle(new AuthHttpVerticle(runtime, api)));
            });
    }
}
