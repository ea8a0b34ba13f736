package dev.huddle.chat.session;

import dev.huddle.contracts.chat.JsonCommandCodec;
import dev.huddle.contracts.chat.LineReply;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An event on its way to connections: encoded at most once per form and per instance, however many
 * connections receive it, because fan-out is where the deliveries per second are spent.
 */
public final class OutboundEvent {

    private final String type;
    private final JsonObject data;
    private volatile Buffer line;
    private volatile String frame;

    public OutboundEvent(String type, JsonObject data) {
        this.type = type;
        this.data = data;
    }

    /** Reads the bus form {@code {type, data}}. */
    public static OutboundEvent fromBus(JsonObject message) {
        return new OutboundEvent(message.getString("type"), message.getJsonObject("data"));
    }

    public JsonObject toBus() {
        return new JsonObject().put("type", type).put("data", data);
    }

    public String type() {
        return type;
    }

    public JsonObject data() {
        return data;
    }

    /** {@code EVENT <type> <json>\n}, shared by every line connection (a racing double encode is harmless). */
    public Buffer line() {
        Buffer encoded = line;
        if (encoded == null) {
            encoded = Buffer.buffer(LineReply.event(type, data) + "\n");
            line = encoded;
        }
        return encoded;
    }

    /** The WebSocket text frame {@code {"event":type,"data":...}}. */
    public String frame() {
        String encoded = frame;
        if (encoded == null) {
            encoded = JsonCommandCodec.eventFrame(type, data).encode();
            frame = encoded;
        }
        return encoded;
    }
}
