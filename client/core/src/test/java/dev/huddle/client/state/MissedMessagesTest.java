package dev.huddle.client.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.MessagePage;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MissedMessagesTest {

    /** A history of ids 1..n paged backwards as chat-service pages it. */
    static MissedMessages.Pages<Long> history(long n, List<Long> asked) {
        return (before, limit) -> {
            asked.add(before);
            long top = before == null ? n : before - 1;
            long bottom = Math.max(1, top - limit + 1);
            List<Long> items = LongStream.rangeClosed(bottom, top).boxed().toList();
            return Future.succeededFuture(new MessagePage<>(items, bottom > 1));
        };
    }

    @Test
    void readsBackPageByPageUntilItReachesWhatItHad() {
        List<Long> asked = new ArrayList<>();

        List<Long> missed = MissedMessages.since(40, history(290, asked), Long::longValue).result();

        assertThat(missed).containsExactlyElementsOf(LongStream.rangeClosed(41, 290).boxed().toList());
        assertThat(asked).containsExactly(null, 191L, 91L);
    }

    @Test
    void nothingMissedReadsOnePage() {
        List<Long> asked = new ArrayList<>();

        assertThat(MissedMessages.since(290, history(290, asked), Long::longValue).result()).isEmpty();
        assertThat(asked).hasSize(1);
    }

    @Test
    void anEmptyLogGetsEverythingBackToTheBeginning() {
        assertThat(MissedMessages.since(0, history(150, new ArrayList<>()), Long::longValue).result()).hasSize(150);
    }
}
