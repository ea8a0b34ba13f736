package dev.huddle.client.http;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.room.Projects;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** room-service's HTTP API for one session: projects, members, ownership. */
public final class RoomApi {

    private final HttpJson http;

    public RoomApi(HttpJson http) {
        this.http = http;
    }

    /** The projects the user owns or belongs to, newest first. */
    public Future<List<Projects.Summary>> projects(String token) {
        return http.call(HttpMethod.GET, "/api/projects", token, null).map(result -> {
            if (!(result instanceof JsonArray array)) {
                throw new HuddleException(ErrorCode.INTERNAL, "room-service sent no project list");
            }
            List<Projects.Summary> list = new ArrayList<>();
            for (Object item : array) {
                list.add(Projects.Summary.fromJson(item instanceof JsonObject o ? o : null));
            }
            return List.copyOf(list);
        });
    }

    /** Creates a project; {@code members} is {@code "a, b; c"} or blank for none. */
    public Future<Projects.Changed> create(String token, String name, String members) {
        JsonObject body = new JsonObject().put("name", name);
        if (members != null && !members.isBlank()) {
            body.put("members", members);
        }
        return http.object(HttpMethod.POST, "/api/projects", token, body).map(Projects.Changed::fromJson);
    }

    public Future<Projects.Detail> project(String token, long projectId) {
        return http.object(HttpMethod.GET, "/api/projects/" + projectId, token, null).map(Projects.Detail::fromJson);
    }

    /** Adds members by name (owner or admin); one outcome per name. */
    public Future<Projects.Changed> addMembers(String token, long projectId, String usernames) {
        return http.object(HttpMethod.POST, "/api/projects/" + projectId + "/members", token,
            new JsonObject().put("usernames", usernames)).map(Projects.Changed::fromJson);
    }

    /** Removes a member (owner or admin). */
    public Future<Void> kick(String token, long projectId, String username) {
        return http.call(HttpMethod.DELETE, "/api/projects/" + projectId + "/members/"
            + URLEncoder.encode(username, StandardCharsets.UTF_8), token, null).mapEmpty();
    }

    /** Leaves a project (an owner hands over first). */
    public Future<Void> leave(String token, long projectId) {
        return http.call(HttpMethod.POST, "/api/projects/" + projectId + "/leave", token, null).mapEmpty();
    }

    /** Hands ownership over to a member. */
    public Future<Void> handOver(String token, long projectId, String username) {
        return http.call(HttpMethod.PUT, "/api/projects/" + projectId + "/owner", token,
            new JsonObject().put("username", username)).mapEmpty();
    }
}
