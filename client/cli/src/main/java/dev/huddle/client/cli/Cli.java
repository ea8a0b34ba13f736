package dev.huddle.client.cli;

import dev.huddle.client.ClientTls;
import dev.huddle.client.store.TokenStore;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * huddle-cli: the command-line client of chat-service's line protocol, for people and for scripts.
 * One invocation runs one subcommand ({@link #USAGE}) over one connection and returns the exit
 * status: 0 when the server said {@code OK}, 1 when it refused ({@code ERR <CODE> <message>} on
 * stderr) or could not be reached, 2 for a wrong command line.
 *
 * <p>Everything it touches comes in through the constructor (streams, how to connect, where the
 * token lives, the environment), so it runs the same in tests as from {@link Main}.
 */
public final class Cli {

    /** Opens a connection; {@link LineConnection#open} in production, a test server's port in tests. */
    @FunctionalInterface
    public interface Connector {
        LineConnection connect(String host, int port, Duration timeout, ClientTls tls);
    }

    /** The environment variable holding a token, used instead of the token file when set. */
    public static final String TOKEN_ENV = "HUDDLE_CLI_TOKEN";

    static final String USAGE = """
        Usage: huddle cli [--host HOST] [--port PORT] [--tls [--ca FILE | --insecure]] [--timeout SECONDS]
                          [--pretty] <command> [args]

        Accounts
          register <username> <password> [email]  create an account
          login <username> <password> [code]      log in; the token is kept in ~/.huddle/token
                                                  (code: with two-factor login on, from the
                                                  authenticator app, or a recovery code)
          logout                                  revoke the token and forget it
          whoami                                  who you are logged in as
          passwd <current_password> <new_password>
                                                  change your password; your other sessions end
          totp-enrol                              start two-factor login: prints the secret and the
                                                  otpauth:// URI for an authenticator app
          totp-confirm <code>                     turn two-factor login on with a first code; prints
                                                  ten single-use recovery codes (keep them safe)
          totp-disable <password> <code>          turn two-factor login off
        Projects (meeting rooms)
          projects                                the projects you own or belong to
          create <name...> [--members "a, b; c"]  create a project, optionally with members
          members <project_id>                    a project's members
          add <project_id> <users...>             add members by username (owner only)
          kick <project_id> <username>            remove a member (owner only)
        Chat
          chat <project_id> [--limit N]           open the room: its history, then live messages;
                                                  every line typed (or piped) in is sent, /help inside
          send <project_id> <message...>          send one message to a room
          history <project_id> [--limit N] [--before ID] [--json]
                                                  a room's messages, oldest first
          dm <username> <message...>              send a direct message
          dm-history <username> [--limit N] [--before ID] [--json]
          dms [--json]
                                                  your direct messages with one user, oldest first
        Files (up to the server's limit, 25 MiB by default; checked with SHA-256 both ways)
          send-file <project_id|@user> <path> [--name NAME] [--http-port N]
                                                  upload over HTTP (tus); resumes after a lost connection,
                                                  and when run again after an interruption
          get-file <file_id> [-o PATH] [--http-port N]
                                                  download into PATH (default: the file's name here)
          files <project_id|@user> [--limit N] [--before ID] [--json]
                                                  a room's or a conversation's files, newest first
          delete-file <file_id>                   remove a file (uploader, room owner or admin)
        Calls
          call <project_id> [--video synthetic|device[:PATH]|file:PATH|screen[:DISPLAY]|none]
               [--audio tone|device|file:PATH|none] [--audio-codec pcm|opus] [--save-audio FILE]
               [--seconds N] [--save-frames DIR] [--relay HOST:PORT] [--json]
                                                  join the room's call as a headless participant: send
                                                  video (640x480, 15 fps: a test pattern, the camera
                                                  /dev/video0, a video file, or the X screen $DISPLAY)
                                                  and sound (a tone, the microphone and speaker, a
                                                  looped WAV, or none; a note if no sound device
                                                  exists), print one stats line a second and a
                                                  summary; --save-frames writes each received frame as
                                                  <username>-<frame>.jpg; --save-audio writes what is
                                                  heard to a WAV; --audio-codec opus sends Opus (PCM
                                                  is the default)
          help                                    this text

        Connects to chat-service's line protocol, 127.0.0.1:7000 unless --host/--port say otherwise;
        --timeout is how long to wait for each reply (default 10 s). --tls speaks TLS (the server runs
        with HUDDLE_TLS_CERT) and checks its certificate against the JDK's CAs, or against --ca FILE
        (e.g. data/tls/ca.crt of ./huddle certs; implies --tls); --insecure trusts any certificate
        (testing only). The token is HUDDLE_CLI_TOKEN when set, else the one login saved in ~/.huddle/token (mode 600; logout removes it). A password
        given as '-' is read from the first line of stdin, which keeps it out of ps and shell history.
        Output: the server's JSON result on one line (--pretty indents it); history, dm-history and
        chat print messages as 'username: message - timestamp'. send-file and get-file talk HTTP (https
        with --tls) to chat-service's port 8083 (--http-port) and draw a progress bar on stderr when it
        is a terminal.
        Exit status: 0 OK; 1 refused (ERR <CODE> <message> on stderr) or server unreachable; 2 usage.
        """;

    static final Set<String> GLOBAL_VALUES = Set.of("host", "port", "timeout", "ca");
    static final Set<String> GLOBAL_FLAGS = Set.of("pretty", "help", "tls", "insecure");
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 7000;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Connector connector;
    private final TokenStore tokens;
    private final Map<String, String> env;
    private final boolean terminal;
    private BufferedReader input;

    public Cli(InputStream in, PrintStream out, PrintStream err, Connector connector, TokenStore tokens,
               Map<String, String> env) {
        this(in, out, err, connector, tokens, env, false);
    }

    /** @param terminal whether stderr is a terminal: file transfers then draw a progress bar */
    public Cli(InputStream in, PrintStream out, PrintStream err, Connector connector, TokenStore tokens,
               Map<String, String> env, boolean terminal) {
        this.terminal = terminal;
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.env = Map.copyOf(env);
    }

    /** Runs one command line; returns the exit status. Never throws for anything the server or user does. */
    public int run(String... args) {
        try {
            return dispatch(Arrays.asList(args));
        } catch (Args.UsageException e) {
            err.println("huddle-cli: " + e.getMessage());
            err.println("Run 'huddle cli help' for the commands.");
            return 2;
        } catch (HuddleException e) {
            err.println("ERR " + e.code() + " " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("huddle-cli: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a reply of a shape this client does not expect, say from a newer server: one line, no stack trace
            err.println("ERR " + ErrorCode.INTERNAL + " " + e.getMessage());
            return 1;
        }
    }

    private int dispatch(List<String> args) {
        Args global = Args.parse(args, GLOBAL_VALUES, GLOBAL_FLAGS, true);
        if (global.flag("help")) {
            out.print(USAGE);
            return 0;
        }
        if (global.rest().isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String command = global.rest().get(0);
        List<String> words = global.rest().subList(1, global.rest().size());
        if (command.equals("help")) {
            out.print(USAGE);
            return 0;
        }
        OneShot.Spec spec = OneShot.spec(command)
            .orElseThrow(() -> new Args.UsageException("unknown command '" + command + "'"));
        // a message is taken as typed ("send 1 --port is 7000" sends all of it): options go before the command
        Args local = spec.freeText() ? Args.parse(prefixed(words), Set.of(), Set.of(), false)
            : Args.parse(words, union(GLOBAL_VALUES, spec.values()), union(GLOBAL_FLAGS, spec.flags()), false);
        Args all = local.withDefaults(global);
        if (all.flag("help")) {
            out.print(USAGE);
            return 0;
        }
        spec.checkCount(local.positional());
        String host = host(all);
        int port = port(all);
        Duration timeout = timeout(all);
        ClientTls tls = tls(all);
        if (tls.trustAny()) {
            err.println("huddle-cli: --insecure: the server's certificate is not checked");
        }
        try (OneShot oneShot = new OneShot(this, () -> connector.connect(host, port, timeout, tls), all)) {
            return oneShot.run(spec.name(), local.positional());
        }
    }

    // ---------------------------------------------------------------- for OneShot

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    TokenStore tokens() {
        return tokens;
    }

    boolean terminal() {
        return terminal;
    }

    /** The token for a command that needs one: HUDDLE_CLI_TOKEN, else the token file. */
    Token token() {
        String fromEnv = env.get(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Token(fromEnv.strip(), false);
        }
        return tokens.read().map(t -> new Token(t, true)).orElseThrow(() -> new HuddleException(
            ErrorCode.INVALID_TOKEN, "not logged in: run 'huddle cli login <username> <password>' or set "
            + TOKEN_ENV));
    }

    /** A token and whether it came from the token file (logout only forgets the file's own). */
    record Token(String value, boolean fromFile) {
    }

    /** The shared reader over stdin: a password given as '-', and the lines of a chat session. */
    BufferedReader input() {
        if (input == null) {
            input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return input;
    }

    // ---------------------------------------------------------------- options

    private static String host(Args args) {
        String host = args.value("host");
        if (host == null) {
            return DEFAULT_HOST;
        }
        if (host.isBlank()) {
            throw new Args.UsageException("--host needs a host name or address");
        }
        return host;
    }

    private static int port(Args args) {
        String port = args.value("port");
        if (port == null) {
            return DEFAULT_PORT;
        }
        long value = Args.positive(port, "--port");
        if (value > 65_535) {
            throw new Args.UsageException("--port must be from 1 to 65535, not '" + port + "'");
        }
        return (int) value;
    }

    /** Whether to speak TLS and whom to trust, from --tls, --ca and --insecure. */
    static ClientTls tls(Args args) {
        String ca = args.value("ca");
        if (ca != null && args.flag("insecure")) {
            throw new Args.UsageException("--ca and --insecure exclude each other: trust one CA, or any certificate");
        }
        if (ca != null) {
            try {
                return ClientTls.trusting(java.nio.file.Path.of(ca));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--ca: " + e.getMessage());
            }
        }
        if (args.flag("insecure")) {
            return ClientTls.trustingAny();
        }
        return args.flag("tls") ? ClientTls.systemTrust() : ClientTls.OFF;
    }

    private static Duration timeout(Args args) {
        String seconds = args.value("timeout");
        return seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(Args.positive(seconds, "--timeout"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> prefixed(List<String> words) {
        List<String> all = new ArrayList<>(words.size() + 1);
        all.add("--");
        all.addAll(words);
        return all;
    }
}
