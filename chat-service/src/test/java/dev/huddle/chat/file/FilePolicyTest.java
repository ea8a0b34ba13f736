package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.token.Principal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may fetch and who may remove: the whole matrix. */
class FilePolicyTest {

    static final Principal UPLOADER = user(1, Role.USER);
    static final Principal MEMBER = user(2, Role.USER);
    static final Principal OWNER = user(3, Role.USER);
    static final Principal OUTSIDER = user(4, Role.USER);
    static final Principal ADMIN = user(5, Role.ADMIN);
    static final FilePolicy.Standing IN = new FilePolicy.Standing(true, false);
    static final FilePolicy.Standing OWNS = new FilePolicy.Standing(true, true);
    static final StoredFile ROOM_FILE = file(new Destination.Room(7));
    static final StoredFile DIRECT_FILE = file(new Destination.Direct(2, "member"));

    static Principal user(long id, Role role) {
        return new Principal(id, "u" + id, role, "t" + id, Instant.parse("2099-01-01T00:00:00Z"));
    }

    static StoredFile file(Destination destination) {
        return new StoredFile(12, destination, 1, "u1", "a.txt", 1, "text/plain", "0".repeat(64), "f".repeat(32),
            Instant.EPOCH);
    }

    @Test
    void roomFilesAreForMembers() {
        assertThatCode(() -> FilePolicy.requireReader(MEMBER, ROOM_FILE, IN)).doesNotThrowAnyException();
        assertThatCode(() -> FilePolicy.requireReader(OWNER, ROOM_FILE, OWNS)).doesNotThrowAnyException();
        refused(() -> FilePolicy.requireReader(OUTSIDER, ROOM_FILE, FilePolicy.Standing.NONE), ErrorCode.NOT_MEMBER);
        // uploaders who left the room lose access like everyone else
        refused(() -> FilePolicy.requireReader(UPLOADER, ROOM_FILE, FilePolicy.Standing.NONE), ErrorCode.NOT_MEMBER);
    }

    @Test
    void directFilesAreForTheirTwoParties() {
        assertThatCode(() -> FilePolicy.requireReader(UPLOADER, DIRECT_FILE, FilePolicy.Standing.NONE))
            .doesNotThrowAnyException();
        assertThatCode(() -> FilePolicy.requireReader(MEMBER, DIRECT_FILE, FilePolicy.Standing.NONE))
            .doesNotThrowAnyException();
        refused(() -> FilePolicy.requireReader(OUTSIDER, DIRECT_FILE, FilePolicy.Standing.NONE), ErrorCode.NOT_MEMBER);
        refused(() -> FilePolicy.requireReader(ADMIN, DIRECT_FILE, FilePolicy.Standing.NONE), ErrorCode.NOT_MEMBER);
    }

    @Test
    void theUploaderTheRoomOwnerAndAdminsRemoveOthersDoNot() {
        assertThatCode(() -> FilePolicy.requireRemover(UPLOADER, ROOM_FILE, IN)).doesNotThrowAnyException();
        assertThatCode(() -> FilePolicy.requireRemover(OWNER, ROOM_FILE, OWNS)).doesNotThrowAnyException();
        assertThatCode(() -> FilePolicy.requireRemover(ADMIN, ROOM_FILE, FilePolicy.Standing.NONE))
            .doesNotThrowAnyException();
        assertThatCode(() -> FilePolicy.requireRemover(ADMIN, DIRECT_FILE, FilePolicy.Standing.NONE))
            .doesNotThrowAnyException();
        refused(() -> FilePolicy.requireRemover(MEMBER, ROOM_FILE, IN), ErrorCode.FORBIDDEN);
        refused(() -> FilePolicy.requireRemover(MEMBER, DIRECT_FILE, FilePolicy.Standing.NONE), ErrorCode.FORBIDDEN);
        refused(() -> FilePolicy.requireRemover(OUTSIDER, ROOM_FILE, FilePolicy.Standing.NONE), ErrorCode.NOT_MEMBER);
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HuddleException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
}
