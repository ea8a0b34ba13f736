package dev.huddle.bench;

import dev.huddle.client.line.LineChannel;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Makes the accounts and rooms a run needs, through the line protocol itself ({@code reg},
 * {@code login}, {@code new_project}, {@code add_group}), on a few connections in parallel.
 *
 * <p>Registration and login each cost ~30 ms of Argon2 on auth-service, so a run creates at most
 * {@code maxUsers} accounts and lets connections share them: connection {@code c} acts as user
 * {@code c % users}. Room {@code r} holds connections {@code r*M .. r*M+M-1}; its first connection's
 * user creates the project and adds the room's other users, so every connection's user is a member.
 */
final class ChatSetup {

    static final String PASSWORD = "load-test-pass-1";

    /** An account and the token it logged in with. */
    record User(String username, String token) {
    }

    /**
     * What was made.
     *
     * @param users    the accounts, indexed as {@link #userOf} says
     * @param rooms    project ids, room {@code r} at index {@code r}
     * @param roomSize connections per room
     */
    record Fixture(List<User> users, List<Long> rooms, int roomSize) {
        /** The account connection {@code c} uses. */
        User userOf(int connection) {
            return users.get(connection % users.size());
        }

        /** The project connection {@code c} joins. */
        long roomOf(int connection) {
            return rooms.get(connection / roomSize);
        }
    }

    private final List<LineChannel> lanes;
    private final String prefix;

    /** @param lanes connections to spread the setup commands over (each one's commands run in order) */
    ChatSetup(List<LineChannel> lanes, String prefix) {
        this.lanes = lanes;
        this.prefix = prefix;
    }

    /** Registers (or, when the name is taken from an earlier run, just logs in) and logs in {@code count} users. */
    List<User> users(int count) {
        List<User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(null);
        }
        onLanes(count, i -> {
            LineChannel lane = lanes.get(i % lanes.size());
            String name = prefix + "_" + i;
            return lane.requestPaced(new Command.Reg(name, PASSWORD, null))
                .compose(reply -> {
                    if (reply instanceof Reply.Err err && err.code() != ErrorCode.USERNAME_TAKEN) {
                        return Future.failedFuture("reg " + name + ": " + err);
                    }
                    return lane.requestPaced(new Command.Login(name, PASSWORD));
                })
                .compose(reply -> {
                    if (!(reply instanceof Reply.Ok ok)) {
                        return Future.failedFuture("login " + name + ": " + reply);
                    }
                    users.set(i, new User(name, ((JsonObject) ok.json()).getString("token")));
                    return Future.succeededFuture();
                });
        });
        return List.copyOf(users);
    }

    /** Creates {@code rooms} projects of {@code roomSize} connections each and makes their users members. */
    Fixture rooms(List<User> users, int rooms, int roomSize) {
        List<Long> ids = new ArrayList<>(rooms);
        for (int r = 0; r < rooms; r++) {
            ids.add(null);
        }
        Fixture shape = new Fixture(users, ids, roomSize);
        onLanes(rooms, r -> {
            LineChannel lane = lanes.get(r % lanes.size());
            User owner = shape.userOf(r * roomSize);
            Set<String> others = new LinkedHashSet<>();
            for (int c = r * roomSize; c < (r + 1) * roomSize; c++) {
                others.add(shape.userOf(c).username());
            }
            others.remove(owner.username());
            return lane.requestPaced(new Command.NewProject(owner.token(), prefix + " load room " + r))
                .compose(reply -> {
                    if (!(reply instanceof Reply.Ok ok)) {
                        return Future.failedFuture("new_project: " + reply);
                    }
                    long id = ((JsonObject) ok.json()).getJsonObject("project").getLong("id");
                    ids.set(r, id);
                    if (others.isEmpty()) {
                        return Future.succeededFuture();
                    }
                    return lane.requestPaced(new Command.AddGroup(owner.token(), id, String.join(", ", others)))
                        .compose(added -> checkAdded(added, others.size()));
                });
        });
        return new Fixture(users, List.copyOf(ids), roomSize);
    }

    private static Future<Void> checkAdded(Reply reply, int expected) {
        if (!(reply instanceof Reply.Ok ok)) {
            return Future.failedFuture("add_group: " + reply);
        }
        JsonArray results = ((JsonObject) ok.json()).getJsonArray("results");
        long added = results.stream().map(JsonObject.class::cast)
            .filter(result -> "added".equals(result.getString("result"))).count();
        if (added != expected) {
            return Future.failedFuture("add_group added " + added + " of " + expected + ": " + results.encode());
        }
        return Future.succeededFuture();
    }

    /** Runs {@code task(i)} for i in [0, count), tasks of one lane one after another, lanes in parallel. */
    private void onLanes(int count, IntFunction<Future<?>> task) {
        List<Future<?>> tails = new ArrayList<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            Future<?> tail = Future.succeededFuture();
            for (int i = lane; i < count; i += lanes.size()) {
                int item = i;
                tail = tail.compose(v -> task.apply(item));
            }
            tails.add(tail);
        }
        Blocking.await(Future.all(tails));
    }
}
