package dev.huddle.room.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberListParserTest {

    @Test
    void commasAndSemicolonsSeparateNamesInAnyMix() {
        assertThat(MemberListParser.parse("a, b; c")).containsExactly("a", "b", "c");
        assertThat(MemberListParser.parse("a;b,c ;d")).containsExactly("a", "b", "c", "d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a, b]", "[ a ; b ]", "[a], [b]", "[\"a\", \"b\"]", "['a'; 'b']", "  a ,\tb  "})
    void bracketsQuotesAndSpacesAroundNamesAreTolerated(String text) {
        assertThat(MemberListParser.parse(text)).containsExactly("a", "b");
    }

    @Test
    void blankEntriesAreDropped() {
        assertThat(MemberListParser.parse("a,, ,b;;\t;c,")).containsExactly("a", "b", "c");
    }

    @Test
    void repeatsAreDroppedIgnoringCaseKeepingTheFirstSpelling() {
        assertThat(MemberListParser.parse("Bob, alice; BOB, Alice, bob")).containsExactly("Bob", "alice");
    }

    @Test
    void theTypedOrderIsKept() {
        assertThat(MemberListParser.parse("zoe, adam, mia")).containsExactly("zoe", "adam", "mia");
    }

    @Test
    void nonAsciiNamesPassThroughUnchangedForTheServiceToReportUnknown() {
        assertThat(MemberListParser.parse("người, ålice;😀\u00a0")).containsExactly("người", "ålice", "😀");
    }

    @Test
    void spacesInsideANameKeepItOneName() {
        assertThat(MemberListParser.parse("bob smith, carol")).containsExactly("bob smith", "carol");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", ",", ";;,", " , ; ", "[]", "[ , ]", "\"\"", "[\"\", '']"})
    void nothingButSeparatorsOrBlanksIsAnEmptyList(String text) {
        assertThat(MemberListParser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[[", "]]],,,[[[", "\u0000,\u0001", "a\nb", "\"", "\ud800", "'\"[]\"'"})
    void anyStringIsParsedWithoutThrowing(String text) {
        assertThat(MemberListParser.parse(text)).doesNotContain("");
    }

    @Test
    void aVeryLongListIsParsedWhole() {
        String text = "user".repeat(10_000) + ";" + "a,".repeat(50_000);
        assertThat(MemberListParser.parse(text)).hasSize(2);
    }

    @Test
    void aListIsCleanedTheSameWay() {
        List<String> names = Arrays.asList(" a ", null, "", "[b]", "A", "\"c\"");
        assertThat(MemberListParser.normalize(names)).containsExactly("a", "b", "c");
    }

    @Test
    void aMissingListIsEmpty() {
        assertThat(MemberListParser.normalize(null)).isEmpty();
    }
}
