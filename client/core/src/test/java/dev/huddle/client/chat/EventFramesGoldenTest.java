package dev.huddle.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.Golden;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.contracts.chat.JsonCommandCodec;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The client side of the golden fixtures: each one, arriving in an event frame, is read as its typed event. */
class EventFramesGoldenTest {

    static Stream<Map.Entry<String, ServerEvent>> events() {
        return Golden.events().entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyGoldenEventFrameIsReadAsItsTypedEvent(Map.Entry<String, ServerEvent> entry) {
        JsonObject frame = new JsonObject(JsonCommandCodec.eventFrame(entry.getKey(), Golden.event(entry.getKey())).encode());

        assertThat(ChatSocket.eventOf(frame)).contains(entry.getValue());
    }

    @Test
    void theGoldenDmThreadsAnswerArrivingInAnOkFrameIsReadAsTheTypedList() {
        JsonObject frame = JsonCommandCodec.parseFrame(
            JsonCommandCodec.okFrame(4, "dm_threads", Golden.json("dm_threads")).encode());

        assertThat(DmThreadList.fromJson(frame.getJsonObject("result"))).isEqualTo(Golden.DM_THREADS);
    }

    @Test
    void aMalformedEventFrameIsSkippedNotThrown() {
        assertThat(ChatSocket.eventOf(new JsonObject().put("event", "chat").put("data", new JsonObject().put("id", 1))))
            .isEmpty();
        assertThat(ChatSocket.eventOf(new JsonObject().put("event", "chat"))).isEmpty();
        assertThat(ChatSocket.eventOf(new JsonObject().put("event", 5).put("data", new JsonObject()))).isEmpty();
        assertThat(ChatSocket.eventOf(new JsonObject().put("event", "dm").put("data",
            Golden.event("dm").put("from", "alice")))).isEmpty();
    }
}
