package dev.huddle.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Dockerfile parser for the deployment tests: instructions (continuation lines
 * joined, comments dropped) grouped into build stages.
 */
record Dockerfile(List<List<Instruction>> stages) {

    /** One instruction: its keyword in upper case and the rest of the line. */
    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Dockerfile parse(Path file) {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : RepoFiles.lines(file)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String text = pending.toString().trim();
            pending.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT),
                parts.length > 1 ? parts[1].trim() : "");
            if (instruction.keyword().equals("FROM") || stages.isEmpty()) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return new Dockerfile(stages);
    }

    /** The stage the image is made of: the last one. */
    List<Instruction> runtimeStage() {
        return stages.isEmpty() ? List.of() : stages.get(stages.size() - 1);
    }

    List<String> runtime(String keyword) {
        return runtimeStage().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The runtime stage's EXPOSEd ports, normalized as {@link RepoFiles#normalizePort}. */
    List<String> exposedPorts() {
        List<String> ports = new ArrayList<>();
        for (String arguments : runtime("EXPOSE")) {
            for (String port : arguments.split("\\s+")) {
                ports.add(RepoFiles.normalizePort(port));
            }
        }
        return ports;
    }

    /** The runtime stage's ENV variables ({@code ENV K=V K2=V2} or {@code ENV K V}), later ones winning. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String arguments : runtime("ENV")) {
            String[] tokens = arguments.split("\\s+");
            if (!tokens[0].contains("=")) {
                env.put(tokens[0], arguments.substring(tokens[0].length()).trim());
                continue;
            }
            for (String token : tokens) {
                int eq = token.indexOf('=');
                env.put(token.substring(0, eq), unquote(token.substring(eq + 1)));
            }
        }
        return env;
    }

    /** The runtime stage's ENTRYPOINT in exec form, as its list of words. */
    List<String> entrypoint() {
        List<String> entrypoints = runtime("ENTRYPOINT");
        if (entrypoints.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        Matcher m = QUOTED.matcher(entrypoints.get(entrypoints.size() - 1));
        while (m.find()) {
            words.add(m.group(1));
        }
        return words;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
