package dev.huddle.client.cli;

import dev.huddle.client.line.LineConnection;
import dev.huddle.client.media.VideoSpec;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The subcommands of huddle-cli, each one or two line-protocol commands on one connection. Every
 * argument is read and checked before the connection is opened, so a wrong command line never
 * reaches the server and does not need one to be up.
 */
final class OneShot implements AutoCloseable {

    private static final int MANY = Integer.MAX_VALUE;

    /** A subcommand's shape: how many positional words, which options, whether the tail is a message. */
    record Spec(String name, String usage, int min, int max, Set<String> values, Set<String> flags, boolean freeText) {

        void checkCount(List<String> positional) {
            if (positional.size() < min || positional.size() > max) {
                throw new Args.UsageException("usage: huddle cli " + usage);
            }
        }
    }

    private static final List<Spec> SPECS = List.of(
        simple("register", "register <username> <password> [email]", 2, 3),
        simple("login", "login <username> <password> [code]", 2, 3),
        simple("passwd", "passwd <current_password> <new_password>", 2, 2),
        simple("totp-enrol", "totp-enrol", 0, 0),
        simple("totp-confirm", "totp-confirm <code>", 1, 1),
        simple("totp-disable", "totp-disable <password> <code>", 2, 2),
        simple("logout", "logout", 0, 0),
        simple("whoami", "whoami", 0, 0),
        simple("projects", "projects", 0, 0),
        new Spec("create", "create <name...> [--members \"a, b; c\"]", 1, MANY, Set.of("members"), Set.of(), false),
        simple("members", "members <project_id>", 1, 1),
        simple("add", "add <project_id> <users...>", 2, MANY),
        simple("kick", "kick <project_id> <username>", 2, 2),
        new Spec("history", "history <project_id> [--limit N] [--before ID] [--json]", 1, 1,
            Set.of("limit", "before"), Set.of("json"), false),
        new Spec("dm", "dm <username> <message...>", 2, MANY, Set.of(), Set.of(), true),
        new Spec("dm-history", "dm-history <username> [--limit N] [--before ID] [--json]", 1, 1,
            Set.of("limit", "before"), Set.of("json"), false),
        new Spec("dms", "dms [--json]", 0, 0, Set.of(), Set.of("json"), false),
        new Spec("send", "send <project_id> <message...>", 2, MANY, Set.of(), Set.of(), true),
        new Spec("chat", "chat <project_id> [--limit N]", 1, 1, Set.of("limit"), Set.of(), false),
        new Spec("send-file", "send-file <project_id|@user> <path> [--name NAME] [--http-port N]", 2, 2,
            Set.of("name", "http-port"), Set.of(), false),
        new Spec("get-file", "get-file <file_id> [-o PATH] [--http-port N]", 1, 1, Set.of("output", "http-port"),
            Set.of(), false),
        new Spec("files", "files <project_id|@user> [--limit N] [--before ID] [--json]", 1, 1,
            Set.of("limit", "before"), Set.of("json"), false),
        simple("delete-file", "delete-file <file_id>", 1, 1),
        new Spec("call", "call <project_id> [--video " + VideoSpec.USAGE + "] [--audio tone|device|file:PATH|none] "
            + "[--audio-codec pcm|opus] [--save-audio FILE] [--seconds N] [--save-frames DIR] [--relay HOST:PORT] "
            + "[--json]", 1, 1, CliCall.VALUES, CliCall.FLAGS, false));

    private static final Map<String, String> ALIASES = Map.of("reg", "register", "dm_history", "dm-history",
        "dm_threads", "dms", "new_project", "create", "add_group", "add", "say", "send", "delete_file", "delete-file",
        "totp_enrol", "totp-enrol", "totp_confirm", "totp-confirm", "totp_disable", "totp-disable");

    private final Cli cli;
    private final Supplier<LineConnection> connector;
    private final Args options;
    private LineConnection connection;

    OneShot(Cli cli, Supplier<LineConnection> connector, Args options) {
        this.cli = cli;
        this.connector = connector;
        this.options = options;
    }

