package dev.huddle.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    // RFC 6238, appendix B: the seeds are these ASCII strings (20, 32 and 64 bytes)
    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = ("1234567890123456789012345678901234567890123456789012345678901234")
        .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s")
    @CsvSource({
        "59,          94287082, 46119246, 90693936",
        "1111111109,  07081804, 68084774, 25091201",
        "1111111111,  14050471, 67062674, 99943326",
        "1234567890,  89005924, 91819424, 93441116",
        "2000000000,  69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void theRfc6238TestVectorsComeOut(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void huddlesCodeIsTheLastSixDigitsOfTheRfcSha1Vector() {
        // 6 digits: the same truncation modulo 10^6, so the RFC's 8-digit value ends with it
        assertThat(Totp.code(SHA1_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(SHA1_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNamesItsStep() {
        Instant at = Instant.ofEpochSecond(1_111_111_109);
        long step = Totp.step(at);
        String current = Totp.code(SHA1_KEY, at);
        String previous = Totp.code(SHA1_KEY, at.minus(Totp.STEP));
        String next = Totp.code(SHA1_KEY, at.plus(Totp.STEP));
        assertThat(Totp.verify(SHA1_KEY, current, at)).hasValue(step);
        assertThat(Totp.verify(SHA1_KEY, previous, at)).hasValue(step - 1);
        assertThat(Totp.verify(SHA1_KEY, next, at)).hasValue(step + 1);
        assertThat(Totp.verify(SHA1_KEY, Totp.code(SHA1_KEY, at.minus(Totp.STEP.multipliedBy(2))), at)).isEmpty();
        assertThat(Totp.verify(SHA1_KEY, Totp.code(SHA1_KEY, at.plus(Totp.STEP.multipliedBy(2))), at)).isEmpty();
    }

    @Test
    void malformedCodesAreRefusedWithoutThrowing() {
        Instant at = Instant.ofEpochSecond(59);
        for (String bad : new String[] {null, "", "12345", "1234567", "28708a", "２８７０８２", " 287082"}) {
            assertThat(Totp.verify(SHA1_KEY, bad, at)).as("%s", bad).isEmpty();
        }
    }

    @Test
    void base32RoundTripsTheRfc4648Vectors() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertThat(Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(v[1]);
            assertThat(new String(Base32.decode(v[1]), StandardCharsets.US_ASCII)).isEqualTo(v[0]);
        }
    }
}
