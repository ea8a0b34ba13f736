package dev.huddle.auth;

import dev.huddle.auth.account.AccountRepository;
import dev.huddle.auth.account.AuthService;
import dev.huddle.auth.account.LoginThrottle;
import dev.huddle.auth.bus.AuthBusVerticle;
import dev.huddle.auth.http.AuthHttpVerticle;
import dev.huddle.auth.password.Argon2Params;
import dev.huddle.auth.password.PasswordHasher;
import dev.huddle.auth.token.TokenIssuer;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.SigningKey;
import dev.huddle.server.token.TokenRevocations;
import io.vertx.core.Future;

/** Builds auth-service's parts and deploys its verticles onto a started runtime. */
public final class AuthDeployer {

    private AuthDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, AuthConfig config) {
        return runtime.blocking(() -> SigningKey.loadOrCreate(runtime.config().dataDir()))
            .compose(key -> shareKey(runtime, key).map(key))
            .compose(key -> {
                PasswordHasher hasher = new PasswordHasher(new Argon2Params(config.argon2MemoryKib(),
                    config.argon2Iterations(), 1));
                LoginThrottle throttle = new LoginThrottle(runtime.clock(), new LoginThrottle.Policy(
                    config.maxLoginFailures(), config.loginBackoff(), config.loginBackoffMax()));
                TokenIssuer issuer = new TokenIssuer(key, runtime.clock(), config.tokenTtl());
                AuthService service = new AuthService(new AccountRepository(runtime.database()), hasher, issuer,
                    throttle, runtime.clock(), config.adminUsername());
                AuthApi api = new AuthApi(runtime, service,
                    new TokenRevocations(runtime.vertx(), runtime.node().clusterManager(), runtime.clock()));
                return runtime.vertx().deployVerticle(new AuthBusVerticle(runtime, api))
                    .compose(id -> runtime.vertx().deployVerticle(new AuthHttpVerticle(runtime, api)));
            });
    }

    /** Every node verifies tokens locally with the public key it finds in the cluster map. */
    private static Future<Void> shareKey(ServiceRuntime runtime, SigningKey key) {
        runtime.tokens().trust(key.kid(), key.publicKey());
        return runtime.vertx().sharedData().<String, String>getClusterWideMap(BusAddresses.MAP_TOKEN_KEYS)
            .compose(map -> map.put(key.kid(), PublicKeyRing.encode(key.publicKey())));
    }
}
