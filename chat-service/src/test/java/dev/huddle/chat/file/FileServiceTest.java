package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.chat.message.ChatMessage;
import dev.huddle.chat.message.DirectMessage;
import dev.huddle.chat.message.MessageRepository;
import dev.huddle.chat.message.PageRequest;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.db.Database;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.Principal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of files on a real (temp) SQLite database: limits, quota, history, removal, expiry. */
class FileServiceTest {

    static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final Principal ALICE = user(1, "alice");
    static final Principal BOB = user(2, "bob");
    static final Destination ROOM = new Destination.Room(7);

    @TempDir
    Path dir;
    Database database;
    MessageRepository messages;
    FileService files;
    final MutableClock clock = new MutableClock(Instant.parse("2024-10-30T09:15:00Z"));

    @BeforeEach
    void open() {
        database = Database.open(dir, "chat-service");
        messages = new MessageRepository(database);
        files = new FileService(new FileRepository(database, messages),
            new FileConfig(1000, 2500, Duration.ofHours(1), Duration.ofSeconds(30)), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static Principal user(long id, String name) {
        return new Principal(id, name, Role.USER, "jti-" + id, Instant.parse("2099-01-01T00:00:00Z"));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsReserved() {
        assertRefused(() -> files.declare(ALICE, ROOM, "big.iso", 1001, SHA, false), ErrorCode.TOO_LARGE);
        assertThat(files.expiredUploads()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(files.expiredUploads()).isEmpty();
    }

    @Test
    void theQuotaCountsStoredFilesAndUnfinishedUploadsSoRacingUploadsCannotOvershootIt() {
        PendingUpload stored = files.declare(ALICE, ROOM, "a.bin", 1000, SHA, false);
        files.complete(stored, "application/octet-stream");
        PendingUpload unfinished = files.declare(ALICE, ROOM, "b.bin", 1000, SHA, true);
        assertRefused(() -> files.declare(ALICE, ROOM, "c.bin", 501, SHA, true), ErrorCode.QUOTA_EXCEEDED);
        files.declare(ALICE, ROOM, "c.bin", 500, SHA, true);
        files.declare(BOB, ROOM, "bobs.bin", 1000, SHA, false); // quotas are per user

        files.abandon(unfinished.id());
        files.declare(ALICE, ROOM, "d.bin", 1000, SHA, true);
    }

    @Test
    void aCompletedUploadIsAFileAndAMessageInHistoryInOneStep() {
        PendingUpload upload = files.declare(ALICE, ROOM, "../Báo cáo.pdf", 999, SHA, false);
        FileRepository.Announcement done = files.complete(upload, "application/pdf");

        StoredFile file = done.file();
        assertThat(file.name()).isEqualTo("Báo cáo.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        ChatMessage message = (ChatMessage) done.message();
        assertThat(message.text()).isEqualTo("shared Báo cáo.pdf (999 B)");
        assertThat(message.file()).isEqualTo(file.ref());
        assertThat(messages.roomPage(7, PageRequest.newest(10)).items()).containsExactly(message);
        assertThat(files.reload(upload.id())).isEmpty(); // a line-protocol upload leaves no row
    }

    @Test
    void aDirectFileIsAnnouncedAsADirectMessageAndListedForBothParties() {
        PendingUpload upload = files.declare(ALICE, new Destination.Direct(2, "bob"), "note.txt", 3, SHA, true);
        DirectMessage message = (DirectMessage) files.complete(upload, "text/plain").message();
        assertThat(message.recipientUsername()).isEqualTo("bob");
        assertThat(message.file().name()).isEqualTo("note.txt");
        assertThat(files.list(BOB, new Destination.Direct(1, "alice"), null, null).items()).hasSize(1);
        assertThat(files.list(ALICE, new Destination.Direct(2, "bob"), null, null).items()).hasSize(1);
        assertThat(files.reload(upload.id()).orElseThrow().fileId()).isNotNull(); // tus HEAD still finds it
    }

    @Test
    void filesAreListedNewestFirstInPages() {
        List<Long> ids = java.util.stream.IntStream.range(0, 5)
            .mapToObj(i -> files.complete(files.declare(ALICE, ROOM, "f" + i, 1, SHA, false), "text/plain").file().id())
            .toList();
        var first = files.list(ALICE, ROOM, 2, null);
        assertThat(first.items()).extracting(StoredFile::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.hasMore()).isTrue();
        var last = files.list(ALICE, ROOM, 10, ids.get(1));
        assertThat(last.items()).extracting(StoredFile::id).containsExactly(ids.get(0));
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void removingAFileRewritesItsMessageAndFreesTheQuota() {
        StoredFile file = files.complete(files.declare(ALICE, ROOM, "plan.pdf", 1000, SHA, false), "application/pdf")
            .file();
        FileService.Removal removal = files.remove(file, BOB);
        assertThat(removal.text()).isEqualTo("plan.pdf (1000 B) was removed by bob");
        ChatMessage message = messages.roomPage(7, PageRequest.newest(10)).items().getFirst();
        assertThat(message.id()).isEqualTo(removal.messageId());
        assertThat(message.text()).isEqualTo(removal.text());
        assertThat(message.file()).isNull();
        assertRefused(() -> files.file(file.id()), ErrorCode.NOT_FOUND);
        files.declare(ALICE, ROOM, "again.bin", 1000, SHA, false);
        files.declare(ALICE, ROOM, "again2.bin", 1000, SHA, false);
    }

    @Test
    void uploadsIdleLongerThanTheTtlExpireAndOthersDoNot() {
        PendingUpload old = files.declare(ALICE, ROOM, "old.bin", 10, SHA, true);
        clock.advance(Duration.ofMinutes(40));
        PendingUpload fresh = files.declare(ALICE, ROOM, "fresh.bin", 10, SHA, true);
        clock.advance(Duration.ofMinutes(30));
        assertThat(files.expiredUploads()).extracting(PendingUpload::id).containsExactly(old.id());
        files.touch(old.id());
        assertThat(files.expiredUploads()).isEmpty();
        assertThat(files.upload(fresh.id(), ALICE)).isEqualTo(fresh);
        assertRefused(() -> files.upload(fresh.id(), BOB), ErrorCode.NOT_FOUND);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
