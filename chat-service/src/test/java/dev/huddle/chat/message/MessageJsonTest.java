package dev.huddle.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    @Test
    void aRoomMessageCarriesItsRoomSenderTextAndTimestamp() {
        ChatMessage message = new ChatMessage(42, 7, 1, "alice", "Xin chào 👋\nbye",
            Instant.parse("2024-10-30T09:15:02.114Z"));

        assertThat(message.toJson()).isEqualTo(new JsonObject("""
            {"id":42,"projectId":7,"userId":1,"username":"alice","text":"Xin chào 👋\\nbye",
             "createdAt":"2024-10-30T09:15:02.114Z"}"""));
    }

    @Test
    void aDirectMessageNamesBothEnds() {
        DirectMessage message = new DirectMessage(9, 1, "alice", 2, "bob", "hi", Instant.parse("2024-10-30T09:15:02Z"));

        assertThat(message.toJson()).isEqualTo(new JsonObject("""
            {"id":9,"from":{"id":1,"username":"alice"},"to":{"id":2,"username":"bob"},"text":"hi",
             "createdAt":"2024-10-30T09:15:02Z"}"""));
    }

    @Test
    void theJsonSurvivesAOneLineEncodingWithNewlinesEscaped() {
        ChatMessage message = new ChatMessage(1, 7, 1, "alice", "two\nlines",
            Instant.parse("2024-10-30T09:15:02.100Z"));

        String encoded = message.toJson().encode();

        assertThat(encoded).doesNotContain("\n").contains("two\\nlines").contains("\"2024-10-30T09:15:02.100Z\"");
    }
}
