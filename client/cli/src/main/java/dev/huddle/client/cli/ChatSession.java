package dev.huddle.client.cli;

import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code huddle-cli chat <project_id>}: joins a room, shows its history then what happens live, and
 * sends each line read from stdin as a chat message. Lines starting with {@code /} are commands
 * ({@code /help}); {@code //} sends a message that starts with {@code /}.
 *
 * <p>Lines are sent one at a time, each after the previous one's reply, so messages keep the order
 * they were typed in, a {@code RATE_LIMITED} line can be retried without overtaking later ones, and
 * at the end of input every line has been answered before the session ends. {@link RoomScreen}
 * decides what is printed, and when.
 *
 * <p>Room content (messages, presence, room events) goes to stdout; remarks about the session itself
 * (welcome, refusals, the connection ending) go to stderr, so a script can read stdout as the log.
 */
final class ChatSession {

    static final String HELP = """
        /dm <user> <text>   send a direct message
        /history [N]        show the room's last N messages again
        /members            who is in the project
        /quit               leave (so does end of input, Ctrl-D)
        //text              send a message that starts with /""";

    private static final int RATE_LIMIT_ATTEMPTS = 20;
    private static final long RATE_LIMIT_PAUSE_MILLIS = 500;

    /** What the main loop waits for: a typed line, the end of input, or the session being ended. */
    private sealed interface Signal {
        record Line(String text) implements Signal {
        }

        record EndOfInput() implements Signal {
        }

        record Ended(String why) implements Signal {
        }
    }

    private final LineConnection connection;
    private final String token;
    private final long projectId;
    private final Integer historyLimit;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private RoomScreen screen;
    private boolean refused;

    ChatSession(LineConnection connection, String token, long projectId, Integer historyLimit,
                BufferedReader in, PrintStream out, PrintStream err) {
        this.connection = connection;
        this.token = token;
        this.projectId = projectId;
        this.historyLimit = historyLimit;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs until end of input, {@code /quit}, removal from the project or a lost connection.
     *
     * @return 0 when every line was accepted and the session ended normally, else 1
     * @throws HuddleException when the room cannot be opened (bad token, not a member, ...)
     */
    /**
     * What opening the room shows: the whole history oldest to newest (paged back from the newest),
     * or only the last {@code --limit} messages when one was asked for.
     */
    private JsonObject openingHistory() {
        JsonObject page = connection.ok(new Command.History(token, projectId, historyLimit, null));
        if (historyLimit != null) {
            return page;
        }
        JsonArray all = page.getJsonArray("messages", new JsonArray());
        while (page.getBoolean("hasMore", false) && !all.isEmpty()) {
            long oldest = all.getJsonObject(0).getLong("id");
            page = connection.ok(new Command.History(token, projectId, LineCodec.MAX_HISTORY_LIMIT, oldest));
            JsonArray older = page.getJsonArray("messages", new JsonArray()).copy();
            older.addAll(all);
            all = older;
        }
        return page.copy().put("messages", all).put("hasMore", false);
    }

    int run() {
        String me = connection.ok(new Command.Whoami(token)).getString("username", "");
        screen = new RoomScreen(projectId, me, out, why -> signals.add(new Signal.Ended(why)));
        connection.onEvent(screen::event);
        connection.onClose(() -> signals.add(new Signal.Ended("the connection to " + connection.peer() + " closed")));
        JsonObject joined = connection.ok(new Command.Join(token, projectId));
        err.println("* joined project " + projectId + " as " + me + "; members: " + Display.memberList(joined)
            + ". Type to chat, /help for commands.");
        screen.goLive(openingHistory());
        startReadingInput();
        while (true) {
            Signal signal = nextSignal();
            switch (signal) {
                case Signal.Line line -> {
                    if (!handle(line.text())) {
                        return finish(refused ? 1 : 0);
                    }
                }
                case Signal.EndOfInput end -> {
                    return finish(refused ? 1 : 0);
                }
                case Signal.Ended ended -> {
                    err.println("* " + ended.why());
                    return finish(1);
                }
            }
        }
    }

    /** One typed line; false when it ends the session. */
    private boolean handle(String line) {
        if (line.isBlank()) {
            return true;
        }
        try {
            if (line.startsWith("/") && !line.startsWith("//")) {
                return command(line);
            }
            say(line.startsWith("//") ? line.substring(1) : line);
        } catch (Args.UsageException e) {
            err.println(e.getMessage());
        } catch (HuddleException e) {
            err.println("ERR " + e.code() + " " + e.getMessage());
            refused = true;
            // a timeout or a dead connection leaves us not knowing what was stored: stop here
            return e.code() != ErrorCode.UNAVAILABLE;
        }
        return true;
    }

    private void say(String text) {
        screen.sent(okRetryingWhenRateLimited(new Command.Chat(token, projectId, text)));
    }

    private boolean command(String line) {
        String[] words = line.strip().split("\\s+", 3);
        switch (words[0]) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/help" -> err.println(HELP);
            case "/members" -> err.println("* members: "
                + Display.memberList(connection.ok(new Command.Members(token, projectId))));
            case "/history" -> {
                Integer limit = words.length > 1 ? (int) Math.min(Args.positive(words[1], "N"), 1_000) : null;
                screen.history(connection.ok(new Command.History(token, projectId, limit, null)));
            }
            case "/dm" -> {
                if (words.length < 3) {
                    err.println("usage: /dm <user> <text>");
                } else {
                    screen.sentDm(connection.ok(new Command.Dm(token, words[1], words[2])), words[1]);
                }
            }
            default -> err.println("unknown command " + words[0] + "; /help lists them");
        }
        return true;
    }

    private JsonObject okRetryingWhenRateLimited(Command command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return connection.ok(command);
            } catch (HuddleException e) {
                if (e.code() != ErrorCode.RATE_LIMITED || attempt == RATE_LIMIT_ATTEMPTS) {
                    throw e;
                }
            }
            pause();
        }
    }

    private void startReadingInput() {
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    signals.add(new Signal.Line(line));
                }
            } catch (IOException e) {
                // stdin gone: treat as its end
            }
            signals.add(new Signal.EndOfInput());
        }, "huddle-cli-stdin");
        // stdin cannot be interrupted: a daemon thread lets the CLI exit while it waits
        reader.setDaemon(true);
        reader.start();
    }

    private Signal nextSignal() {
        try {
            return signals.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Signal.Ended("interrupted");
        }
    }

    private int finish(int status) {
        connection.close();
        return status;
    }

    private static void pause() {
        try {
            Thread.sleep(RATE_LIMIT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HuddleException(ErrorCode.UNAVAILABLE, "interrupted");
        }
    }
}
