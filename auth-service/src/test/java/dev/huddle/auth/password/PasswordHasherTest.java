package dev.huddle.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    // small costs keep the suite fast; the OWASP defaults get their own tests
    private static final Argon2Params CHEAP = new Argon2Params(64, 1, 1);

    // test vectors of the Argon2 reference implementation (phc-winner-argon2, src/test.c), password "password"
    private static final String REFERENCE_256K =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    private static final String REFERENCE_64M =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    private final PasswordHasher cheap = new PasswordHasher(CHEAP);

    @Test
    void hashWithOwaspParametersVerifiesTheSamePassword() {
        PasswordHasher owasp = new PasswordHasher();
        String phc = owasp.hash("correct horse battery staple");

        assertThat(owasp.verify(phc, "correct horse battery staple")).isTrue();
        assertThat(owasp.verify(phc, "correct horse battery stapler")).isFalse();
    }

    @Test
    void hashIsInPhcFormatWithOwaspParameters() {
        String phc = new PasswordHasher().hash("s3cret-pass");

        // 16-byte salt = 22 base64 characters, 32-byte hash = 43, no padding
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void referenceImplementationHashesVerify() {
        assertThat(cheap.verify(REFERENCE_256K, "password")).isTrue();
        assertThat(cheap.verify(REFERENCE_64M, "password")).isTrue();
        assertThat(cheap.verify(REFERENCE_256K, "passwore")).isFalse();
    }

    @Test
    void wrongPasswordIsRefused() {
        String phc = cheap.hash("hunter22");

        assertThat(cheap.verify(phc, "hunter23")).isFalse();
        assertThat(cheap.verify(phc, "Hunter22")).isFalse();
        assertThat(cheap.verify(phc, "")).isFalse();
        assertThat(cheap.verify(phc, (String) null)).isFalse();
        assertThat(cheap.verify(phc, (char[]) null)).isFalse();
    }

    @Test
    void unicodePasswordRoundTripsAsUtf8() {
        String password = "mật khẩu 🔑 пароль";
        String phc = cheap.hash(password);

        assertThat(cheap.verify(phc, password)).isTrue();
        assertThat(cheap.verify(phc, password.toCharArray())).isTrue();
        assertThat(cheap.verify(phc, "mat khau 🔑 пароль")).isFalse();
    }

    @Test
    void charArrayAndStringPasswordsHashAlike() {
        assertThat(cheap.verify(cheap.hash("pa55word€".toCharArray()), "pa55word€")).isTrue();
        // an unpaired surrogate is encoded as String.getBytes would, '?'
        assertThat(cheap.verify(cheap.hash(new char[] {'a', '\uD800', 'b'}), "a\uD800b")).isTrue();
    }

    @Test
    void samePasswordGetsDifferentSaltsAndHashes() {
        String first = cheap.hash("same password");
        String second = cheap.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
        assertThat(cheap.verify(first, "same password")).isTrue();
        assertThat(cheap.verify(second, "same password")).isTrue();
    }

    @Test
    void hashMadeWithOtherParametersStillVerifiesAfterACostChange() {
        String old = cheap.hash("long-lived password");
        PasswordHasher stronger = new PasswordHasher(new Argon2Params(128, 2, 2));

        assertThat(stronger.verify(old, "long-lived password")).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
    }

    @Test
    void ownHashDoesNotNeedRehash() {
        assertThat(cheap.needsRehash(cheap.hash("pass-word"))).isFalse();
    }

    @Test
    void referenceHashWithShortSaltNeedsRehash() {
        PasswordHasher hasher = new PasswordHasher(new Argon2Params(256, 2, 1));
        // same parameters, but an 8-byte salt where this hasher uses 16
        assertThat(hasher.needsRehash(REFERENCE_256K)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "garbage",
        "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=64,t=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$t=1,m=64,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$",
        "$argon2id$v=19$m=64,t=1,p=1$$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$extra",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4A",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOg",
        "$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=64,t=1,p=0$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        " $argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
    })
    void malformedHashIsRefusedWithoutThrowingAndNeedsRehash(String phc) {
        assertThat(cheap.verify(phc, "password")).isFalse();
        assertThat(cheap.needsRehash(phc)).isTrue();
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new Argon2Params(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(64, 1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(Argon2Params.MAX_MEMORY_KIB + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Params(64, Argon2Params.MAX_ITERATIONS + 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
