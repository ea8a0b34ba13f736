package dev.huddle.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shell examples of README.md. A {@code ```console} block is a transcript: lines starting with
 * {@code $ } are commands (continued by a trailing backslash, or up to the end marker of a here
 * document), the lines after one are what it prints. A {@code ```sh} block holds commands shown
 * without output: ones that start the platform or the suite itself ({@link #SETUP_COMMANDS}).
 */
record ReadmeExamples(List<Example> examples, List<String> setupCommands) {

    /** One command and the output the README shows for it. */
    record Example(int line, String command, List<String> expected) {
    }

    /** What a {@code ```sh} block may hold: the README test runs these itself, or is run by them. */
    static final List<String> SETUP_COMMANDS = List.of("./huddle up", "./huddle test", "./huddle down",
        "docker compose", "sudo apt-get install");

    private static final Pattern HEREDOC = Pattern.compile("<<-?'?\"?(\\w+)'?\"?");

    static ReadmeExamples parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        List<String> setup = new ArrayList<>();
        String block = null;
        Example current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                block = block == null ? line.substring(3).trim() : null;
                current = null;
                continue;
            }
            if ("sh".equals(block) && !line.isBlank()) {
                setup.add(line.replaceAll("\\s+#.*$", "").trim());
            } else if ("console".equals(block)) {
                if (line.startsWith("$ ")) {
                    int start = i;
                    StringBuilder command = new StringBuilder(line.substring(2));
                    while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                        command.append('\n').append(lines.get(++i));
                    }
                    var heredoc = HEREDOC.matcher(command);
                    if (heredoc.find()) {
                        String end = heredoc.group(1);
                        while (i + 1 < lines.size() && !lines.get(i).equals(end)) {
                            command.append('\n').append(lines.get(++i));
                        }
                    }
                    current = new Example(start + 1, command.toString(), new ArrayList<>());
                    examples.add(current);
                } else if (current != null) {
                    current.expected().add(line);
                }
            }
        }
        return new ReadmeExamples(examples, setup);
    }
}
