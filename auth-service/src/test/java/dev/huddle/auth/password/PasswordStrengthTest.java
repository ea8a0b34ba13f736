package dev.huddle.auth.password;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordStrengthTest {

    private final PasswordStrength strength = new PasswordStrength(3);

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwertyuiop", "iloveyou2", "Password1!", "123456789", "aaaaaaaaaa",
        "letmein!!", "abcdefgh12"})
    void commonAndPatternedPasswordsAreRefused(String weak) {
        assertThatThrownBy(() -> strength.check(weak, "someone", "someone@example.com"))
            .isInstanceOf(HuddleException.class)
            .extracting(e -> ((HuddleException) e).code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
    }

    @Test
    void theAccountsOwnNameAndAddressCountAsGuessable() {
        assertThatCode(() -> strength.check("zanzibar-quill", "bob", "bob@example.com")).doesNotThrowAnyException();
        assertThatThrownBy(() -> strength.check("zanzibar-quill", "zanzibar-quill", null))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> strength.check("zanzibarquill2026", "bob", "zanzibarquill@example.com"))
            .isInstanceOf(HuddleException.class);
    }

    @Test
    void theRefusalSaysWhy() {
        assertThatThrownBy(() -> strength.check("password123"))
            .hasMessageContaining("too easy to guess").hasMessageContaining("common password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "violet-anchor-93-drum", "mật khẩu 🔑 пароль", "Tr0ub4dor&3"})
    void longOrUnusualPasswordsPass(String good) {
        assertThatCode(() -> strength.check(good, "alice", "alice@example.com")).doesNotThrowAnyException();
    }

    @Test
    void scoreZeroChecksNothingButLength() {
        assertThatCode(() -> new PasswordStrength(0).check("password123")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new PasswordStrength(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
