package dev.huddle.client.cli;

import dev.huddle.client.store.TokenStore;
import dev.huddle.client.line.LineConnection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link Cli} as a process would, against a test server's port, and keeps what it printed. */
final class CliRunner {

    /** One run's exit status and output. */
    record Result(int status, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private final int port;
    private final TokenStore tokens;
    private final Map<String, String> env = new HashMap<>();

    CliRunner(int port, Path home) {
        this.port = port;
        this.tokens = new TokenStore(home.resolve(".huddle").resolve("token"));
    }

    TokenStore tokens() {
        return tokens;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs with stdin empty. */
    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        return runWithInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    Result runWithInput(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
        all.addAll(List.of(args));
        Cli cli = new Cli(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), LineConnection::open, tokens, env);
        int status = cli.run(all.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
