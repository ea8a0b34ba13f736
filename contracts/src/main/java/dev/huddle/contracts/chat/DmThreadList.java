package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The {@code dm_threads} result: the caller's direct-message conversations, the one with the newest
 * message first, each with the other user and that newest message (sent or received):
 * <pre>{"threads":[{"with":{"id":2,"username":"bob"},"last":{"id":9,"from":...,"to":...,"text":"psst","createdAt":"..."}}]}</pre>
 * A client that has never seen a conversation on this computer learns of it here, not only when a
 * new message arrives. Notes to self are a thread whose {@code with} is the caller.
 *
 * @param threads newest message first, at most {@link #MAX_THREADS}
 */
public record DmThreadList(List<Item> threads) {

    /** The most threads one answer lists; older conversations still open by username. */
    public static final int MAX_THREADS = 100;

    public DmThreadList {
        threads = List.copyOf(threads);
    }

    /** One conversation: the other user and the newest message between the two. */
    public record Item(UserRef with, DirectMessage last) {

        public Item {
            Objects.requireNonNull(with, "with");
            Objects.requireNonNull(last, "last");
        }

        public JsonObject toJson() {
            return new JsonObject().put("with", with.toJson()).put("last", last.toJson());
        }

        /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
        public static Item fromJson(JsonObject json) {
            return new Item(UserRef.fromJson(WireJson.object(json, "with")),
                DirectMessage.fromJson(WireJson.object(json, "last")));
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("threads", WireJson.array(threads, Item::toJson));
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field, in the list or any thread */
    public static DmThreadList fromJson(JsonObject json) {
        return new DmThreadList(WireJson.list(json, "threads", Item::fromJson));
    }
}
