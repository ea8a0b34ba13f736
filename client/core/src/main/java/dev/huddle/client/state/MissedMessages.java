package dev.huddle.client.state;

import dev.huddle.contracts.chat.MessagePage;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * After a reconnect: what arrived while the connection was down. The server pages history backwards
 * ({@code before_id}), so this reads pages from the newest back until it reaches a message it already
 * had, or the beginning, and returns the newer ones oldest first.
 */
public final class MissedMessages {

    /** Reads one page before an id (null: the newest page). */
    @FunctionalInterface
    public interface Pages<T> {
        Future<MessagePage<T>> before(Long beforeId, int limit);
    }

    static final int PAGE = 100;
    /** A bound on one catch-up (50,000 messages); past it, older ones are left to scrolling back. */
    static final int MAX_PAGES = 500;

    private MissedMessages() {
    }

    /** Every message with an id above {@code afterId}, oldest first. */
    public static <T> Future<List<T>> since(long afterId, Pages<T> pages, ToLongFunction<T> id) {
        return collect(afterId, pages, id, null, new ArrayList<>(), 0);
    }

    private static <T> Future<List<T>> collect(long afterId, Pages<T> pages, ToLongFunction<T> id, Long before,
                                               List<T> newestFirst, int read) {
        return pages.before(before, PAGE).compose(page -> {
            List<T> items = page.messages();
            boolean reachedKnown = false;
            for (int i = items.size() - 1; i >= 0; i--) {
                T message = items.get(i);
                if (id.applyAsLong(message) <= afterId) {
                    reachedKnown = true;
                    break;
                }
                newestFirst.add(message);
            }
            if (reachedKnown || !page.hasMore() || items.isEmpty() || read + 1 >= MAX_PAGES) {
                List<T> oldestFirst = new ArrayList<>(newestFirst);
                java.util.Collections.reverse(oldestFirst);
                return Future.succeededFuture(List.copyOf(oldestFirst));
            }
            return collect(afterId, pages, id, id.applyAsLong(items.getFirst()), newestFirst, read + 1);
        });
    }
}
