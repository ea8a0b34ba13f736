package dev.huddle.room.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectRulesTest {

    @Test
    void oneCharacterIsEnough() {
        assertThat(ProjectRules.validateName("x")).isEqualTo("x");
    }

    @Test
    void twoHundredFiftyFiveCharactersAreAcceptedAndOneMoreIsNot() {
        assertThat(ProjectRules.validateName("n".repeat(255))).hasSize(255);
        assertRefused("n".repeat(256));
    }

    @Test
    void emojiCountAsOneCharacterEach() {
        String emoji = "😀".repeat(255);
        assertThat(emoji.length()).isEqualTo(510);
        assertThat(ProjectRules.validateName(emoji)).isEqualTo(emoji);
        assertRefused(emoji + "😀");
    }

    @Test
    void surroundingWhiteSpaceIsTrimmedBeforeCounting() {
        assertThat(ProjectRules.validateName("  Launch ☕ \n")).isEqualTo("Launch ☕");
        assertThat(ProjectRules.validateName(" " + "n".repeat(255) + " ")).hasSize(255);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u2003"})
    void missingOrBlankNamesAreRefused(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\there", "carriage\rreturn", "nul\u0000byte", "del\u007fete",
        "line\u2028separator", "para\u2029graph"})
    void controlCharactersAndLineBreaksInsideAreRefused(String name) {
        assertThatThrownBy(() -> ProjectRules.validateName(name))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
            .hasMessageContaining("control characters");
    }

    @Test
    void theLengthMessageNamesTheBounds() {
        assertThatThrownBy(() -> ProjectRules.validateName(""))
            .hasMessage("project name must be 1–255 characters");
    }

    private static void assertRefused(String name) {
        assertThatThrownBy(() -> ProjectRules.validateName(name))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
