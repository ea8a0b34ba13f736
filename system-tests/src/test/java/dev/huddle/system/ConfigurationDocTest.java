package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.launcher.LauncherSettings;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/CONFIGURATION.md documents every setting: the common ones in the section whose heading says
 * "Common", each service's own (its HTTP port, other ports, own settings) in the section whose heading
 * names the service. A row is {@code | `NAME` | `default` or (empty) | description |}.
 */
class ConfigurationDocTest {

    private static final String EMPTY_DEFAULT = "(empty)";

    /** Table rows by section heading; each row's cells. */
    private static Map<String, List<List<String>>> sections;

    @BeforeAll
    static void load() {
        Path doc = RepoFiles.root().resolve("docs").resolve("CONFIGURATION.md");
        assertThat(doc).isRegularFile();
        sections = parse(RepoFiles.lines(doc));
    }

    @Test
    void documentsEveryCommonSetting() {
        checkSection("Common", NodeConfig.SETTINGS);
    }

    @Test
    void documentsWhatTheLauncherReads() {
        checkSection("./huddle up", LauncherSettings.ALL);
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void documentsEverySettingOfTheService(ServiceDescriptor service) {
        Set<String> common = NodeConfig.SETTINGS.stream().map(Setting::name).collect(Collectors.toSet());
        List<Setting<?>> own = service.allSettings().stream().filter(s -> !common.contains(s.name())).toList();
        checkSection(service.name(), own);
    }

    private static void checkSection(String headingPart, List<Setting<?>> settings) {
        List<List<String>> rows = section(headingPart);
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (List<String> row : rows) {
            byName.put(row.get(0).replace("`", "").trim(), row);
        }
        for (Setting<?> setting : settings) {
            List<String> row = byName.get(setting.name());
            assertThat(row).as("docs/CONFIGURATION.md, section '" + headingPart + "': a row for " + setting.name())
                .isNotNull();
            assertThat(row).as("row of " + setting.name()).hasSizeGreaterThanOrEqualTo(3);
            String expectedDefault = setting.defaultValue().isEmpty()
                ? EMPTY_DEFAULT
                : "`" + setting.defaultValue() + "`";
            assertThat(row.get(1)).as("documented default of " + setting.name()).isEqualTo(expectedDefault);
            assertThat(row.get(2)).as("description of " + setting.name()).isNotBlank();
        }
        Set<String> known = settings.stream().map(Setting::name).collect(Collectors.toSet());
        assertThat(byName.keySet()).as("variables documented in section '" + headingPart + "' (no stale rows)")
            .isSubsetOf(known);
    }

    private static List<List<String>> section(String headingPart) {
        String wanted = headingPart.toLowerCase(Locale.ROOT);
        List<String> matches = sections.keySet().stream()
            .filter(h -> h.toLowerCase(Locale.ROOT).contains(wanted))
            .toList();
        assertThat(matches).as("docs/CONFIGURATION.md: one '## ...' section mentioning '" + headingPart + "'")
            .hasSize(1);
        return sections.get(matches.get(0));
    }

    /** Table rows (header and separator rows skipped) of each "## " section. */
    private static Map<String, List<List<String>>> parse(List<String> lines) {
        Map<String, List<List<String>>> result = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("## ")) {
                current = new ArrayList<>();
                result.put(trimmed.substring(3).trim(), current);
                continue;
            }
            if (current == null || !trimmed.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(trimmed);
            boolean separator = cells.stream().allMatch(c -> c.matches(":?-+:?"));
            boolean header = !cells.isEmpty() && cells.get(0).equalsIgnoreCase("variable");
            if (!separator && !header) {
                current.add(cells);
            }
        }
        return result;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
