package dev.huddle.chat.ws;

import dev.huddle.chat.ChatConfig;
import dev.huddle.chat.ChatDispatcher;
import dev.huddle.chat.file.FileRoutes;
import dev.huddle.chat.file.FileTransfers;
import dev.huddle.chat.file.HttpAnswers;
import dev.huddle.chat.file.TusRoutes;
import dev.huddle.chat.session.AddressCaps;
import dev.huddle.chat.session.CommandQueue;
import dev.huddle.chat.session.ConnectionDeadlines;
import dev.huddle.chat.session.RateLimiter;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.JsonCommandCodec;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.ApiVerticle;
import dev.huddle.server.http.BearerAuth;
import dev.huddle.server.runtime.ServiceRuntime;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chat-service's HTTP port: health and metrics, {@code /ws}, the same commands and events as the
 * line protocol in JSON frames (docs/LINE_PROTOCOL.md; the token comes as {@code ?token=} or in an
 * {@code auth} frame, after which frames may leave it out), and files: tus uploads under
 * {@code /api/files/uploads} ({@link TusRoutes}), downloads, lists and removal ({@link FileRoutes}).
 */
public final class ChatHttpVerticle extends ApiVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(ChatHttpVerticle.class);

    private final ChatConfig config;
    private final ChatDispatcher dispatcher;
    private final SessionRegistry sessions;
    private final TusRoutes uploads;
    private final FileRoutes files;
    private final AddressCaps caps;

    public ChatHttpVerticle(ServiceRuntime runtime, ChatConfig config, ChatDispatcher dispatcher,
                            SessionRegistry sessions, FileTransfers transfers, AddressCaps caps) {
        super(runtime, "openapi/chat-service.yaml");
        this.caps = caps;
        this.config = config;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        ApiResponder responder = new ApiResponder(runtime.actionLog());
        BearerAuth auth = new BearerAuth(runtime.tokens(), responder);
        HttpAnswers answers = new HttpAnswers(runtime.actionLog());
        this.uploads = new TusRoutes(transfers, answers, auth);
        this.files = new FileRoutes(transfers, answers, auth);
    }

    // Downloads go out with sendfile, straight from the page cache, which a compressing pipeline would
    // turn into copies through the event loop; this port's other answers are small.
    @Override
    protected HttpServerOptions serverOptions(HttpServerOptions defaults) {
        return defaults.setCompressionSupported(false);
    }

    @Override
    protected void streamingRoutes(Router router) {
        uploads.mount(router);
        files.mount(router);
    }

    @Override
    protected void routes() {
        route(HttpMethod.GET, "/api/files", "files", 200, files::list);
        route(HttpMethod.DELETE, "/api/files/:id", "delete_file", 200, files::delete);
    }

    @Override
    protected void configure(HttpServer server) {
        server.webSocketHandshakeHandler(handshake -> {
            if ("/ws".equals(handshake.path())) {
                handshake.accept();
            } else {
                handshake.reject(404);
            }
        });
        server.webSocketHandler(this::connected);
    }

    private void connected(ServerWebSocket socket) {
        String address = socket.remoteAddress() == null ? null : socket.remoteAddress().host();
        if (!caps.tryOpen(address)) {
            socket.close((short) 1008, "too many connections from your address");
            return;
        }
        WsSession session = new WsSession(socket, config.outboundLimitBytes());
        sessions.opened(session);
        CommandQueue commands = new CommandQueue(session, dispatcher, runtime.actionLog(),
            new RateLimiter(runtime.clock(), config.commandsPerSecond(), config.commandBurst()),
            config.limits().refusalLogBudget(runtime.clock()), config.limits().maxQueuedCommands(), new FrameReplies(session));
        String queryToken = queryToken(socket);
        if (queryToken != null) {
            commands.submit(null, "auth", "auth (token in the query)", () -> new Command.Auth(queryToken))
                .onSuccess(command -> {
                    if (command != null) {
                        session.authToken(queryToken);
                    }
                });
        }
        ConnectionDeadlines deadlines = new ConnectionDeadlines(runtime.clock(), config.limits());
        socket.textMessageHandler(text -> {
            deadlines.received(false);
            onFrame(session, commands, text);
        });
        long watch = vertx.setPeriodic(ConnectionDeadlines.checkEveryMillis(config.limits()), id -> {
            String expired = deadlines.expired(session.principal() != null);
            if (expired != null) {
                LOG.info("{} closed: {}", session, expired);
                session.close(expired);
            }
        });
        socket.exceptionHandler(error -> {
            // a frame over the size limit Netty refuses and closes itself; a message (frames joined) over
            // it Vert.x only reports here, dropping the frame and keeping the connection: close it
            if (error instanceof IllegalStateException) {
                LOG.info("{} closed: {}", session, error.getMessage());
                socket.close((short) 1009, "message too big");
            } else {
                // a client that vanishes (reset, broken pipe) is routine for a chat server: DEBUG; the
                // close handler below does the cleaning up
                LOG.debug("{}: {}", session, error.toString());
            }
        });
        socket.closeHandler(v -> {
            caps.closed(address);
            vertx.cancelTimer(watch);
            session.markClosed();
            commands.logUnloggedRefusals();
            dispatcher.disconnected(session);
        });
    }

    /** A text message of at most {@code HttpServers.MAX_WEBSOCKET_MESSAGE_BYTES}: Vert.x closes the connection on a longer one. */
    private void onFrame(WsSession session, CommandQueue commands, String text) {
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            commands.refuse(null, "-", text, HuddleException.badRequest("a frame is one JSON object"));
            return;
        }
        Object id = frame.getValue("id");
        String word = frame.getValue("command") instanceof String s ? s : "-";
        commands.submit(id, word, text, () -> JsonCommandCodec.decode(frame, session.authToken()))
            .onSuccess(command -> {
                if (command instanceof Command.Auth auth) {
                    session.authToken(auth.token());
                } else if (command instanceof Command.Quit) {
                    session.close("bye");
                }
            });
    }

    private static String queryToken(ServerWebSocket socket) {
        if (socket.query() == null) {
            return null;
        }
        List<String> values = new QueryStringDecoder(socket.query(), false).parameters().get("token");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Replies as frames: {@code {"id","ok":true,"command","result"}} or {@code {"id","ok":false,"error"}}. */
    private record FrameReplies(WsSession session) implements CommandQueue.Replies {
        @Override
        public String ok(Object requestId, String command, Object result) {
            String frame = JsonCommandCodec.okFrame(requestId, command, result).encode();
            session.send(frame);
            return frame;
        }

        @Override
        public String error(Object requestId, String command, ErrorCode code, String message) {
            String frame = JsonCommandCodec.errFrame(requestId, command, code, message).encode();
            session.send(frame);
            return frame;
        }
    }
}
