package dev.huddle.room.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.HuddleException;
import dev.huddle.room.project.RoomPolicy.Operation;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomPolicyTest {

    /** Who is asking: their role in the project (if any) and whether they are a Huddle admin. */
    enum Caller {
        OWNER(MemberRole.OWNER, false),
        MEMBER(MemberRole.MEMBER, false),
        OUTSIDER(null, false),
        ADMIN_NOT_MEMBER(null, true),
        ADMIN_MEMBER(MemberRole.MEMBER, true),
        ADMIN_OWNER(MemberRole.OWNER, true);

        final Optional<MemberRole> role;
        final boolean admin;

        Caller(MemberRole role, boolean admin) {
            this.role = Optional.ofNullable(role);
            this.admin = admin;
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        OWNER            | VIEW               | ALLOWED
        OWNER            | ADD_MEMBERS        | ALLOWED
        OWNER            | KICK               | ALLOWED
        OWNER            | LEAVE              | CONFLICT
        OWNER            | TRANSFER_OWNERSHIP | ALLOWED
        OWNER            | RENAME             | ALLOWED
        OWNER            | DELETE             | ALLOWED
        OWNER            | JOIN_CALL          | ALLOWED
        MEMBER           | VIEW               | ALLOWED
        MEMBER           | ADD_MEMBERS        | NOT_OWNER
        MEMBER           | KICK               | NOT_OWNER
        MEMBER           | LEAVE              | ALLOWED
        MEMBER           | TRANSFER_OWNERSHIP | NOT_OWNER
        MEMBER           | RENAME             | NOT_OWNER
        MEMBER           | DELETE             | NOT_OWNER
        MEMBER           | JOIN_CALL          | ALLOWED
        OUTSIDER         | VIEW               | NOT_MEMBER
        OUTSIDER         | ADD_MEMBERS        | NOT_MEMBER
        OUTSIDER         | KICK               | NOT_MEMBER
        OUTSIDER         | LEAVE              | NOT_MEMBER
        OUTSIDER         | TRANSFER_OWNERSHIP | NOT_MEMBER
        OUTSIDER         | RENAME             | NOT_MEMBER
        OUTSIDER         | DELETE             | NOT_MEMBER
        OUTSIDER         | JOIN_CALL          | NOT_MEMBER
        ADMIN_NOT_MEMBER | VIEW               | ALLOWED
        ADMIN_NOT_MEMBER | ADD_MEMBERS        | ALLOWED
        ADMIN_NOT_MEMBER | KICK               | ALLOWED
        ADMIN_NOT_MEMBER | LEAVE              | NOT_MEMBER
        ADMIN_NOT_MEMBER | TRANSFER_OWNERSHIP | ALLOWED
        ADMIN_NOT_MEMBER | RENAME             | ALLOWED
        ADMIN_NOT_MEMBER | DELETE             | ALLOWED
        ADMIN_NOT_MEMBER | JOIN_CALL          | NOT_MEMBER
        ADMIN_MEMBER     | VIEW               | ALLOWED
        ADMIN_MEMBER     | ADD_MEMBERS        | ALLOWED
        ADMIN_MEMBER     | KICK               | ALLOWED
        ADMIN_MEMBER     | LEAVE              | ALLOWED
        ADMIN_MEMBER     | TRANSFER_OWNERSHIP | ALLOWED
        ADMIN_MEMBER     | RENAME             | ALLOWED
        ADMIN_MEMBER     | DELETE             | ALLOWED
        ADMIN_MEMBER     | JOIN_CALL          | ALLOWED
        ADMIN_OWNER      | VIEW               | ALLOWED
        ADMIN_OWNER      | ADD_MEMBERS        | ALLOWED
        ADMIN_OWNER      | KICK               | ALLOWED
        ADMIN_OWNER      | LEAVE              | CONFLICT
        ADMIN_OWNER      | TRANSFER_OWNERSHIP | ALLOWED
        ADMIN_OWNER      | RENAME             | ALLOWED
        ADMIN_OWNER      | DELETE             | ALLOWED
        ADMIN_OWNER      | JOIN_CALL          | ALLOWED
        """)
    void theMatrixDecidesEveryCallerAndOperation(Caller caller, Operation op, String expected) {
        if (expected.equals("ALLOWED")) {
            assertThatCode(() -> RoomPolicy.check(op, caller.role, caller.admin)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> RoomPolicy.check(op, caller.role, caller.admin))
                .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code().name()).isEqualTo(expected));
        }
    }

    @Test
    void theTableAboveCoversEveryOperation() {
        // a new Operation must be added to the matrix, not silently allowed or refused
        Set<String> tabled = Set.of("VIEW", "ADD_MEMBERS", "KICK", "LEAVE", "TRANSFER_OWNERSHIP", "RENAME", "DELETE",
            "JOIN_CALL");
        assertThat(Arrays.stream(Operation.values()).map(Enum::name).collect(Collectors.toSet())).isEqualTo(tabled);
    }

    @Test
    void theOwnerIsToldHowToLeave() {
        assertThatThrownBy(() -> RoomPolicy.check(Operation.LEAVE, Optional.of(MemberRole.OWNER), false))
            .hasMessage("the owner cannot leave: hand over ownership or delete the project");
    }
}
