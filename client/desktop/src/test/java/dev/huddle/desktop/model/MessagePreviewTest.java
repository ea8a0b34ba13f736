package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.RoomMessage;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-line summary of a conversation's newest message, as alice's side bar shows it. */
class MessagePreviewTest {

    private static final Instant AT = Instant.parse("2026-12-02T13:02:00Z");
    private static final UserRef ALICE = new UserRef(1, "alice");
    private static final UserRef BOB = new UserRef(2, "bob");
    private static final FileInfo REPORT = new FileInfo(12, "Q4 report.pdf", 2_411_724, "application/pdf", "a".repeat(64));
    private static final String SIXTY = "x".repeat(60);

    static Stream<Arguments> directMessages() {
        return Stream.of(
            Arguments.of("from the other", BOB, "see you at 10", null, "see you at 10", false),
            Arguments.of("mine", ALICE, "on my way", null, "You: on my way", false),
            Arguments.of("mine, the name written otherwise", new UserRef(1, "Alice"), "ok", null, "You: ok", false),
            Arguments.of("a file from the other", BOB, "", REPORT, "Q4 report.pdf", true),
            Arguments.of("a file of mine", ALICE, "", REPORT, "You: Q4 report.pdf", true),
            Arguments.of("several lines", BOB, "first line\n\nsecond\r\n\tthird  ", null,
                "first line second third", false),
            Arguments.of("leading blank lines", BOB, "\n\n  hello", null, "hello", false),
            Arguments.of("exactly as long as fits", BOB, SIXTY, null, SIXTY, false),
            Arguments.of("one character too long", BOB, SIXTY + "y", null, SIXTY + "…", false),
            Arguments.of("very long", BOB, "word ".repeat(1000), null, "word ".repeat(12).strip() + "…", false),
            Arguments.of("mine and long: the prefix counts", ALICE, SIXTY, null, "You: " + "x".repeat(55) + "…", false),
            Arguments.of("emoji count as one each", BOB, "🎉".repeat(61), null, "🎉".repeat(60) + "…", false),
            Arguments.of("an emoji at the cut is never split", BOB, "x".repeat(59) + "👍🏽👍🏽", null,
                "x".repeat(59) + "👍🏽…", false),
            Arguments.of("a family emoji is one character", BOB, "👨‍👩‍👧 dinner", null, "👨‍👩‍👧 dinner", false),
            Arguments.of("accents", BOB, "Xin chào cả nhóm", null, "Xin chào cả nhóm", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directMessages")
    void aDirectMessageInOneLine(String what, UserRef from, String text, FileInfo file, String shown, boolean isFile) {
        UserRef to = from.equals(BOB) ? ALICE : BOB;
        MessagePreview preview = MessagePreview.of(new DirectMessage(9, from, to, text, AT, file), "alice");
        assertThat(preview.text()).isEqualTo(shown);
        assertThat(preview.file()).isEqualTo(isFile);
        assertThat(preview.id()).isEqualTo(9);
        assertThat(preview.at()).isEqualTo(AT);
    }

    @Test
    void aNoteToSelfIsMine() {
        assertThat(MessagePreview.of(new DirectMessage(3, ALICE, ALICE, "buy milk", AT, null), "alice").text())
            .isEqualTo("You: buy milk");
    }

    static Stream<Arguments> roomMessages() {
        return Stream.of(
            Arguments.of("someone else's, named", "bob", "the build is green", null, "bob: the build is green"),
            Arguments.of("mine", "alice", "shipping it", null, "You: shipping it"),
            Arguments.of("someone else's file", "carol", "", REPORT, "carol: Q4 report.pdf"),
            Arguments.of("a long name and text", "bob", "ok ".repeat(40), null, "bob: " + "ok ".repeat(18) + "o…"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roomMessages")
    void aRoomMessageInOneLineNamedByItsSender(String what, String sender, String text, FileInfo file, String shown) {
        RoomMessage message = new RoomMessage(42, 7, 2, sender, text, AT, file);
        assertThat(MessagePreview.of(message, "alice").text()).isEqualTo(shown);
    }
}
