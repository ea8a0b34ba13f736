package dev.huddle.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminSetupTest {

    @TempDir
    Path dir;

    private static void assertInvalidCode(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOf(HuddleException.class)
            .extracting(e -> ((HuddleException) e).code()).isEqualTo(ErrorCode.INVALID_SETUP_CODE);
    }

    @Test
    void aFreshServerWritesAOneTimeCodeOnlyItsOwnerCanRead() throws Exception {
        AdminSetup setup = AdminSetup.prepare(dir, "", false);
        Path file = dir.resolve(AdminSetup.FILE);
        assertThat(setup.pendingCode()).matches("[A-Z2-7]{5}(-[A-Z2-7]{5}){3}");
        assertThat(Files.readString(file).strip()).isEqualTo(setup.pendingCode());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // a restart before anyone claimed it keeps the same code
        assertThat(AdminSetup.prepare(dir, "", false).pendingCode()).isEqualTo(setup.pendingCode());
    }

    @Test
    void theFirstToRegisterWithoutTheCodeIsAPlainUser() {
        AdminSetup setup = AdminSetup.prepare(dir, "", false);
        assertThat(setup.roleFor("mallory", null, 0)).isEqualTo(Role.USER);
        assertThat(setup.roleFor("mallory", "", 0)).isEqualTo(Role.USER);
    }

    @Test
    void theCodeMakesAnAdminOnceAndAWrongOneIsRefused() {
        AdminSetup setup = AdminSetup.prepare(dir, "", false);
        String code = setup.pendingCode();
        assertInvalidCode(() -> setup.roleFor("mallory", "AAAAA-AAAAA-AAAAA-AAAAA", 0));
        assertThat(setup.roleFor("alice", code.toLowerCase().replace("-", ""), 0)).isEqualTo(Role.ADMIN);
        // with an admin in place (another registration won the race) the same code no longer works
        assertInvalidCode(() -> setup.roleFor("bob", code, 1));
        setup.claimed();
        assertThat(setup.pendingCode()).isNull();
        assertThat(dir.resolve(AdminSetup.FILE)).doesNotExist();
        assertInvalidCode(() -> setup.roleFor("bob", code, 0));
    }

    @Test
    void aServerWithAnAdminOrANamedAdminHasNoCode() {
        AdminSetup.prepare(dir, "", false);
        AdminSetup restarted = AdminSetup.prepare(dir, "", true);
        assertThat(restarted.pendingCode()).isNull();
        assertThat(dir.resolve(AdminSetup.FILE)).doesNotExist();

        AdminSetup named = AdminSetup.prepare(dir, "Boss", false);
        assertThat(named.pendingCode()).isNull();
        assertThat(named.roleFor("boss", null, 0)).isEqualTo(Role.ADMIN);
        assertThat(named.roleFor("early_bird", null, 0)).isEqualTo(Role.USER);
        assertInvalidCode(() -> named.roleFor("early_bird", "ABCDE", 0));
    }
}
