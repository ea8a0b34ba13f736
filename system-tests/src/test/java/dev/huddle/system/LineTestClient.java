package dev.huddle.system;

import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the system tests do with a connection on the line protocol, whichever way it is made (the
 * client library's {@link LineClient}, or {@link RawLineClient}'s raw socket): a reply line for each
 * line sent, pushed events queued apart.
 */
interface LineTestClient extends AutoCloseable {

    /** How long a reply or an awaited event may take. */
    Duration WAIT = Duration.ofSeconds(15);

    /** Sends one line and returns the reply line (OK or ERR) that answers it. */
    String send(String line);

    /** Events received so far that nobody took. */
    BlockingQueue<Reply.Event> events();

    @Override
    void close();

    /** Sends a line expected to succeed; returns the reply's JSON object. */
    default JsonObject ok(String line) {
        String reply = send(line);
        if (!(LineReply.parse(reply) instanceof Reply.Ok ok)) {
            throw new AssertionError("expected OK for '" + line + "' but got: " + reply);
        }
        return ok.json() instanceof JsonObject json ? json : new JsonObject().put("items", ok.json());
    }

    /** The next pushed event matching {@code wanted}; others before it are skipped. */
    default Reply.Event awaitEvent(Predicate<Reply.Event> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Reply.Event event = events().poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching event within " + WAIT);
    }
}
