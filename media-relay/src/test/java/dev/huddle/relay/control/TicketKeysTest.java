package dev.huddle.relay.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.token.PublicKeyRing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relay asks room-service for the media ticket key once however many JOINs name keys it lacks:
 * never a second time while the first question is unanswered, and again only once wanted after it.
 */
@ExtendWith(VertxExtension.class)
class TicketKeysTest {

    @Test
    void manyUnknownKeysWhileAskingCostOneQuestion(Vertx vertx) throws Exception {
        Queue<Message<JsonObject>> questions = new ConcurrentLinkedQueue<>();
        MessageConsumer<JsonObject> roomService = vertx.eventBus().consumer(BusAddresses.ROOM_CALL_TICKET_KEY,
            questions::add);
        roomService.completion().await();
        TicketKeys keys = new TicketKeys(vertx.eventBus(), Duration.ofSeconds(30));

        Future<Void> first = keys.refreshIfWanted(); // at start a key is wanted
        for (int i = 0; i < 1_000; i++) {
            keys.want(); // a JOIN naming a made-up key id
            keys.refreshIfWanted(); // heartbeats meanwhile
        }
        Eventually.assertThat(() -> assertThat(questions).hasSize(1));

        PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String kid = PublicKeyRing.keyIdOf(key);
        questions.poll().reply(new JsonObject().put("keyId", kid).put("publicKey", PublicKeyRing.encode(key)));
        first.await();
        assertThat(keys.ring().find(kid)).contains(key);

        keys.refreshIfWanted(); // the JOINs during the question left the key wanted: one more question
        Eventually.assertThat(() -> assertThat(questions).hasSize(1));
        roomService.unregister().await();
    }
}
