package dev.huddle.chat.line;

import dev.huddle.chat.session.OutboundBudget;
import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.Session;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line-protocol connection. What is written but not yet taken by the client is counted; past the
 * limit the connection is closed, so a reader that stalls costs bounded memory and never holds up
 * the others.
 */
final class LineSession extends Session {

    private final NetSocket socket;
    private final OutboundBudget budget;
    private static final Logger LOG = LoggerFactory.getLogger(LineSession.class);

    private final AtomicBoolean closed = new AtomicBoolean();

    LineSession(NetSocket socket, long outboundLimit) {
        super(socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().host());
        this.socket = socket;
        this.budget = new OutboundBudget(outboundLimit);
    }

    @Override
    public void deliver(OutboundEvent event) {
        write(event.line());
    }

    /** Writes one reply line. */
    void send(String line) {
        write(Buffer.buffer(line + "\n"));
    }

    @Override
    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            socket.write(LineReply.event("closing", new ServerEvent.Closing(reason).data()) + "\n")
                .onComplete(v -> socket.close());
        }
    }

    void markClosed() {
        closed.set(true);
    }

    private void write(Buffer line) {
        if (closed.get()) {
            return;
        }
        int length = line.length();
        if (!budget.reserve(length)) {
            // the client stopped reading: drop it rather than buffer without end
            closed.set(true);
            LOG.info("{} closed: more than {} bytes waiting to be read", this, budget.limit());
            socket.close();
            return;
        }
        socket.write(line).onComplete(v -> budget.release(length));
    }
}
