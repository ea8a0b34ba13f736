package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.config.Env;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.TestNodes;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real clustered nodes on 127.0.0.1: auth-service on one, a plain service node (what room- and
 * chat-service run on) on the other. Tokens issued by the first verify on the second without asking
 * auth-service, and a logout is refused there as soon as it has been answered.
 */
@ExtendWith(VertxExtension.class)
class TokensAcrossTheClusterTest {

    @TempDir
    static Path root;
    static TestNodes nodes;
    static RunningService auth;
    static RunningService other;
    static WebClient http;

    @BeforeAll
    static void startCluster(Vertx vertx) {
        nodes = new TestNodes(root);
        auth = ServiceLauncher.start(nodes.node("auth-service", 0),
            AuthConfig.read(Env.of(Map.of("HUDDLE_AUTH_ADMIN_USERNAME", "keeper"))), AuthDeployer::deploy,
            Clock.systemUTC()).await();
        other = startPlainNode(1);
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stopCluster() {
        http.close();
        Future.join(other.stop(), auth.stop()).await();
    }

    @Test
    void tokenIssuedByAuthServiceVerifiesOnAnotherNodeAndIsRefusedThereAfterLogout() {
        String token = registerAndLogin("nina");

        Principal principal = other.runtime().tokens().verify(token).await();
        assertThat(principal.username()).isEqualTo("nina");

        JsonObject logout = http.post(authPort(), "127.0.0.1", "/api/auth/logout")
            .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
        assertThat(logout.getBoolean("loggedOut")).isTrue();

        // no waiting: logout answers only once every node refuses the token
        assertThatThrownBy(() -> other.runtime().tokens().verify(token).await())
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
    }

    @Test
    void aNodeThatJoinsAfterALogoutRefusesTheTokenToo() {
        String token = registerAndLogin("oscar");
        http.post(authPort(), "127.0.0.1", "/api/auth/logout").bearerTokenAuthentication(token).send().await();

        RunningService late = startPlainNode(2);
        try {
            assertThatThrownBy(() -> late.runtime().tokens().verify(token).await())
                .isInstanceOf(HuddleException.class);
            String fresh = registerAndLogin("oscar2");
            assertThat(late.runtime().tokens().verify(fresh).await().username()).isEqualTo("oscar2");
        } finally {
            late.stop().await();
        }
    }

    @Test
    void aRotatedKeyKeepsEarlierTokensValidUntilItIsRetiredThenTheyAreRefusedEverywhere() {
        String admin = registerAndLogin("keeper");
        String before = registerAndLogin("rosa");
        assertThat(other.runtime().tokens().verify(before).await().username()).isEqualTo("rosa");

        JsonObject rotated = keys(http.post(authPort(), "127.0.0.1", "/api/admin/token-keys"), admin, 200);
        String retiring = rotated.getJsonArray("verifying").getString(0);
        String after = registerAndLogin("rosa2");

        assertThat(other.runtime().tokens().verify(after).await().username()).isEqualTo("rosa2");
        assertThat(other.runtime().tokens().verify(before).await().username()).as("still verifies").isEqualTo("rosa");
        keys(http.delete(authPort(), "127.0.0.1", "/api/admin/token-keys/" + rotated.getString("signing")), admin, 409);

        keys(http.delete(authPort(), "127.0.0.1", "/api/admin/token-keys/" + retiring), admin, 200);

        // no waiting: retiring answers once every node has dropped the key
        for (RunningService node : java.util.List.of(other, auth)) {
            assertThatThrownBy(() -> node.runtime().tokens().verify(before).await())
                .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.getMessage())
                    .isEqualTo("token signed by an unknown key"));
        }
        assertThat(other.runtime().tokens().verify(after).await().username()).isEqualTo("rosa2");
    }

    @Test
    void otherServicesResolveUsernamesOverTheEventBus() {
        registerAndLogin("paula");
        JsonObject answer = other.runtime().vertx().eventBus()
            .<JsonObject>request(BusAddresses.AUTH_USERS_RESOLVE,
                new JsonObject().put("usernames", new JsonArray().add("PAULA").add("ghost_user")))
            .await().body();
        assertThat(answer.getJsonArray("users").getJsonObject(0).getString("username")).isEqualTo("paula");
        assertThat(answer.getJsonArray("unknown").getList()).containsExactly("ghost_user");
    }

    @Test
    void theLineProtocolRegistersWithoutEmailAndLogsInOverTheBus() {
        var bus = other.runtime().vertx().eventBus();
        JsonObject user = bus.<JsonObject>request(BusAddresses.AUTH_REGISTER,
            new JsonObject().put("username", "ursula").put("password", "violet-anchor-93-drum")).await().body();
        assertThat(user.getString("username")).isEqualTo("ursula");
        JsonObject login = bus.<JsonObject>request(BusAddresses.AUTH_LOGIN,
            new JsonObject().put("username", "ursula").put("password", "violet-anchor-93-drum").put("address", "10.0.0.7"))
            .await().body();
        assertThat(other.runtime().tokens().verify(login.getString("token")).await().username()).isEqualTo("ursula");
        assertThatThrownBy(() -> bus.request(BusAddresses.AUTH_REGISTER,
            new JsonObject().put("username", "URSULA").put("password", "violet-anchor-93-drum")).await())
            .satisfies(e -> assertThat(dev.huddle.server.bus.BusErrors.toRefusal(e).code())
                .isEqualTo(ErrorCode.USERNAME_TAKEN));
    }

    private static RunningService startPlainNode(int index) {
        return ServiceLauncher.start(nodes.node("plain-node", index), null,
            (runtime, config) -> Future.succeededFuture(), Clock.systemUTC()).await();
    }

    private static JsonObject keys(io.vertx.ext.web.client.HttpRequest<io.vertx.core.buffer.Buffer> request,
                                   String token, int status) {
        var response = request.bearerTokenAuthentication(token).send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        return response.bodyAsJsonObject();
    }

    private static int authPort() {
        return auth.runtime().config().httpPort();
    }

    private static String registerAndLogin(String username) {
        JsonObject account = new JsonObject().put("username", username).put("email", username + "@example.com")
            .put("password", "violet-anchor-93-drum");
        http.post(authPort(), "127.0.0.1", "/api/auth/register").sendJsonObject(account).await();
        return http.post(authPort(), "127.0.0.1", "/api/auth/login").sendJsonObject(account).await()
            .bodyAsJsonObject().getString("token");
    }
}
