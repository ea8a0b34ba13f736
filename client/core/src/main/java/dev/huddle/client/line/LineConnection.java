package dev.huddle.client.line;

import dev.huddle.client.ClientTls;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A blocking client of chat-service's line protocol ({@code docs/LINE_PROTOCOL.md}) for callers on
 * plain threads (huddle-cli, the system tests): a {@link LineChannel}, the repository's one
 * line-protocol client, with waiting, a per-reply timeout and parsed events added.
 *
 * <p>The server answers commands in the order it received them, so replies ({@code OK}/{@code ERR})
 * are matched to requests first-in first-out; {@code EVENT} lines may arrive in between at any time
 * and go to the {@link #onEvent event listeners}, on the connection's event-loop thread, before the
 * next line is read. An event that arrived before a reply has therefore been handled by the time that
 * reply's request returns. Every method may be called from any thread but that event loop.
 *
 * <p>Failures are {@link HuddleException}s, so callers have one error path: an {@code ERR} reply
 * (from {@link #ok}) with the server's code, {@link ErrorCode#UNAVAILABLE} when the server cannot be
 * reached, does not answer within the timeout, or the connection is closed, and
 * {@link ErrorCode#BAD_REQUEST} for a command the line form cannot carry.
 */
public final class LineConnection implements AutoCloseable {

    private final LineChannel channel;
    private final NetClient client;
    private final Duration timeout;
    private final String peer;
    private final List<Consumer<Reply.Event>> eventListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean released = new AtomicBoolean();

    private LineConnection(LineChannel channel, NetClient client, Duration timeout, String peer) {
        this.channel = channel;
        this.client = client;
        this.timeout = timeout;
        this.peer = peer;
        channel.onEvent(this::dispatchEvent);
        channel.onClose(this::closedNow);
        if (channel.isClosed()) {
            closedNow();
        }
    }

    /**
     * Connects to a line port.
     *
     * @param timeout how long to wait for the connection and, later, for each reply
     * @throws HuddleException {@link ErrorCode#UNAVAILABLE} when the connection cannot be made
     */
    public static LineConnection open(String host, int port, Duration timeout) {
        return open(host, port, timeout, ClientTls.OFF);
    }

    /**
     * Connects to a line port, over TLS when {@code tls} says so (the certificate is checked during
     * the connection, so a server that is not trusted fails it with UNAVAILABLE).
     *
     * @param timeout how long to wait for the connection and, later, for each reply
     * @throws HuddleException {@link ErrorCode#UNAVAILABLE} when the connection cannot be made
     */
    public static LineConnection open(String host, int port, Duration timeout, ClientTls tls) {
        Objects.requireNonNull(host, "host");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        String peer = host + ":" + port;
        Vertx vertx = ClientVertx.acquire();
        NetClient client = vertx.createNetClient(tls.applyTo(new NetClientOptions().setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))));
        try {
            LineChannel channel = LineChannel.connect(vertx, client, host, port).toCompletionStage()
                .toCompletableFuture().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new LineConnection(channel, client, timeout, peer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            ClientVertx.release();
            throw new HuddleException(ErrorCode.UNAVAILABLE, "interrupted while connecting to " + peer);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            client.close();
            ClientVertx.release();
            Throwable cause = unwrap(e);
            throw new HuddleException(ErrorCode.UNAVAILABLE, "cannot connect to chat-service at " + peer + ": "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
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
        return await(send(command), command.word());
    }

    /**
     * Sends one raw line (without its line ending), as {@code nc} would, and waits for its reply;
     * for tests of how the server treats what no {@link Command} can express.
     */
    public Reply requestLine(String line) {
        return await(guard(channel.request(line).toCompletionStage().toCompletableFuture(), "line"), "line");
    }

    /**
     * Sends bytes as they are, line endings included, and waits for the replies to the {@code lines}
     * lines they hold; for tests of the server's framing (bad UTF-8, an over-long line, a burst).
     */
    public List<Reply> requestBytes(byte[] bytes, int lines) {
        List<CompletableFuture<Reply>> replies = channel.requestBytes(bytes, lines).stream()
            .map(reply -> guard(reply.toCompletionStage().toCompletableFuture(), "line")).toList();
        return replies.stream().map(reply -> await(reply, "line")).toList();
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
            line = LineCodec.format(command);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new HuddleException(ErrorCode.BAD_REQUEST, e.getMessage()));
        }
        if (isClosed()) {
            return CompletableFuture.failedFuture(closedError());
        }
        return guard(channel.request(line).toCompletionStage().toCompletableFuture(), command.word());
    }

    /** Adds a listener for {@code EVENT} lines; it runs on the event loop and must not block for long. */
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
        if (!closed.isDone()) {
            try {
                channel.close().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // closing anyway: what is left of the socket goes with the shared event loop
            }
        }
        closedNow();
    }

    private void dispatchEvent(Buffer line) {
        Reply reply;
        try {
            reply = LineReply.parse(line.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return; // an unreadable event is skipped; the replies' order is not affected
        }
        if (!(reply instanceof Reply.Event event)) {
            return;
        }
        for (Consumer<Reply.Event> listener : eventListeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // one broken listener must not stop the reader; the others still get the event
            }
        }
    }

    private void closedNow() {
        if (released.compareAndSet(false, true)) {
            client.close();
            ClientVertx.release();
        }
        closed.complete(null);
    }

    /** A timed-out request stays queued in the channel: it still takes its late reply, so later requests keep theirs. */
    private CompletableFuture<Reply> guard(CompletableFuture<Reply> reply, String word) {
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionallyCompose(e -> CompletableFuture.failedFuture(failure(unwrap(e), word)));
    }

    private HuddleException failure(Throwable e, String word) {
        return switch (e) {
            case HuddleException huddle -> huddle;
            case TimeoutException timedOut -> new HuddleException(ErrorCode.UNAVAILABLE,
                "no reply to " + word + " from " + peer + " within " + timeout.toMillis() + " ms");
            // the line stood where a reply should: only that request fails, later ones keep theirs
            case IllegalArgumentException malformed -> new HuddleException(ErrorCode.INTERNAL, malformed.getMessage());
            default -> closedError();
        };
    }

    private Reply await(CompletableFuture<Reply> reply, String word) {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            throw failure(unwrap(e), word);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HuddleException(ErrorCode.UNAVAILABLE, "interrupted while waiting for the reply to " + word);
        }
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
}
