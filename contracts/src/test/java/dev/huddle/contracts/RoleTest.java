package dev.huddle.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void wireNamesAreLowerCase() {
        assertThat(Role.USER.wireName()).isEqualTo("user");
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
    }

    @Test
    void fromWireIgnoresCase() {
        assertThat(Role.fromWire("user")).isEqualTo(Role.USER);
        assertThat(Role.fromWire("ADMIN")).isEqualTo(Role.ADMIN);
        assertThat(Role.fromWire("Admin")).isEqualTo(Role.ADMIN);
    }

    @Test
    void unknownOrNullWireNameIsRejected() {
        assertThatThrownBy(() -> Role.fromWire("root")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root");
        assertThatThrownBy(() -> Role.fromWire("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Role.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
