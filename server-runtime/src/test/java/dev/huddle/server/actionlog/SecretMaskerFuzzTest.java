package dev.huddle.server.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.huddle.contracts.fuzz.FuzzInput;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No secret survives {@link SecretMasker#mask}, however the text around it is shaped: a password in
 * a {@code reg} or {@code login} line whatever separates the words and whatever the case of the
 * command, a token after {@code logout} or {@code Bearer}, the value of a secret JSON field whose name
 * is spelled with any escapes, and any of them with junk around; and masking never throws.
 *
 * <p>The {@code @FuzzTest} is a Jazzer fuzz test. A normal test run ({@code ./huddle test}) replays
 * the seed inputs in {@code src/test/resources/dev/huddle/server/actionlog/SecretMaskerFuzzTestInputs/};
 * to fuzz for real: {@code JAZZER_FUZZ=1 ./mvnw -pl server-runtime -am test
 * -Dtest='SecretMaskerFuzzTest#noSecretSurvivesMasking' -Dsurefire.failIfNoSpecifiedTests=false}
 * (docs/ARCHITECTURE.md, "Fuzzing").
 */
class SecretMaskerFuzzTest {

    /** What may separate the words of a command line: the ASCII blanks and look-alikes a client may try. */
    private static final List<String> SEPARATORS = List.of(" ", "\t", "  ", " \t ", "\u000b", "\f", "\r", "\u00a0",
        "\u2007", "\u3000", "\u0085", "\u2028", "\u0000", "\u001f");
    private static final List<String> SECRET_COMMANDS = List.of("reg", "login", "REG", "Login", "LOGIN");
    private static final List<String> SECRET_FIELDS = List.of("password", "newPassword", "currentPassword", "token",
        "accessToken", "refreshToken", "PASSWORD", "Token");
    private static final List<String> BEFORE_JSON = List.of("", "POST /api/auth/login ", "{\"x\":1} ", "x\" ", "[");

    @FuzzTest(maxDuration = "10m")
    void noSecretSurvivesMasking(byte[] data) {
        check(new FuzzInput(data));
    }

    @Test
    void noSecretSurvivesMaskingInSeededRandomCases() {
        SplittableRandom random = new SplittableRandom(20_241_030);
        for (int i = 0; i < 20_000; i++) {
            check(FuzzInput.random(random, 200));
        }
    }

    private static void check(FuzzInput in) {
        // a secret no other part of the case can contain: a marker plus letters and digits
        String secret = "Zq" + in.word(6, 24);
        // the secret as written in the text: in JSON some of its letters may be escapes
        String written = in.pick(4) == 0 ? escapeSome(in, secret) : secret;
        String text = switch (in.pick(4)) {
            case 0 -> commandLine(in, secret);
            case 1 -> json(in, written);
            case 2 -> junk(in) + " " + in.oneOf(List.of("Bearer ", "bearer\t", "BEARER  ")) + secret + junk(in);
            default -> in.oneOf(List.of("", " ", "\t", "x\n")) + "logout" + in.oneOf(SEPARATORS) + secret + junk(in);
        };
        String masked = SecretMasker.mask(text);
        assertThat(masked).as("masking %s", text).doesNotContain(secret).doesNotContain(written);
    }

    /** {@code reg|login <user> <secret> [more]} with any separators, leading blanks and trailing words. */
    private static String commandLine(FuzzInput in, String secret) {
        StringBuilder line = new StringBuilder(in.oneOf(List.of("", " ", "\t", "\u000b")));
        line.append(in.oneOf(SECRET_COMMANDS)).append(in.oneOf(SEPARATORS)).append("user").append(in.word(0, 6))
            .append(in.oneOf(SEPARATORS)).append(secret);
        for (int words = in.pick(3); words > 0; words--) {
            line.append(in.oneOf(SEPARATORS)).append(in.text(10));
        }
        return line.toString();
    }

    /** A JSON object whose secret field's name has any of its characters written as escapes. */
    private static String json(FuzzInput in, String secret) {
        String field = in.oneOf(SECRET_FIELDS);
        StringBuilder name = new StringBuilder();
        for (char c : field.toCharArray()) {
            name.append(in.flag() ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        // a secret spelled with escapes is a JSON string; a plain one may also stand bare (not JSON, still masked)
        String value = in.flag() || secret.contains("\\u") ? "\"" + secret + "\"" : secret;
        String before = in.flag() ? "\"username\":\"" + in.word(1, 8) + "\"," + in.oneOf(List.of("", " ", "\n")) : "";
        String close = in.flag() ? "}" : "";
        return in.oneOf(BEFORE_JSON) + "{" + before + "\"" + name + "\"" + in.oneOf(List.of("", " ", "\t"))
            + ":" + in.oneOf(List.of("", " ")) + value + close + junk(in);
    }

    /** The secret with some letters written as JSON escapes: the log must hide it spelled either way. */
    private static String escapeSome(FuzzInput in, String secret) {
        StringBuilder out = new StringBuilder();
        for (char c : secret.toCharArray()) {
            out.append(in.pick(8) == 0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String junk(FuzzInput in) {
        return in.flag() ? in.text(12) : "";
    }
}
