package dev.huddle.server.http;

import dev.huddle.server.config.NodeConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

/** Server options from the node config: bind address, port and, when configured, TLS. */
public final class HttpServers {

    /**
     * The largest WebSocket frame, and the largest message (frames joined), a client may send; a
     * larger one closes the connection (status 1009) without being buffered further.
     */
    public static final int MAX_WEBSOCKET_MESSAGE_BYTES = 64 * 1024;

    private HttpServers() {
    }

    public static HttpServerOptions options(NodeConfig config) {
        HttpServerOptions options = new HttpServerOptions()
            .setHost(config.httpHost())
            .setPort(config.httpPort())
            // responses may be compressed; requests and WebSocket frames never are: a size limit is
            // checked on the bytes received, so a few KB of deflate could otherwise inflate to
            // megabytes before any limit applied (a compression bomb needs no login)
            .setCompressionSupported(true)
            .setDecompressionSupported(false)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            .setMaxWebSocketFrameSize(MAX_WEBSOCKET_MESSAGE_BYTES)
            .setMaxWebSocketMessageSize(MAX_WEBSOCKET_MESSAGE_BYTES);
        if (config.tlsEnabled()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(config.tlsCert().toString())
                .setKeyPath(config.tlsKey().toString()));
        }
        return options;
    }
}
