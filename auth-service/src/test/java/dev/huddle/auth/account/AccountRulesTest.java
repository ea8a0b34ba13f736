package dev.huddle.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Alice", "bob_smith", "j.doe-2", "A1_.-", "x23456789012345678901234567890xy"})
    void validUsernamesAreAcceptedAsTyped(String username) {
        assertThat(AccountRules.validateUsername(username)).isEqualTo(username);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "x234567890123456789012345678901xyz"})
    void usernamesOutsideThreeToThirtyTwoCharactersAreRefused(String username) {
        assertRefused(() -> AccountRules.validateUsername(username), AccountRules.USERNAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bob smith", "bob@home", "bob!", "tab\tbed", "ålice", "người", "бoб", "bob😀", "a/b", "<x>"})
    void usernamesWithCharactersOutsideTheAllowedSetAreRefused(String username) {
        assertThatThrownBy(() -> AccountRules.validateUsername(username))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessageContaining("may only contain");
    }

    @Test
    void usernameLengthMessageNamesTheBounds() {
        assertThatThrownBy(() -> AccountRules.validateUsername("ab"))
                .hasMessage("username must be 3 to 32 characters long");
    }

    @Test
    void usernamesCompareIgnoringCaseInEveryLocale() {
        assertThat(AccountRules.normalizeUsername("Alice")).isEqualTo(AccountRules.normalizeUsername("aLICE"));
        // Locale.ROOT: the dotted/dotless i of a Turkish default locale must not matter
        assertThat(AccountRules.normalizeUsername("TIM")).isEqualTo("tim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "alice@example.com", "first.last+tag@mail.example.org", "  Bob@Example.COM  "})
    void validEmailsAreAcceptedAndNormalised(String email) {
        assertThat(AccountRules.validateEmail(email)).isEqualTo(email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "alice", "alice@", "@example.com", "alice@example", "alice@@example.com",
        "a@b@example.com", "alice smith@example.com", "alice@exa mple.com", "alice@.example.com",
        "alice@example.com.", "alice@example..com", "alice@exam\u0000ple.com", "alice@example\u00a0.com"})
    void invalidEmailsAreRefused(String email) {
        assertRefused(() -> AccountRules.validateEmail(email), AccountRules.EMAIL);
    }

    @Test
    void emailsUpTo254CharactersAreAccepted() {
        String domain = "@" + "d".repeat(60) + ".com";
        String at254 = "l".repeat(254 - domain.length()) + domain;
        String at255 = "l" + at254;

        assertThat(AccountRules.validateEmail(at254)).hasSize(254);
        assertRefused(() -> AccountRules.validateEmail(at255), AccountRules.EMAIL);
    }

    @Test
    void normalisedEmailIsTrimmedAndLowerCase() {
        assertThat(AccountRules.normalizeEmail(" Alice@Example.COM\n")).isEqualTo("alice@example.com");
    }

    @Test
    void passwordsOfEightToOneHundredTwentyEightCodePointsAreAccepted() {
        AccountRules.validatePassword("12345678");
        AccountRules.validatePassword("x".repeat(128));
        AccountRules.validatePassword("mật khẩu");
        // 128 emoji: 256 UTF-16 chars but 128 code points
        AccountRules.validatePassword("😀".repeat(128));
    }

    @Test
    void passwordsOutsideTheLengthBoundsAreRefused() {
        assertRefused(() -> AccountRules.validatePassword("1234567"), AccountRules.PASSWORD);
        assertRefused(() -> AccountRules.validatePassword("x".repeat(129)), AccountRules.PASSWORD);
        assertRefused(() -> AccountRules.validatePassword("😀".repeat(129)), AccountRules.PASSWORD);
        // 7 code points, 14 UTF-16 chars
        assertRefused(() -> AccountRules.validatePassword("😀".repeat(7)), AccountRules.PASSWORD);
        assertRefused(() -> AccountRules.validatePassword(""), AccountRules.PASSWORD);
        assertRefused(() -> AccountRules.validatePassword(null), AccountRules.PASSWORD);
    }

    @Test
    void validationExceptionCarriesNoStackTrace() {
        ValidationException e = new ValidationException("username", "username is required");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.field()).isEqualTo("username");
    }

    private static void assertRefused(Runnable check, String field) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field);
                });
    }
}
