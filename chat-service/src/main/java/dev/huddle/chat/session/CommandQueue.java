package dev.huddle.chat.session;

import dev.huddle.chat.ChatDispatcher;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Verb;
import dev.huddle.server.actionlog.ActionLog;
import io.vertx.core.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's commands, carried out one after another so replies come back in the order the
 * commands were sent (a client may pipeline), each rate-limited, answered through the transport's
 * {@link Replies} and written to the action log with its reply.
 */
public final class CommandQueue {

    private static final Logger LOG = LoggerFactory.getLogger(CommandQueue.class);
    /** The one action type every command word outside {@link Verb} is logged under. */
    public static final String UNKNOWN_ACTION = "unknown";
    /** The action type of the block that counts refusals written without a block of their own. */
    public static final String REFUSED_ACTION = "refused";

    /** How a transport words answers. Each method returns the text it sent (for the action log). */
    public interface Replies {
        String ok(Object requestId, String command, Object result);

        String error(Object requestId, String command, ErrorCode code, String message);
    }

    private final Session session;
    private final ChatDispatcher dispatcher;
    private final ActionLog actionLog;
    private final RateLimiter limiter;
    private final RateLimiter refusalLog;
    private final Replies replies;
    private final int maxQueued;
    private Future<Void> tail = Future.succeededFuture();
    private int queued;
    private long unloggedRefusals;

    /**
     * @param limiter    the connection's command rate
     * @param refusalLog which refusals get a block of their own; the others are only counted, so a
     *                   flood of junk costs the disk one summary block, not one block per line
     * @param maxQueued  commands that may wait for their answer at once (a slow backend must not let
     *                   one connection pile up unbounded work); more are refused {@code RATE_LIMITED}
     */
    public CommandQueue(Session session, ChatDispatcher dispatcher, ActionLog actionLog, RateLimiter limiter,
                        RateLimiter refusalLog, int maxQueued, Replies replies) {
        this.maxQueued = maxQueued;
        this.session = session;
        this.dispatcher = dispatcher;
        this.actionLog = actionLog;
        this.limiter = limiter;
        this.refusalLog = refusalLog;
        this.replies = replies;
    }

    /**
     * Queues a command. {@code parse} turns the request into a {@link Command} (throwing a
     * {@link HuddleException} when it cannot); {@code word} names it for refusals and the log.
     * Completes once answered: with the command when it succeeded, with null when it was refused.
     */
    public Future<Command> submit(Object requestId, String word, String requestText, Supplier<Command> parse) {
        if (!limiter.tryAcquire()) {
            refuse(requestId, word, requestText, new HuddleException(ErrorCode.RATE_LIMITED,
                "too many commands; slow down"));
            return Future.succeededFuture();
        }
        if (queued >= maxQueued) {
            refuse(requestId, word, requestText, new HuddleException(ErrorCode.RATE_LIMITED,
                "too many commands waiting for an answer; wait for the replies"));
            return Future.succeededFuture();
        }
        queued++;
        Future<Command> done = tail.transform(ignored -> run(requestId, word, requestText, parse));
        tail = done.mapEmpty();
        return done.andThen(answered -> queued--);
    }

    /** Answers a refusal that needs no command (line too long, bad encoding). */
    public void refuse(Object requestId, String word, String requestText, HuddleException refusal) {
        String reply = replies.error(requestId, word, refusal.code(), refusal.getMessage());
        if (!refusalLog.tryAcquire()) {
            unloggedRefusals++;
            return;
        }
        logUnloggedRefusals();
        log(word, null, requestText, reply);
    }

    /** Writes the count of refusals that had no block of their own; call when the connection closes. */
    public void logUnloggedRefusals() {
        if (unloggedRefusals == 0) {
            return;
        }
        String user = session.principal() != null ? session.principal().username() : null;
        actionLog.record(REFUSED_ACTION, user, "(" + unloggedRefusals + " refused lines, not logged one by one)",
            "ERR - refused");
        unloggedRefusals = 0;
    }

    private Future<Command> run(Object requestId, String word, String requestText, Supplier<Command> parse) {
        Command command;
        try {
            command = parse.get();
        } catch (HuddleException refusal) {
            refuse(requestId, word, requestText, refusal);
            return Future.succeededFuture();
        }
        String name = command.word();
        return Future.succeededFuture(command)
            .compose(c -> dispatcher.dispatch(session, c))
            .transform(outcome -> {
                if (outcome.succeeded() && outcome.result().result() instanceof ThenBytes then) {
                    String reply = replies.ok(requestId, name, then.json());
                    log(name, outcome.result().username(), requestText, reply);
                    return session.sendBytes(then.bytes())
                        .transform(sent -> (sent.succeeded() ? Future.<Void>succeededFuture() : then.bytes().release())
                            .transform(x -> Future.succeededFuture(command)));
                }
                if (outcome.succeeded()) {
                    String reply = replies.ok(requestId, name, outcome.result().result());
                    log(name, outcome.result().username(), requestText, reply);
                } else {
                    HuddleException refusal = toRefusal(outcome.cause());
                    String reply = replies.error(requestId, name, refusal.code(), refusal.getMessage());
                    log(name, null, requestText, reply);
                    return Future.succeededFuture();
                }
                return Future.succeededFuture(command);
            });
    }

    private void log(String word, String username, String request, String reply) {
        String user = username != null ? username
            : session.principal() != null ? session.principal().username() : null;
        actionLog.record(actionType(word), user, request, reply);
    }

    /**
     * The action-log type for a command word: the verb's own word, or {@code unknown} for anything
     * else, so a client's junk words never name a log file.
     */
    static String actionType(String word) {
        return Verb.fromWord(word).map(Verb::word).orElse(UNKNOWN_ACTION);
    }

    private static HuddleException toRefusal(Throwable error) {
        if (error instanceof HuddleException refusal) {
            return refusal;
        }
        LOG.error("command failed unexpectedly", error);
        return new HuddleException(ErrorCode.INTERNAL, "internal error");
    }
}
