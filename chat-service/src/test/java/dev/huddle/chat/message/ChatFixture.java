package dev.huddle.chat.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.db.Database;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.Principal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A chat service on a temp SQLite file (migrated by Flyway, as in production), with a few users. */
final class ChatFixture implements AutoCloseable {

    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");

    static final Principal ALICE = user(1, "alice");
    static final Principal BOB = user(2, "bob");
    static final Principal CAROL = user(3, "Carol");

    final MutableClock clock = MutableClock.atFixedInstant();
    final Database database;
    final MessageRepository repository;
    final ChatService service;

    ChatFixture(Path dir) {
        database = Database.open(dir, "chat-service");
        repository = new MessageRepository(database);
        service = new ChatService(repository, clock);
    }

    static Principal user(long id, String username) {
        return new Principal(id, username, Role.USER, "jti-" + id, FAR_FUTURE);
    }

    /** The whole history of a room, oldest first, read by walking back in pages of {@code pageSize}. */
    List<ChatMessage> wholeRoomHistory(long projectId, int pageSize) {
        List<ChatMessage> all = new ArrayList<>();
        Page<ChatMessage> page = service.roomHistory(projectId, pageSize, null);
        all.addAll(0, page.items());
        while (page.hasMore()) {
            page = service.roomHistory(projectId, pageSize, page.items().getFirst().id());
            all.addAll(0, page.items());
        }
        return all;
    }

    /** Rows in both tables: what a refused call must leave unchanged. */
    long totalRows() {
        return database.withConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM chats) + (SELECT COUNT(*) FROM direct_messages)")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Asserts {@code call} is refused with {@code code} and stores nothing. */
    void assertRefused(ThrowingCallable call, ErrorCode code) {
        long before = totalRows();
        assertThatThrownBy(call)
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(totalRows()).isEqualTo(before);
    }

    @Override
    public void close() {
        database.close();
    }
}
