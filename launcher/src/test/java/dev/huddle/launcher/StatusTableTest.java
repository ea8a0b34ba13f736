package dev.huddle.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void durationsAreShortAndReadable() {
        assertThat(StatusTable.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(StatusTable.duration(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(StatusTable.duration(Duration.ofMinutes(127))).isEqualTo("2h07m");
        assertThat(StatusTable.duration(Duration.ofHours(76))).isEqualTo("3d04h");
    }
}
