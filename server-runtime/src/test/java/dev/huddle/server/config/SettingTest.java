package dev.huddle.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void unsetOrBlankVariableTakesTheDocumentedDefault() {
        Setting<Integer> port = Setting.port("HUDDLE_X_PORT", 8081, "x");
        assertThat(port.read(Env.of(Map.of()))).isEqualTo(8081);
        assertThat(port.read(Env.of(Map.of("HUDDLE_X_PORT", "  ")))).isEqualTo(8081);
        assertThat(port.read(Env.of(Map.of("HUDDLE_X_PORT", " 9000 ")))).isEqualTo(9000);
    }

    @Test
    void badPortStopsWithAOneLineMessageNamingTheVariable() {
        Setting<Integer> port = Setting.port("HUDDLE_X_PORT", 8081, "x");
        assertThatThrownBy(() -> port.read(Env.of(Map.of("HUDDLE_X_PORT", "eighty"))))
            .isInstanceOf(ConfigException.class)
            .hasMessage("HUDDLE_X_PORT: must be a whole number (got 'eighty')");
        assertThatThrownBy(() -> port.read(Env.of(Map.of("HUDDLE_X_PORT", "70000"))))
            .hasMessage("HUDDLE_X_PORT: must be between 1 and 65535 (got '70000')");
    }

    @Test
    void durationsAcceptUnitsAndRefuseBareNumbers() {
        assertThat(Setting.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Setting.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Setting.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Setting.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Setting.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        Setting<Duration> ttl = Setting.duration("HUDDLE_TTL", "1h", "x");
        assertThatThrownBy(() -> ttl.read(Env.of(Map.of("HUDDLE_TTL", "90"))))
            .hasMessageStartingWith("HUDDLE_TTL: must be a duration");
    }

    @Test
    void listsDropBlanksAndFlagsAcceptCommonSpellings() {
        Setting<List<String>> members = Setting.list("HUDDLE_M", "a", "x");
        assertThat(members.read(Env.of(Map.of("HUDDLE_M", " a:1, ,b:2,")))).containsExactly("a:1", "b:2");
        Setting<Boolean> flag = Setting.flag("HUDDLE_F", false, "x");
        assertThat(flag.read(Env.of(Map.of("HUDDLE_F", "yes")))).isTrue();
        assertThat(flag.read(Env.of(Map.of("HUDDLE_F", "OFF")))).isFalse();
        assertThatThrownBy(() -> flag.read(Env.of(Map.of("HUDDLE_F", "maybe")))).hasMessageContaining("HUDDLE_F");
    }

    @Test
    void unknownHostIsRefusedAtStartUp() {
        Setting<String> host = Setting.host("HUDDLE_H", "127.0.0.1", "x");
        assertThatThrownBy(() -> host.read(Env.of(Map.of("HUDDLE_H", "no such host!"))))
            .hasMessageStartingWith("HUDDLE_H: unknown host");
    }
}
