package dev.huddle.contracts;

import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.Presence;
import dev.huddle.contracts.chat.RoomMessage;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.chat.WhoIsHere;
import dev.huddle.contracts.room.Projects;
import dev.huddle.contracts.room.RoomEvent;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden JSON fixtures ({@code src/test/resources/golden/}): what travels to clients, byte for
 * byte, and the typed value each one stands for. chat-service's tests check that what it writes
 * equals them; the client library's tests check that what it reads from them equals the value. A
 * change to a payload therefore shows up on both sides, or breaks a test.
 */
public final class Golden {

    public static final UserRef ALICE = new UserRef(1, "alice");
    public static final UserRef BOB = new UserRef(2, "bob");
    public static final UserRef CAROL = new UserRef(3, "carol");

    public static final RoomMessage CHAT = new RoomMessage(42, 7, 1, "alice", "Xin chào 👋\nsecond line",
        Instant.parse("2024-10-30T09:15:02.114Z"));
    public static final RoomMessage EARLIER = new RoomMessage(41, 7, 2, "bob", "morning",
        Instant.parse("2024-10-30T09:14:00Z"));
    public static final DirectMessage DM = new DirectMessage(9, ALICE, BOB, "psst", Instant.parse("2024-10-30T09:16:00Z"));
    public static final FileInfo REPORT = new FileInfo(12, "báo cáo.pdf", 2411724, "application/pdf",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    /** A room message sharing a file ({@code golden/chat-file.json}). */
    public static final RoomMessage CHAT_FILE = new RoomMessage(43, 7, 1, "alice", "shared báo cáo.pdf (2.3 MB)",
        Instant.parse("2024-10-30T09:15:30Z"), REPORT);
    /** A direct message sharing a file ({@code golden/dm-file.json}). */
    public static final DirectMessage DM_FILE = new DirectMessage(10, ALICE, BOB, "shared báo cáo.pdf (2.3 MB)",
        Instant.parse("2024-10-30T09:16:30Z"), REPORT);
    public static final WhoIsHere HERE_IN_7 = new WhoIsHere(7, List.of(BOB, CAROL));
    /** room-service's answers: {@code golden/project-summary.json}, {@code project-detail.json}, {@code project-changed.json}. */
    public static final Projects.Summary PROJECT_SUMMARY = new Projects.Summary(7, "Launch ☕", ALICE, 3, "owner",
        Instant.parse("2024-10-30T09:15:00.001Z"));
    public static final Projects.Detail PROJECT_DETAIL = new Projects.Detail(7, "Launch ☕", ALICE,
        Instant.parse("2024-10-30T09:15:00.001Z"), List.of(
            new Projects.Member(1, "alice", "owner", Instant.parse("2024-10-30T09:15:00.001Z")),
            new Projects.Member(2, "bob", "member", Instant.parse("2024-10-30T09:15:00.001Z")),
            new Projects.Member(3, "carol", "member", Instant.parse("2024-10-30T09:15:02.114Z"))));
    public static final Projects.Changed PROJECT_CHANGED = new Projects.Changed(PROJECT_DETAIL, List.of(
        new Projects.Outcome("carol", "added"), new Projects.Outcome("bob", "already_member"),
        new Projects.Outcome("zed", "unknown_user")));
    public static final Presence BOB_IN_7 = new Presence(7, 2, "bob");
    public static final MessagePage<RoomMessage> HISTORY = new MessagePage<>(List.of(EARLIER, CHAT), true);
    public static final MessagePage<DirectMessage> DM_HISTORY = new MessagePage<>(List.of(DM), false);
    /** The {@code dm_threads} answer seen by alice ({@code golden/dm_threads.json}): carol wrote last, so first. */
    public static final DmThreadList DM_THREADS = new DmThreadList(List.of(
        new DmThreadList.Item(CAROL, new DirectMessage(11, CAROL, ALICE, "lunch?", Instant.parse("2024-10-30T09:20:00Z"))),
        new DmThreadList.Item(BOB, DM)));
    public static final HuddleException ERROR = new HuddleException(ErrorCode.NOT_MEMBER,
        "you are not a member of project 7");

    private Golden() {
    }

    /** Every event fixture ({@code event-<type>.json}) and the event it stands for, by type. */
    public static Map<String, ServerEvent> events() {
        Map<String, ServerEvent> events = new LinkedHashMap<>();
        put(events, new ServerEvent.Chat(CHAT));
        put(events, new ServerEvent.Dm(DM));
        put(events, new ServerEvent.Joined(BOB_IN_7));
        put(events, new ServerEvent.Left(BOB_IN_7));
        put(events, new ServerEvent.Here(HERE_IN_7));
        put(events, new ServerEvent.Room(new RoomEvent.ProjectCreated(7, "Launch ☕", ALICE, List.of(ALICE, BOB),
            Instant.parse("2024-10-30T09:15:00.001Z"))));
        put(events, new ServerEvent.Room(new RoomEvent.MemberAdded(7, CAROL, "member", ALICE,
            Instant.parse("2024-10-30T09:15:02.114Z"))));
        put(events, new ServerEvent.Room(new RoomEvent.MemberRemoved(7, BOB, RoomEvent.Reason.KICKED, ALICE,
            Instant.parse("2024-10-30T09:17:00Z"))));
        put(events, new ServerEvent.Room(new RoomEvent.OwnerChanged(7, ALICE, CAROL, ALICE,
            Instant.parse("2024-10-30T09:18:00Z"))));
        put(events, new ServerEvent.Room(new RoomEvent.ProjectRenamed(7, "Launch v2", CAROL,
            Instant.parse("2024-10-30T09:19:00Z"))));
        put(events, new ServerEvent.Room(new RoomEvent.ProjectDeleted(7, List.of(ALICE, CAROL), CAROL,
            Instant.parse("2024-10-30T09:20:00Z"))));
        put(events, new ServerEvent.Closing("too slow: outbound queue full"));
        put(events, new ServerEvent.Invite(new dev.huddle.contracts.chat.CallInvite(7, ALICE,
            Instant.parse("2024-10-30T09:21:00Z"))));
        return events;
    }

    /** The fixture {@code golden/<name>.json}, parsed. */
    public static JsonObject json(String name) {
        String path = "/golden/" + name + ".json";
        try (InputStream in = Golden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden fixture " + path);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture for an event type, {@code golden/event-<type>.json}. */
    public static JsonObject event(String type) {
        return json("event-" + type);
    }

    private static void put(Map<String, ServerEvent> events, ServerEvent event) {
        events.put(event.type(), event);
    }
}
