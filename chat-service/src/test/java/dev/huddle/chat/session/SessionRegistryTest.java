package dev.huddle.chat.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.Role;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.token.Principal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry on a local event bus: the join race and what a connection keeps when its user changes. */
@ExtendWith(VertxExtension.class)
class SessionRegistryTest {

    private static final Principal DAVE = new Principal(4, "dave", Role.USER, "t-dave", Instant.parse("2099-01-01T00:00:00Z"));
    private static final Principal ERIN = new Principal(5, "erin", Role.USER, "t-erin", Instant.parse("2099-01-01T00:00:00Z"));
    private static final long ROOM = 7;

    private Vertx vertx;
    private SessionRegistry registry;
    private Recording session;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        registry = new SessionRegistry(vertx.eventBus());
        session = new Recording();
        registry.opened(session);
        registry.bind(session, DAVE, "dave-token").ready().await();
    }

    @Test
    void aRemovalWhileTheMembershipCheckIsInFlightCancelsTheJoin() {
        Recording witness = new Recording();
        registry.bind(witness, ERIN, "erin-token").ready().await();
        registry.beginJoin(witness, ROOM).await();
        registry.completeJoin(witness, ROOM);
        registry.beginJoin(session, ROOM).await();
        publish("said while dave was joining");

        registry.evict(DAVE.userId(), ROOM); // the kick lands before the membership answer

        assertThat(registry.completeJoin(session, ROOM)).isFalse();
        publish("said after the kick");
        dev.huddle.server.testing.Eventually.assertThat(() -> assertThat(witness.texts()).hasSize(2));
        assertThat(session.rooms()).isEmpty();
        assertThat(session.texts()).as("nothing is delivered to a joining or evicted connection").isEmpty();
    }

    @Test
    void aConfirmedJoinDeliversFromThenOn() {
        registry.beginJoin(session, ROOM).await();
        assertThat(registry.completeJoin(session, ROOM)).isTrue();

        publish("welcome");

        dev.huddle.server.testing.Eventually.assertThat(() -> assertThat(session.texts()).containsExactly("welcome"));
    }

    @Test
    void bindingTheConnectionToAnotherUserLeavesEveryRoomOfTheFirst() {
        registry.beginJoin(session, ROOM).await();
        registry.completeJoin(session, ROOM);

        SessionRegistry.Binding binding = registry.bind(session, ERIN, "erin-token");

        assertThat(binding.leftRooms()).containsExactly(ROOM);
        assertThat(session.rooms()).isEmpty();
        assertThat(session.principal()).isEqualTo(ERIN);
    }

    @Test
    void unbindingIsSkippedWhenANewerTokenReplacedTheBinding() {
        registry.bind(session, DAVE, "dave-newer-token");

        assertThat(registry.unbindIf(session, "dave-token")).isNull();
        assertThat(session.principal()).isEqualTo(DAVE);
        assertThat(registry.unbindIf(session, "dave-newer-token")).isEmpty();
        assertThat(session.principal()).isNull();
    }

    private void publish(String text) {
        vertx.eventBus().publish(BusAddresses.CHAT_ROOM_PREFIX + ROOM,
            new OutboundEvent("chat", new JsonObject().put("text", text)).toBus());
    }

    private static final class Recording extends Session {
        final List<OutboundEvent> events = new CopyOnWriteArrayList<>();

        Recording() {
            super("test");
        }

        @Override
        public void deliver(OutboundEvent event) {
            events.add(event);
        }

        @Override
        public void close(String reason) {
        }

        List<String> texts() {
            return events.stream().map(e -> e.data().getString("text")).toList();
        }
    }
}
