package dev.huddle.client.cli;

import dev.huddle.client.store.TokenStore;
import dev.huddle.client.line.LineConnection;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code huddle-cli}, the command-line client ({@code ./huddle cli ...}): wires {@link Cli} to the
 * process's streams, environment and {@code ~/.huddle/token}, and exits with its status.
 */
public final class Main {

    /**
     * Netty's notices (e.g. "Failed to find a usable hardware address" on a host without a MAC
     * address) would land in the middle of the CLI's output, which scripts read; kept here because
     * java.util.logging holds its loggers weakly.
     */
    private static final Logger NETTY = Logger.getLogger("io.netty");

    private Main() {
    }

    public static void main(String[] args) {
        NETTY.setLevel(Level.SEVERE);
        // Chat is UTF-8 on the wire; under a C/POSIX locale the JVM would print "Xin ch?o ?" instead.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        Cli cli = new Cli(System.in, out, err, LineConnection::open, TokenStore.inHome(env), env, isTerminal());
        int status = cli.run(args);
        out.flush();
        err.flush();
        // a chat session's stdin reader may still be blocked on the terminal: exit without waiting for it
        System.exit(status);
    }

    /**
     * Whether we talk to a terminal. JDK 22+ has {@code Console.isTerminal()} (its console exists even
     * when redirected); on 21 a console exists only on a terminal.
     */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
