package dev.huddle.room;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.room.Projects;
import dev.huddle.room.project.MemberListParser;
import dev.huddle.room.project.MembershipCache;
import dev.huddle.room.project.Member;
import dev.huddle.room.project.Project;
import dev.huddle.room.project.ProjectRules;
import dev.huddle.room.project.ProjectService;
import dev.huddle.room.project.AddResult;
import dev.huddle.room.project.ProjectSummary;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEventJson;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * room-service's operations as JSON in, JSON out futures, shared by the HTTP API and the bus
 * operations the line protocol forwards. Mutations run on the worker pool; their room events are
 * published only after the change is committed. Membership queries are answered from the cache on
 * the calling thread (they are on every chat message's path).
 */
public final class RoomApi {

    /** Header naming the node that published a room event, so it does not apply its own twice. */
    public static final String ORIGIN_HEADER = "origin";

    private final ServiceRuntime runtime;
    private final ProjectService projects;
    private final MembershipCache cache;
    private final UserDirectory users;

    public RoomApi(ServiceRuntime runtime, ProjectService projects, MembershipCache cache, UserDirectory users) {
        this.runtime = runtime;
        this.projects = projects;
        this.cache = cache;
        this.users = users;
    }

    /** {@code {name, members?}} where members is {@code "a, b; c"} or a list → {@code {project, results}}. */
    public Future<JsonObject> create(Principal caller, JsonObject body) {
        String name = JsonFields.text(body, "name");
        ProjectRules.validateName(name); // before asking auth-service anything
        List<String> names = memberNames(body, "members");
        return users.resolve(names).compose(resolved -> runtime.blocking(() ->
                projects.create(caller, name, resolved.found(), resolved.unknown(), names)))
            .map(created -> {
                publish(created.events());
                return changed(created.project(), created.report());
            });
    }

    public Future<JsonArray> listMine(Principal caller) {
        return runtime.blocking(() -> summaries(projects.listMine(caller)));
    }

    public Future<JsonArray> listAll(Principal caller) {
        return runtime.blocking(() -> summaries(projects.listAll(caller)));
    }

    public Future<JsonObject> details(Principal caller, long projectId) {
        return runtime.blocking(() -> projects.details(caller, projectId).toJson());
    }

    /** {@code {usernames}} (a string or a list) → {@code {project, results: [{username, result}]}}. */
    public Future<JsonObject> addMembers(Principal caller, long projectId, JsonObject body) {
        List<String> names = memberNames(body, body != null && body.containsKey("members") ? "members" : "usernames");
        if (names.isEmpty()) {
            return Future.failedFuture(HuddleException.badRequest("name at least one username to add"));
        }
        return users.resolve(names).compose(resolved -> runtime.blocking(() ->
                projects.addMembers(caller, projectId, resolved.found(), resolved.unknown(), names)))
            .map(added -> {
                publish(added.events());
                return changed(added.project(), added.report());
            });
    }

    public Future<JsonObject> kick(Principal caller, long projectId, String username) {
        return change(() -> projects.kick(caller, projectId, username));
    }

    public Future<JsonObject> leave(Principal caller, long projectId) {
        return change(() -> projects.leave(caller, projectId));
    }

    public Future<JsonObject> transferOwnership(Principal caller, long projectId, JsonObject body) {
        String username = JsonFields.text(body, "username");
        return change(() -> projects.transferOwnership(caller, projectId, username));
    }

    public Future<JsonObject> rename(Principal caller, long projectId, JsonObject body) {
        String name = JsonFields.text(body, "name");
        return change(() -> projects.rename(caller, projectId, name));
    }

    public Future<JsonObject> delete(Principal caller, long projectId) {
        return change(() -> projects.delete(caller, projectId));
    }

    /** {@code {projectId, userId}} → {@code {member, role}}; answered from memory. */
    public JsonObject membership(JsonObject body) {
        long projectId = JsonFields.requiredId(body, "projectId");
        long userId = JsonFields.requiredId(body, "userId");
        var role = cache.roleOf(projectId, userId);
        return new JsonObject().put("projectId", projectId).put("userId", userId)
            .put("exists", cache.exists(projectId))
            .put("member", role.isPresent())
            .put("role", role.map(r -> r.wireName()).orElse(null));
    }

    /** {@code {projectId}} → {@code {projectId, members}}; NOT_FOUND for an unknown project. */
    public JsonObject members(JsonObject body) {
        long projectId = JsonFields.requiredId(body, "projectId");
        if (!cache.exists(projectId)) {
            throw new HuddleException(ErrorCode.NOT_FOUND, "no project with id " + projectId);
        }
        JsonArray members = new JsonArray();
        for (Member member : cache.members(projectId)) {
            members.add(new JsonObject().put("id", member.userId()).put("username", member.username())
                .put("role", member.role().wireName()));
        }
        return new JsonObject().put("projectId", projectId).put("members", members);
    }

    public JsonObject projectsOf(JsonObject body) {
        long userId = JsonFields.requiredId(body, "userId");
        return new JsonObject().put("userId", userId).put("projectIds", new JsonArray(cache.projectsOf(userId)));
    }

    /** Applies a room event published by another room-service instance to this one's cache. */
    public void applyForeign(String origin, JsonObject event) {
        if (!runtime.node().nodeId().equals(origin)) {
            cache.apply(RoomEventJson.fromJson(event));
        }
    }

    private Future<JsonObject> change(java.util.concurrent.Callable<ProjectService.Changed> work) {
        return runtime.blocking(work).map(changed -> {
            publish(changed.events());
            JsonObject answer = new JsonObject().put("ok", true);
            if (changed.projectAfter() != null) {
                answer.put("project", changed.projectAfter().toJson());
            }
            return answer;
        });
    }

    private void publish(List<RoomEvent> events) {
        DeliveryOptions origin = new DeliveryOptions().addHeader(ORIGIN_HEADER, runtime.node().nodeId());
        for (RoomEvent event : events) {
            runtime.vertx().eventBus().publish(BusAddresses.ROOM_EVENTS, RoomEventJson.toJson(event), origin);
        }
    }

    private static List<String> memberNames(JsonObject body, String field) {
        Object value = body == null ? null : body.getValue(field);
        return switch (value) {
            case null -> List.of();
            case String text -> MemberListParser.parse(text);
            case JsonArray array -> MemberListParser.normalize(JsonFields.texts(body, field));
            default -> throw HuddleException.badRequest(field + " must be a list of usernames or a string like \"a, b; c\"");
        };
    }

    /** {@code {project, results}}: the project as it is now and one outcome per name ({@link Projects.Changed}). */
    private static JsonObject changed(Project project, List<AddResult> report) {
        return new Projects.Changed(project.toWire(), report.stream().map(AddResult::toWire).toList()).toJson();
    }

    private static JsonArray summaries(List<ProjectSummary> list) {
        return new JsonArray(list.stream().map(ProjectSummary::toJson).toList());
    }
}
