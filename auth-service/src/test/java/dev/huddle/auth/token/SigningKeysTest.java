package dev.huddle.auth.token;

import dev.huddle.server.token.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void aPreparedKeyVerifiesBeforeItSignsAndThePreviousOneKeepsVerifyingAfterThePromotion() {
        SigningKeys keys = SigningKeys.loadOrCreate(dir);
        String first = keys.current().kid();

        SigningKey next = keys.prepare();
        assertThat(keys.current().kid()).isEqualTo(first);
        assertThat(keys.verifying()).containsOnlyKeys(first, next.kid());

        keys.promote(next.kid());
        assertThat(keys.current().kid()).isEqualTo(next.kid());
        assertThat(keys.verifying()).containsOnlyKeys(first, next.kid());
        assertThat(keys.retirable()).containsExactly(first);
    }

    @Test
    void theKeysSurviveARestartAndARetiredKeyStaysRetired() {
        SigningKeys keys = SigningKeys.loadOrCreate(dir);
        String first = keys.current().kid();
        SigningKey next = keys.prepare();
        keys.promote(next.kid());
        SigningKey third = keys.prepare();
        keys.promote(third.kid());
        keys.retire(first);

        SigningKeys reloaded = SigningKeys.loadOrCreate(dir);

        assertThat(reloaded.current().kid()).isEqualTo(third.kid());
        assertThat(reloaded.verifying()).containsOnlyKeys(third.kid(), next.kid());
    }

    @Test
    void theSigningKeyCannotBeRetiredAndAnUnknownOneIsNotFound() {
        SigningKeys keys = SigningKeys.loadOrCreate(dir);

        assertThatThrownBy(() -> keys.retire(keys.current().kid()))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> keys.retire("0123456789abcdef"))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
