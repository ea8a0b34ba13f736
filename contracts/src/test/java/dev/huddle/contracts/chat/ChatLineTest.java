package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatLineTest {

    @Test
    void showsUsernameMessageAndUtcInstantAsSent() {
        assertThat(ChatLine.format("alice", "Xin chào 👋", Instant.parse("2024-10-30T09:15:02.114Z")))
            .isEqualTo("alice: Xin chào 👋 - 2024-10-30T09:15:02.114Z");
    }

    @Test
    void wholeSecondsAreShownWithoutFraction() {
        assertThat(ChatLine.format("bob", "hi", Instant.parse("2024-10-30T09:15:02.000Z")))
            .isEqualTo("bob: hi - 2024-10-30T09:15:02Z");
    }

    @Test
    void readsAChatEventOrHistoryItem() {
        JsonObject event = new JsonObject().put("projectId", 1).put("id", 10).put("username", "alice")
            .put("text", "hi").put("createdAt", "2024-10-30T09:15:02.114Z");
        assertThat(ChatLine.format(event)).isEqualTo("alice: hi - 2024-10-30T09:15:02.114Z");
    }

    @Test
    void readsTheSenderOfADirectMessage() {
        JsonObject dm = new JsonObject().put("id", 3).put("from", "bob").put("to", "alice").put("text", "psst")
            .put("createdAt", "2024-10-30T09:16:00.001Z");
        assertThat(ChatLine.format(dm)).isEqualTo("bob: psst - 2024-10-30T09:16:00.001Z");
    }

    @Test
    void malformedMessagesAreIllegalArguments() {
        assertThatThrownBy(() -> ChatLine.format((JsonObject) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatLine.format(new JsonObject().put("username", "a").put("text", "b")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createdAt");
        assertThatThrownBy(() -> ChatLine.format(new JsonObject().put("username", "a").put("text", 5)
            .put("createdAt", "2024-10-30T09:15:02Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatLine.format(new JsonObject().put("username", "a").put("text", "b")
            .put("createdAt", "yesterday"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ISO-8601");
    }
}
