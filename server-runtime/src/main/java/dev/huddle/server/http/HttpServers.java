package dev.huddle.server.http;

import dev.huddle.server.config.NodeConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

/** Server options from the node config: bind address, port and, when configured, TLS. */
public final class HttpServers {

    private HttpServers() {
    }

    public static HttpServerOptions options(NodeConfig config) {
        HttpServerOptions options = new HttpServerOptions()
            .setHost(config.httpHost())
            .setPort(config.httpPort())
            .setCompressionSupported(true);
        if (config.tlsEnabled()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(config.tlsCert().toString())
                .setKeyPath(config.tlsKey().toString()));
        }
        return options;
    }
}
