package dev.huddle.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How {@code ./huddle} talks to a running supervisor: a Unix socket under run/ (only this user can
 * reach it), one request line per connection ({@code status}, {@code start <service...>},
 * {@code restart <service>}, {@code down}, {@code await}), answered by text lines and a last line
 * {@code OK} or {@code ERR <message>}.
 */
final class Control {

    /** An answer: the lines to show and whether the request succeeded. */
    record Reply(boolean ok, List<String> lines) {

        static Reply ok(List<String> lines) {
            return new Reply(true, lines);
        }

        static Reply error(String message) {
            return new Reply(false, List.of(message));
        }
    }

    private Control() {
    }

    /** The supervisor's end: answers requests until closed. */
    static final class Server implements AutoCloseable {

        private final Path socket;
        private final ServerSocketChannel channel;
        private final Set<Thread> answering = ConcurrentHashMap.newKeySet();

        private Server(Path socket, ServerSocketChannel channel) {
            this.socket = socket;
            this.channel = channel;
        }

        /** Lets the answers being written finish (a {@code down} is answered just before the exit). */
        @Override
        public void close() {
            try {
                channel.close();
                Files.deleteIfExists(socket);
            } catch (IOException ignored) {
                // the socket file goes with the run directory; a stale one is replaced at the next start
            }
            for (Thread thread : answering) {
                try {
                    thread.join(Duration.ofSeconds(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Serves requests on the socket until the server is closed. */
    static Server serve(Path socket, Function<String, CompletableFuture<Reply>> handler) throws IOException {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        Server server = new Server(socket, channel);
        Thread.ofPlatform().daemon().name("huddle-control").start(() -> {
            while (channel.isOpen()) {
                try {
                    SocketChannel connection = channel.accept();
                    Thread thread = Thread.ofVirtual().unstarted(() -> {
                        try {
                            answer(connection, handler);
                        } finally {
                            server.answering.remove(Thread.currentThread());
                        }
                    });
                    server.answering.add(thread);
                    thread.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return server;
    }

    private static void answer(SocketChannel connection, Function<String, CompletableFuture<Reply>> handler) {
        try (connection;
             BufferedReader in = new BufferedReader(Channels.newReader(connection, StandardCharsets.UTF_8));
             Writer out = Channels.newWriter(connection, StandardCharsets.UTF_8)) {
            String request = in.readLine();
            Reply reply;
            try {
                reply = handler.apply(request == null ? "" : request.trim()).join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                reply = Reply.error(cause.getMessage());
            }
            for (String line : reply.lines()) {
                out.write(line + "\n");
            }
            out.write(reply.ok() ? "OK\n" : "ERR\n");
            out.flush();
        } catch (IOException goneAway) {
            // the client stopped waiting (Ctrl-C); the work it asked for goes on
        }
    }

    /** Sends a request; empty when no supervisor answers on the socket. */
    static Optional<Reply> send(Path socket, String request) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException notListening) {
            return Optional.empty();
        }
        try (channel;
             BufferedReader in = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8));
             Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            out.write(request + "\n");
            out.flush();
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            if (lines.isEmpty()) {
                return Optional.of(Reply.error("the supervisor closed the connection without answering"));
            }
            String last = lines.remove(lines.size() - 1);
            return Optional.of(new Reply(last.equals("OK"), lines));
        } catch (IOException e) {
            throw new UncheckedIOException("talking to the supervisor on " + socket, e);
        }
    }
}
