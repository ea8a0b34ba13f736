package dev.huddle.chat.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRulesTest {

    private static final String WAVE = "👋";

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t ", "\n\n", "\r\n", "\u00a0", " \u3000 "})
    void emptyOrBlankTextIsRefused(String text) {
        assertRefused(() -> MessageRules.validateText(text), ErrorCode.BAD_REQUEST, "message is empty");
    }

    @Test
    void missingTextIsRefusedAsEmpty() {
        assertRefused(() -> MessageRules.validateText(null), ErrorCode.BAD_REQUEST, "message is empty");
    }

    @Test
    void textIsKeptAsTypedExceptTrailingWhiteSpace() {
        assertThat(MessageRules.validateText("  indented\n\n  code  \t\r\n")).isEqualTo("  indented\n\n  code");
        assertThat(MessageRules.validateText("Xin chào " + WAVE)).isEqualTo("Xin chào " + WAVE);
    }

    @Test
    void windowsLineEndsInsideTheTextBecomeNewlines() {
        assertThat(MessageRules.validateText("first\r\nsecond")).isEqualTo("first\nsecond");
    }

    @Test
    void fourThousandCodePointsAreAcceptedAndOneMoreIsTooLarge() {
        assertThat(MessageRules.validateText("a".repeat(4_000))).hasSize(4_000);
        assertRefused(() -> MessageRules.validateText("a".repeat(4_001)), ErrorCode.PAYLOAD_TOO_LARGE,
            "message longer than 4000 characters");
    }

    @Test
    void anEmojiCountsAsOneCharacterThoughItIsTwoJavaChars() {
        String fourThousandEmoji = WAVE.repeat(4_000);
        assertThat(fourThousandEmoji).hasSize(8_000);
        assertThat(MessageRules.validateText(fourThousandEmoji)).isEqualTo(fourThousandEmoji);
        assertRefused(() -> MessageRules.validateText(fourThousandEmoji + WAVE), ErrorCode.PAYLOAD_TOO_LARGE,
            "message longer than 4000 characters");
    }

    @Test
    void trailingWhiteSpaceDoesNotCountTowardsTheLimit() {
        assertThat(MessageRules.validateText("a".repeat(4_000) + "   \n")).hasSize(4_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000byte", "bell\u0007", "lone\rreturn", "escape \u001b[31mred", "del\u007f",
        "c1\u0085control"})
    void controlCharactersAreRefused(String text) {
        assertRefused(() -> MessageRules.validateText(text), ErrorCode.BAD_REQUEST,
            "message must not contain control characters (tab and newline are fine)");
    }

    @Test
    void unpairedSurrogatesAreRefusedBecauseTheyCannotBeStoredAsTyped() {
        assertRefused(() -> MessageRules.validateText("broken \ud83d emoji"), ErrorCode.BAD_REQUEST,
            "message must not contain control characters (tab and newline are fine)");
    }

    @Test
    void tabsAndNewlinesInsideTheTextAreAllowed() {
        assertThat(MessageRules.validateText("name\tvalue\nalice\t1")).isEqualTo("name\tvalue\nalice\t1");
    }

    @Test
    void pagingDefaultsToTheNewestFiftyMessages() {
        assertThat(MessageRules.page(null, null)).isEqualTo(new PageRequest(50, Long.MAX_VALUE));
        assertThat(MessageRules.page(7, 42L)).isEqualTo(new PageRequest(7, 42));
        assertThat(MessageRules.page(1, 1L)).isEqualTo(new PageRequest(1, 1));
        assertThat(MessageRules.page(500, null)).isEqualTo(new PageRequest(500, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void aLimitOutsideOneToFiveHundredIsRefused(int limit) {
        assertRefused(() -> MessageRules.page(limit, null), ErrorCode.BAD_REQUEST,
            "limit must be between 1 and 500");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void aNonPositiveBeforeIdIsRefused(long beforeId) {
        assertRefused(() -> MessageRules.page(10, beforeId), ErrorCode.BAD_REQUEST,
            "before id must be a positive message id");
    }

    @Test
    void idsMustBePositive() {
        assertThat(MessageRules.requireId(1, "project id")).isEqualTo(1);
        assertRefused(() -> MessageRules.requireId(0, "project id"), ErrorCode.BAD_REQUEST,
            "project id must be a positive number");
    }

    @Test
    void usernamesAreTrimmedAndMustBeShortPrintableAndPresent() {
        assertThat(MessageRules.requireUsername(" bob ")).isEqualTo("bob");
        for (String bad : new String[] {null, "", "  ", "b\nob", "x".repeat(65)}) {
            assertRefused(() -> MessageRules.requireUsername(bad), ErrorCode.BAD_REQUEST, "a username is required");
        }
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HuddleException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