    static Optional<Spec> spec(String command) {
        String name = ALIASES.getOrDefault(command, command);
        return SPECS.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Runs a subcommand whose word count {@link Spec#checkCount} has accepted; returns the exit status. */
    int run(String name, List<String> a) {
        switch (name) {
            case "register" -> print(ok(new Command.Reg(a.get(0), password(a.get(1)), a.size() > 2 ? a.get(2) : null)));
            case "login" -> login(new Command.Login(a.get(0), password(a.get(1)), a.size() > 2 ? a.get(2) : null));
            case "passwd" -> print(ok(new Command.Passwd(token(), password(a.get(0)), password(a.get(1)))));
            case "totp-enrol" -> print(ok(new Command.TotpEnrol(token())));
            case "totp-confirm" -> print(ok(new Command.TotpConfirm(token(), a.get(0))));
            case "totp-disable" -> print(ok(new Command.TotpDisable(token(), password(a.get(0)), a.get(1))));
            case "logout" -> logout(cli.token());
            case "whoami" -> print(ok(new Command.Whoami(token())));
            case "projects" -> {
                Command.Projects projects = new Command.Projects(token());
                print(connection().okReply(projects).json());
            }
            case "create" -> create(new Command.NewProject(token(), String.join(" ", a)), options.value("members"));
            case "members" -> print(ok(new Command.Members(token(), id(a.get(0)))));
            case "add" -> {
                String members = memberList(a.subList(1, a.size()));
                reportAdded(print(ok(new Command.AddGroup(token(), id(a.get(0)), members))));
            }
            case "kick" -> print(ok(new Command.Kick(token(), id(a.get(0)), a.get(1))));
            case "history" -> messages(ok(new Command.History(token(), id(a.get(0)), limit(), before())));
            case "dm" -> print(ok(new Command.Dm(token(), a.get(0), message(a))));
            case "dm-history" -> messages(ok(new Command.DmHistory(token(), a.get(0), limit(), before())));
            case "dms" -> threads(ok(new Command.DmThreads(token())));
            case "send" -> print(ok(new Command.Chat(token(), id(a.get(0)), message(a))));
            case "send-file" -> {
                return files().send(token(), a.get(0), a.get(1));
            }
            case "get-file" -> {
                return files().get(token(), Args.positive(a.get(0), "file_id"));
            }
            case "files" -> files().print(ok(new Command.Files(token(), CliFiles.target(a.get(0)), limit(), before())));
            case "delete-file" -> print(ok(new Command.DeleteFile(token(), Args.positive(a.get(0), "file_id"))));
            case "call" -> {
                CliCall.check(options);
                String token = token();
                long projectId = id(a.get(0));
                String username = connection().ok(new Command.Whoami(token)).getString("username");
                return new CliCall(connection(), token, projectId, options, cli.out(), cli.err()).run(username);
            }
            case "chat" -> {
                String token = token();
                long projectId = id(a.get(0));
                Integer limit = limit();
                return new ChatSession(connection(), token, projectId, limit, cli.input(), cli.out(), cli.err()).run();
            }
            default -> throw new IllegalArgumentException("no subcommand " + name);
        }
        return 0;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private void login(Command.Login login) {
        JsonObject result = ok(login);
        if (result.getValue("token") instanceof String token) {
            cli.tokens().save(token);
        }
        print(result);
    }

    private void logout(Cli.Token token) {
        try {
            print(ok(new Command.Logout(token.value())));
        } catch (HuddleException e) {
            if (e.code() == ErrorCode.INVALID_TOKEN) {
                forget(token); // already expired or revoked: the file is no use either
            }
            throw e;
        }
        forget(token);
    }

    private void forget(Cli.Token token) {
        // a token from HUDDLE_CLI_TOKEN is not the file's: leave the file alone
        if (token.fromFile()) {
            cli.tokens().delete();
        }
    }

    private void create(Command.NewProject create, String members) {
        String list = members == null ? null : memberList(List.of(members));
        JsonObject created = ok(create);
        if (list == null) {
            print(created);
            return;
        }
        long projectId = created.getJsonObject("project", new JsonObject()).getLong("id", 0L);
        try {
            // its result holds the project with its members, and the outcome per name
            reportAdded(print(ok(new Command.AddGroup(create.token(), projectId, list))));
        } catch (HuddleException e) {
            print(created);
            throw e;
        }
    }

    /** Names that were not added (unknown, already a member) are said out loud, not just left in the JSON. */
    private void reportAdded(JsonObject result) {
        if (result.getValue("results") instanceof JsonArray results) {
            for (Object item : results) {
                if (item instanceof JsonObject r && !"added".equals(r.getValue("result"))) {
                    cli.err().println("note: " + r.getValue("username") + " not added: " + r.getValue("result"));
                }
            }
        }
    }

    private void messages(JsonObject page) {
        if (options.flag("json")) {
            print(page);
        } else {
            Display.messages(page).forEach(m -> cli.out().println(Display.message(m)));
        }
    }

    private void threads(JsonObject answer) {
        if (options.flag("json")) {
            print(answer);
        } else {
            Display.threads(answer).forEach(cli.out()::println);
        }
    }

    private JsonObject print(Object json) {
        boolean pretty = options.flag("pretty");
        if (json instanceof JsonObject object) {
            cli.out().println(pretty ? object.encodePrettily() : object.encode());
            return object;
        }
        JsonArray array = (JsonArray) json;
        cli.out().println(pretty ? array.encodePrettily() : array.encode());
        return new JsonObject();
    }

    private CliFiles files() {
        return new CliFiles(cli, options, cli.terminal());
    }

    private JsonObject ok(Command command) {
        return connection().ok(command);
    }

    private LineConnection connection() {
        if (connection == null) {
            connection = connector.get();
        }
        return connection;
    }

    private String token() {
        return cli.token().value();
    }

    /** '-' reads the password from stdin's first line, so it shows in neither ps nor shell history. */
    private String password(String word) {
        if (!word.equals("-")) {
            return word;
        }
        try {
            String line = cli.input().readLine();
            if (line == null || line.isEmpty()) {
                throw new Args.UsageException("password '-': no password on stdin");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from stdin", e);
        }
    }

    private Integer limit() {
        String limit = options.value("limit");
        return limit == null ? null : (int) Math.min(Args.positive(limit, "--limit"), Integer.MAX_VALUE);
    }

    private Long before() {
        String before = options.value("before");
        return before == null ? null : Args.positive(before, "--before");
    }

    private static long id(String word) {
        return Args.positive(word, "project_id");
    }

    private static String message(List<String> words) {
        return String.join(" ", words.subList(1, words.size()));
    }

    /** "bob," "carol;" "[dave]" or "bob carol" all become "bob, carol, dave": usernames hold no blanks. */
    static String memberList(List<String> words) {
        String list = words.stream().flatMap(w -> Arrays.stream(w.split("[,;\\[\\]\\s]+")))
            .filter(name -> !name.isEmpty()).collect(Collectors.joining(", "));
        if (list.isEmpty()) {
            throw new Args.UsageException("no usernames given");
        }
        return list;
    }

    private static Spec simple(String name, String usage, int min, int max) {
        return new Spec(name, usage, min, max, Set.of(), Set.of(), false);
    }
}
