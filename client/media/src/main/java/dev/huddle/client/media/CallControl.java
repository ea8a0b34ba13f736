package dev.huddle.client.media;

import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * The control side of a call, over chat-service's line connection to room-service: a ticket to
 * join ({@code call_join}) and who is in the call ({@code call_members}, for the names of the
 * relay sessions media arrives from). Media never goes this way.
 */
public final class CallControl {

    private final LineConnection line;
    private final String token;
    private final long projectId;

    public CallControl(LineConnection line, String token, long projectId) {
        this.line = line;
        this.token = token;
        this.projectId = projectId;
    }

    /** A fresh single-use ticket and the relay it is for. */
    public CallTicket ticket() {
        return ticket(projectId, line.ok(new Command.CallJoin(token, projectId)));
    }

    /** The ticket in room-service's answer ({@code {projectId, relay: {host, port}, ticket}}). */
    public static CallTicket ticket(long projectId, JsonObject answer) {
        JsonObject relay = answer.getJsonObject("relay");
        String ticket = answer.getString("ticket");
        if (relay == null || ticket == null || relay.getString("host") == null || relay.getInteger("port") == null) {
            throw new HuddleException(ErrorCode.INTERNAL, "room-service sent no relay or ticket");
        }
        return new CallTicket(projectId, relay.getString("host"), relay.getInteger("port"),
            Base64.getUrlDecoder().decode(ticket));
    }

    /** The username of a relay session in this call, or {@code null} when it is not (or no longer) in it. */
    public String username(int sessionId) {
        JsonArray members = line.ok(new Command.CallMembers(token, projectId)).getJsonArray("members");
        for (Object member : members == null ? new JsonArray() : members) {
            if (member instanceof JsonObject m && m.getInteger("sessionId", -1) == sessionId) {
                return m.getString("username");
            }
        }
        return null;
    }
}
