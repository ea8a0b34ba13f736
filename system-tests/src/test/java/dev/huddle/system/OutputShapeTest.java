package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README test's comparison: values may differ, the shape may not. */
class OutputShapeTest {

    @Test
    void tokensTimesDurationsAndNumbersMayDiffer() {
        assertThat(OutputShape.mismatch(
            List.of("OK login {\"token\":\"eyJraWQiOi...\",\"expiresAt\":\"2026-12-02T12:41:21Z\",\"user\":{\"id\":3}}",
                "chat-service   running     16624    55s      0         UP"),
            List.of("OK login {\"token\":\"eyJhbGc.eyJzdWIiOiIzIn0.c2ln\",\"expiresAt\":\"2027-01-05T01:02:03.5Z\",\"user\":{\"id\":12}}",
                "chat-service running 7 1m02s 3 UP"))).isNull();
    }

    @Test
    void aDifferentWordFieldOrLineCountIsAMismatch() {
        assertThat(OutputShape.mismatch(List.of("{\"role\":\"admin\"}"), List.of("{\"role\":\"user\"}")))
            .contains("expected shape");
        assertThat(OutputShape.mismatch(List.of("{\"id\":1,\"username\":\"bob\"}"), List.of("{\"id\":1}"))).isNotNull();
        assertThat(OutputShape.mismatch(List.of("OK reg {}"), List.of("OK reg {}", "ERR chat X y"))).contains("lines");
    }

    @Test
    void eventsMayArriveBeforeOrAfterTheReplyButNotGoMissing() {
        List<String> readme = List.of("OK chat {\"id\":1}", "EVENT chat {\"id\":1}");
        assertThat(OutputShape.mismatch(readme, List.of("EVENT chat {\"id\":1}", "OK chat {\"id\":1}"))).isNull();
        assertThat(OutputShape.mismatch(readme, List.of("OK chat {\"id\":1}"))).isNotNull();
    }

    @Test
    void threeDotsInTheReadmeStandForAnything() {
        assertThat(OutputShape.mismatch(List.of("{\"project\":{...},\"results\":[]}"),
            List.of("{\"project\":{\"id\":4,\"name\":\"x\"},\"results\":[]}"))).isNull();
    }

    @Test
    void readmeTranscriptsSplitIntoCommandsAndTheirOutput() {
        ReadmeExamples readme = ReadmeExamples.parse(List.of("```sh", "./huddle up   # start", "```", "```console",
            "$ curl -s http://x \\", "  -d '{}'", "{\"id\":1}", "$ nc x <<EOF", "reg a b", "EOF", "OK reg {}", "```"));
        assertThat(readme.setupCommands()).containsExactly("./huddle up");
        assertThat(readme.examples()).extracting(ReadmeExamples.Example::command)
            .containsExactly("curl -s http://x \\\n  -d '{}'", "nc x <<EOF\nreg a b\nEOF");
        assertThat(readme.examples().get(1).expected()).containsExactly("OK reg {}");
    }
}
