package dev.huddle.chat.ws;

import dev.huddle.chat.session.OutboundBudget;
import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.Session;
import dev.huddle.contracts.chat.JsonCommandCodec;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A WebSocket connection on {@code /ws}; like a line connection, a stalled reader is dropped. */
final class WsSession extends Session {

    private final ServerWebSocket socket;
    private final OutboundBudget budget;
    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String token;

    WsSession(ServerWebSocket socket, long outboundLimit) {
        super(socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().host());
        this.socket = socket;
        this.budget = new OutboundBudget(outboundLimit);
    }

    /** The token this connection authenticated with; frames may then omit theirs. */
    String authToken() {
        return token;
    }

    void authToken(String token) {
        this.token = token;
    }

    @Override
    public void deliver(OutboundEvent event) {
        send(event.frame());
    }

    void send(String frame) {
        if (closed.get()) {
            return;
        }
        int length = frame.length();
        if (!budget.reserve(length)) {
            closed.set(true);
            LOG.info("{} closed: more than {} bytes waiting to be read", this, budget.limit());
            socket.close((short) 1008, "too slow");
            return;
        }
        socket.writeTextMessage(frame).onComplete(v -> budget.release(length));
    }

    @Override
    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            socket.writeTextMessage(JsonCommandCodec.eventFrame("closing", new ServerEvent.Closing(reason).data())
                .encode()).onComplete(v -> socket.close((short) 1001, reason));
        }
    }

    void markClosed() {
        closed.set(true);
    }
}
