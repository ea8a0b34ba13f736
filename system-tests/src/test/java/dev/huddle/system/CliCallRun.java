package dev.huddle.system;

import dev.huddle.client.cli.Cli;
import dev.huddle.client.line.LineConnection;
import dev.huddle.client.store.TokenStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of {@code huddle-cli call} in this JVM as member {@code index} of a room: its status and output. */
record CliCallRun(int status, String out, String err) {

    static CliCallRun run(CallCluster cluster, Path root, CallRoom room, int index, String... options) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(cluster.linePort), "call",
            Long.toString(room.id())));
        args.addAll(List.of(options));
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), LineConnection::open,
            new TokenStore(root.resolve("no-token-file")), Map.of(Cli.TOKEN_ENV, room.tokens()[index]));
        int status = cli.run(args.toArray(String[]::new));
        return new CliCallRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
