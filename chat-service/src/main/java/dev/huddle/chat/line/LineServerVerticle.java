package dev.huddle.chat.line;

import dev.huddle.chat.ChatConfig;
import dev.huddle.chat.ChatDispatcher;
import dev.huddle.chat.session.AddressCaps;
import dev.huddle.chat.session.CommandQueue;
import dev.huddle.chat.session.ConnectionDeadlines;
import dev.huddle.chat.session.RateLimiter;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Verb;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed-004 line protocol on TCP ({@code nc localhost 7000}): one command per line, one reply
 * line per command, {@code EVENT} lines pushed in between. Deployed once per event loop; the
 * instances share the port.
 */
public final class LineServerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(LineServerVerticle.class);

    /** Pending connections the kernel queues before accept; seed 004 asks for at least 100. */
    static final int ACCEPT_BACKLOG = 1024;
    /**
     * Kernel send buffer per connection. Fixed (not auto-tuned up to megabytes) so what a stalled
     * reader leaves unsent shows up in the connection's outbound count quickly; chat lines are small.
     */
    static final int SEND_BUFFER_BYTES = 64 * 1024;

    private final ServiceRuntime runtime;
    private final ChatConfig config;
    private final ChatDispatcher dispatcher;
    private final SessionRegistry sessions;
    private final AddressCaps caps;
    private NetServer server;

    public LineServerVerticle(ServiceRuntime runtime, ChatConfig config, ChatDispatcher dispatcher,
                              SessionRegistry sessions, AddressCaps caps) {
        this.caps = caps;
        this.runtime = runtime;
        this.config = config;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
    }

    @Override
    public Future<?> start() {
        server = vertx.createNetServer(options(runtime.config(), config));
        return server.connectHandler(this::connected).listen();
    }

    @Override
    public Future<?> stop() {
        sessions.closeAll("server shutting down");
        return server.close();
    }

    private void connected(NetSocket socket) {
        String address = socket.remoteAddress() == null ? null : socket.remoteAddress().host();
        if (!caps.tryOpen(address)) {
            socket.write(LineReply.err("-", ErrorCode.RATE_LIMITED, "too many connections from your address") + "\n")
                .onComplete(v -> socket.close());
            return;
        }
        LineSession session = new LineSession(socket, config.outboundLimitBytes(), vertx.getOrCreateContext());
        sessions.opened(session);
        CommandQueue commands = new CommandQueue(session, dispatcher, runtime.actionLog(),
            new RateLimiter(runtime.clock(), config.commandsPerSecond(), config.commandBurst()),
            config.limits().refusalLogBudget(runtime.clock()), config.limits().maxQueuedCommands(), new LineReplies(session));
        ConnectionDeadlines deadlines = new ConnectionDeadlines(runtime.clock(), config.limits());
        LineFramer framer = new LineFramer(LineCodec.MAX_LINE_BYTES, frame -> {
            deadlines.lineCompleted();
            switch (frame) {
                case LineFramer.Frame.Line line -> onLine(session, commands, line.text());
                case LineFramer.Frame.TooLong tooLong -> commands.refuse(null, "-", "(line too long)",
                    new HuddleException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "line longer than " + LineCodec.MAX_LINE_BYTES + " bytes"));
                case LineFramer.Frame.BadEncoding bad -> commands.refuse(null, "-", "(invalid UTF-8)",
                    HuddleException.badRequest("line is not valid UTF-8"));
            }
        });
        session.framer(framer);
        socket.handler(chunk -> {
            framer.feed(chunk);
            deadlines.received(framer.partialLine());
        });
        long watch = vertx.setPeriodic(ConnectionDeadlines.checkEveryMillis(config.limits()), id -> {
            String expired = deadlines.expired(session.principal() != null);
            if (expired != null) {
                LOG.info("{} closed: {}", session, expired);
                session.close(expired);
            }
        });
        // a client that vanishes (reset, broken pipe) is routine for a chat server: DEBUG, not Vert.x's
        // ERROR for an unhandled exception; the close handler below does the cleaning up
        socket.exceptionHandler(error -> LOG.debug("{}: {}", session, error.toString()));
        socket.closeHandler(v -> {
            caps.closed(address);
            vertx.cancelTimer(watch);
            session.markClosed();
            commands.logUnloggedRefusals();
            dispatcher.disconnected(session);
        });
    }

    private void onLine(LineSession session, CommandQueue commands, String text) {
        if (text.isBlank()) {
            return; // telnet users press enter; nothing to answer
        }
        String word = firstWord(text);
        // a file's raw bytes may follow an upload line at once (nc pipes them): keep them unread
        LineFramer.Hold hold = Verb.UPLOAD.word().equals(word) ? session.holdForBytes() : null;
        commands.submit(null, word, text, () -> LineCodec.parse(text)).onComplete(outcome -> {
            if (hold != null) {
                session.releaseHold(hold);
            }
            if (outcome.succeeded() && outcome.result() instanceof Command.Quit) {
                session.close("bye");
            }
        });
    }

    /** The command word as the parser splits it: up to the first space or tab. */
    static String firstWord(String text) {
        int start = 0;
        while (start < text.length() && isBlank(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && !isBlank(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static NetServerOptions options(NodeConfig node, ChatConfig config) {
        NetServerOptions options = new NetServerOptions()
            .setHost(node.httpHost())
            .setPort(config.linePort())
            .setAcceptBacklog(ACCEPT_BACKLOG)
            .setSendBufferSize(SEND_BUFFER_BYTES)
            .setTcpNoDelay(true);
        if (node.tlsEnabled()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(node.tlsCert().toString()).setKeyPath(node.tlsKey().toString()));
        }
        return options;
    }

    /** Replies as lines: {@code OK <command> <json>} / {@code ERR <command> <CODE> <message>}. */
    private record LineReplies(LineSession session) implements CommandQueue.Replies {
        @Override
        public String ok(Object requestId, String command, Object result) {
            String line = LineReply.ok(command, result);
            session.send(line);
            return line;
        }

        @Override
        public String error(Object requestId, String command, ErrorCode code, String message) {
            String line = LineReply.err(command, code, message);
            session.send(line);
            return line;
        }
    }
}
