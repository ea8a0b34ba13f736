package dev.huddle.server.bus;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How refusals travel over the event bus: a failed reply whose code is the HTTP status and whose
 * message is {@code "<CODE> <human message>"}, so the caller gets the same {@link HuddleException} back.
 */
public final class BusErrors {

    private static final Logger LOG = LoggerFactory.getLogger(BusErrors.class);

    private BusErrors() {
    }

    /** Fails {@code message} with the refusal, or INTERNAL (logged here, not sent) for anything else. */
    public static void fail(Message<?> message, Throwable error) {
        HuddleException refusal;
        if (error instanceof HuddleException h) {
            refusal = h;
        } else {
            LOG.error("unexpected failure handling {}", message.address(), error);
            refusal = new HuddleException(ErrorCode.INTERNAL, "internal error");
        }
        message.fail(refusal.code().httpStatus(), refusal.code().name() + " " + refusal.getMessage());
    }

    /**
     * The refusal a failed request carried; timeouts and missing consumers become UNAVAILABLE
     * (the owner service is down or not yet joined).
     */
    public static HuddleException toRefusal(Throwable error) {
        if (error instanceof HuddleException h) {
            return h;
        }
        if (error instanceof ReplyException reply) {
            if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                String text = reply.getMessage() == null ? "" : reply.getMessage();
                int space = text.indexOf(' ');
                ErrorCode code = ErrorCode.fromName(space < 0 ? text : text.substring(0, space));
                return new HuddleException(code, space < 0 ? "internal error" : text.substring(space + 1));
            }
            return new HuddleException(ErrorCode.UNAVAILABLE, "service unavailable, try again");
        }
        LOG.error("unexpected bus failure", error);
        return new HuddleException(ErrorCode.INTERNAL, "internal error");
    }
}
