package dev.huddle.client.line;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A blocking TCP client of chat-service's line protocol ({@code docs/LINE_PROTOCOL.md}): commands
 * go out as lines ({@link LineCodec#format}), and one reader thread reads what comes back.
 *
 * <p>The server answers commands in the order it received them, so replies ({@code OK}/{@code ERR})
 * are matched to requests first-in first-out; {@code EVENT} lines may arrive in between at any time
 * and go to the {@link #onEvent event listeners}, on the reader thread, before the next line is read.
 * An event that arrived before a reply has therefore been handled by the time that reply's request
 * returns. Every method may be called from any thread.
 *
 * <p>Failures are {@link HuddleException}s, so callers have one error path: an {@code ERR} reply
 * (from {@link #ok}) with the server's code, {@link ErrorCode#UNAVAILABLE} when the server cannot be
 * reached, does not answer within the timeout, or the connection is closed, and
 * {@link ErrorCode#BAD_REQUEST} for a command the line form cannot carry.
 */
public final class LineConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final Duration timeout;
    private final String peer;
    private final Object lock = new Object();
    // guarded by lock: a request is queued and written under one lock so the queue has the wire's order
    private final Queue<CompletableFuture<Reply>> pending = new ArrayDeque<>();
    private boolean shutDown;
    private final List<Consumer<Reply.Event>> eventListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private LineConnection(Socket socket, Duration timeout, String peer) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.timeout = timeout;
        this.peer = peer;
        Thread reader = new Thread(this::readLoop, "huddle-line-reader " + peer);
        // a CLI must be able to exit while the reader is blocked on the socket
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects to a line port.
     *
     * @param timeout how long to wait for the connection and, later, for each reply
     * @throws HuddleException {@link ErrorCode#UNAVAILABLE} when the connection cannot be made
     */
    public static LineConnection open(String host, int port, Duration timeout) {
        Objects.requireNonNull(host, "host");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        String peer = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return new LineConnection(socket, timeout, peer);
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(socket);
            throw new HuddleException(ErrorCode.UNAVAILABLE, "cannot connect to chat-service at " + peer + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * Sends a command and waits for its reply.
     *
     * @return the {@link Reply.Ok} or {@link Reply.Err} that answers it
     * @throws HuddleException UNAVAILABLE when no reply comes within the timeout or the connection
     *                         closes; BAD_REQUEST when the command cannot be written as a line
     */
    public Reply request(Command command) {
        try {
            return send(command).get();
        } catch (ExecutionException e) {
            throw asHuddle(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HuddleException(ErrorCode.UNAVAILABLE, "interrupted while waiting for the reply to "
                + command.word());
        }
    }

    /**
     * Sends a command and returns its result, a JSON object (every command's but {@code projects}).
     *
     * @throws HuddleException with the server's code and message for an {@code ERR} reply, or as
     *                         {@link #request} does
     * @throws IllegalStateException when the result is an array
     */
    public JsonObject ok(Command command) {
        return okReply(command).object();
    }

    /** As {@link #ok}, for a result of either shape ({@code projects} answers with an array). */
    public Reply.Ok okReply(Command command) {
        return switch (request(command)) {
            case Reply.Ok ok -> ok;
            case Reply.Err err -> throw new HuddleException(err.code(), err.message());
            case Reply.Event event -> throw new IllegalStateException("an event is never a reply");
            case Reply.Ready ready -> throw new IllegalStateException("READY " + ready.command()
                + ": raw bytes are sent with FileLine, not this connection");
        };
    }

    /**
     * Sends a command without waiting. The future completes with the reply, or fails with a
     * {@link HuddleException} as {@link #request} throws it; it never fails for an {@code ERR}.
     */
    public CompletableFuture<Reply> send(Command command) {
        String line;
        try {
            line = LineCodec.format(command) + "\n";
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new HuddleException(ErrorCode.BAD_REQUEST, e.getMessage()));
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        synchronized (lock) {
            if (shutDown) {
                return CompletableFuture.failedFuture(closedError());
            }
            pending.add(reply);
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the reader sees the broken socket too; close() fails everything still pending
                closeQuietly(socket);
            }
        }
        String word = command.word();
        // A timed-out future stays queued: it still takes its late reply, so later requests keep theirs.
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                unwrap(e) instanceof TimeoutException ? new HuddleException(ErrorCode.UNAVAILABLE,
                    "no reply to " + word + " from " + peer + " within " + timeout.toMillis() + " ms")
                    : asHuddle(e)));
    }

    /** Adds a listener for {@code EVENT} lines; it runs on the reader thread and must not block for long. */
    public void onEvent(Consumer<Reply.Event> listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Adds a listener run once when the connection closes, by either side: on the thread that
     * closes it, or at once when it is already closed.
     */
    public void onClose(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        closed.thenRun(() -> {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // as for events: every listener runs
            }
        });
    }

    /** Whether the connection is closed (by {@link #close()}, the server, or a network failure). */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Where this connection goes, as {@code host:port}. */
    public String peer() {
        return peer;
    }

    /** Closes the socket; requests still waiting fail with UNAVAILABLE. Idempotent. */
    @Override
    public void close() {
        closeQuietly(socket);
        shutDown();
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                dispatch(line);
            }
        } catch (IOException e) {
            // closed by us or reset by the server: either way the connection is over
        } finally {
            closeQuietly(socket);
            shutDown();
        }
    }

    private void dispatch(String line) {
        Reply reply;
        try {
            reply = LineReply.parse(line);
        } catch (IllegalArgumentException malformed) {
            if (!line.startsWith("EVENT ")) {
                // it stands where a reply should: fail that request rather than shift every later one
                complete(null, new HuddleException(ErrorCode.INTERNAL, malformed.getMessage()));
            }
            return;
        }
        if (reply instanceof Reply.Event event) {
            for (Consumer<Reply.Event> listener : eventListeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // one broken listener must not stop the reader; the others still get the event
                }
            }
        } else {
            complete(reply, null);
        }
    }

    private void complete(Reply reply, HuddleException error) {
        CompletableFuture<Reply> request;
        synchronized (lock) {
            request = pending.poll();
        }
        if (request == null) {
            return; // a reply nobody asked for
        }
        if (error != null) {
            request.completeExceptionally(error);
        } else {
            request.complete(reply);
        }
    }

    private void shutDown() {
        List<CompletableFuture<Reply>> abandoned;
        synchronized (lock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
            abandoned = new ArrayList<>(pending);
            pending.clear();
        }
        abandoned.forEach(request -> request.completeExceptionally(closedError()));
        closed.complete(null);
    }

    private HuddleException closedError() {
        return new HuddleException(ErrorCode.UNAVAILABLE, "the connection to " + peer + " is closed");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static HuddleException asHuddle(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof HuddleException huddle ? huddle
            : new HuddleException(ErrorCode.UNAVAILABLE, String.valueOf(e.getMessage()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket that will not close
        }
    }
}
