package dev.huddle.auth;

import dev.huddle.auth.account.AccountRepository;
import dev.huddle.auth.account.AdminSetup;
import dev.huddle.auth.account.AuthService;
import dev.huddle.auth.account.LoginThrottle;
import dev.huddle.auth.account.RegistrationThrottle;
import dev.huddle.auth.account.TokenLedger;
import dev.huddle.auth.account.TwoFactorStore;
import dev.huddle.auth.bus.AuthBusVerticle;
import dev.huddle.auth.http.AuthHttpVerticle;
import dev.huddle.auth.password.Argon2Params;
import dev.huddle.auth.password.PasswordHasher;
import dev.huddle.auth.password.PasswordStrength;
import dev.huddle.auth.token.SigningKeys;
import dev.huddle.auth.token.TokenIssuer;
import dev.huddle.auth.token.TrustBroadcast;
import dev.huddle.auth.totp.SecretBox;
import dev.huddle.auth.totp.TwoFactor;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds auth-service's parts and deploys its verticles onto a started runtime. */
public final class AuthDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(AuthDeployer.class);

    private AuthDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, AuthConfig config) {
        return runtime.blocking(() -> parts(runtime, config)).compose(parts -> {
            TrustBroadcast broadcast = new TrustBroadcast(runtime.vertx(), runtime.node().clusterManager(),
                runtime.tokens(), runtime.config().tokenSyncLease());
            PasswordWork passwords = new PasswordWork(runtime.vertx(), config.limits(),
                new RegistrationThrottle(runtime.clock(), config.limits().registrationsPerAddress(),
                    config.limits().registrationWindow()));
            AuthApi api = new AuthApi(runtime, parts.service(), parts.service().ledger(), parts.keys(), broadcast,
                passwords);
            return runtime.vertx().deployVerticle(new AuthBusVerticle(runtime, api))
                .compose(id -> runtime.vertx().deployVerticle(new AuthHttpVerticle(runtime, api)));
        });
    }

    private record Started(SigningKeys keys, AuthService service) {
    }

    /** The blocking part of the start: keys and files in the data directory, the first admin's setup code. */
    private static Started parts(ServiceRuntime runtime, AuthConfig config) {
        SigningKeys keys = SigningKeys.loadOrCreate(runtime.config().dataDir());
        PasswordHasher hasher = new PasswordHasher(new Argon2Params(config.argon2MemoryKib(),
            config.argon2Iterations(), 1));
        LoginThrottle throttle = new LoginThrottle(runtime.clock(), new LoginThrottle.Policy(
            config.maxLoginFailures(), config.loginBackoff(), config.loginBackoffMax()));
        AccountRepository accounts = new AccountRepository(runtime.database());
        AdminSetup setup = AdminSetup.prepare(runtime.config().dataDir(), config.adminUsername(), accounts.hasAdmin());
        if (setup.pendingCode() != null) {
            LOG.warn("Huddle has no admin yet. To become its admin, register with the one-time setup code {} "
                + "(\"setupCode\" in POST /api/auth/register); it is also in {}",
                setup.pendingCode(), setup.file());
        }
        TwoFactor twoFactor = new TwoFactor(new TwoFactorStore(runtime.database()),
            SecretBox.loadOrCreate(runtime.config().dataDir()), runtime.clock());
        TokenIssuer issuer = new TokenIssuer(keys::current, runtime.clock(), config.tokenTtl());
        AuthService service = new AuthService(new AuthService.Parts(accounts, hasher,
            new PasswordStrength(config.passwordMinScore()), issuer, new TokenLedger(runtime.database(),
            runtime.clock()), throttle, twoFactor, setup, runtime.clock()));
        return new Started(keys, service);
    }
}
