package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.Golden;
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
    void typedMessagesShowThemselvesThroughIt() {
        assertThat(Golden.CHAT.line()).isEqualTo("alice: Xin chào 👋\nsecond line - 2024-10-30T09:15:02.114Z");
        assertThat(Golden.DM.line()).isEqualTo("alice: psst - 2024-10-30T09:16:00Z");
    }

    @Test
    void missingPartsAreRefused() {
        assertThatThrownBy(() -> ChatLine.format(null, "b", Instant.EPOCH)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChatLine.format("a", "b", null)).isInstanceOf(NullPointerException.class);
    }
}
