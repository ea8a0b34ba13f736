package dev.huddle.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.token.Principal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentPostingTest {

    static final long PROJECT = 7;
    static final int THREADS = 4;
    static final int POSTS_PER_THREAD = 200;

    @TempDir
    Path dir;
    ChatFixture f;

    @BeforeEach
    void open() {
        f = new ChatFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyAcknowledgedMessageFromConcurrentSendersIsInHistoryOnce() throws Exception {
        ConcurrentLinkedQueue<ChatMessage> acknowledged = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 1; t <= THREADS; t++) {
                Principal sender = ChatFixture.user(t, "user" + t);
                senders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < POSTS_PER_THREAD; i++) {
                        acknowledged.add(f.service.postToRoom(sender, PROJECT, sender.username() + " #" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = THREADS * POSTS_PER_THREAD;
        assertThat(acknowledged).hasSize(total);
        assertThat(acknowledged).extracting(ChatMessage::id).doesNotHaveDuplicates();
        assertThat(f.repository.countRoomMessages(PROJECT)).isEqualTo(total);
        List<ChatMessage> inIdOrder = acknowledged.stream().sorted(Comparator.comparingLong(ChatMessage::id)).toList();
        assertThat(f.wholeRoomHistory(PROJECT, 500)).isEqualTo(inIdOrder);
        // each sender's own messages keep the order in which that sender was answered
        for (int t = 1; t <= THREADS; t++) {
            String prefix = "user" + t + " #";
            assertThat(inIdOrder.stream().filter(m -> m.text().startsWith(prefix))
                .map(m -> Integer.parseInt(m.text().substring(prefix.length()))).toList()).isSorted();
        }
    }
}
