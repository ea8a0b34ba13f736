package dev.huddle.bench;

import dev.huddle.client.line.LineChannel;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the load phase counts, from every connection at once: chat lines sent, their {@code OK} and
 * {@code ERR} replies (errors by code), {@code EVENT chat} lines received (deliveries) and the
 * end-to-end latency of each delivery — from the sender's {@code System.nanoTime()} written into the
 * message as {@code t=<nanos>} to the moment a receiving connection reads the event line (same JVM,
 * so the clocks agree). Latency is recorded in microseconds in an HdrHistogram {@link Recorder}, read
 * in intervals.
 */
final class LoadStats {

    private static final byte[] CHAT_EVENT = "EVENT chat ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK_CHAT = "OK chat ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERR = "ERR ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STAMP = "\"text\":\"t=".getBytes(StandardCharsets.US_ASCII);

    /** Counter values at one moment. */
    record Counts(long sent, long acked, long errors, long deliveries, long otherEvents, long unstamped,
                  long closedByServer) {
        Counts minus(Counts earlier) {
            return new Counts(sent - earlier.sent, acked - earlier.acked, errors - earlier.errors,
                deliveries - earlier.deliveries, otherEvents - earlier.otherEvents, unstamped - earlier.unstamped,
                closedByServer - earlier.closedByServer);
        }
    }

    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder otherEvents = new LongAdder();
    private final LongAdder unstamped = new LongAdder();
    private final LongAdder closedByServer = new LongAdder();
    private final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    private final Recorder latencyMicros = new Recorder(3);

    void sent() {
        sent.increment();
    }

    void closedByServer() {
        closedByServer.increment();
    }

    /** A reply to a fired chat line: {@code OK chat ...} or {@code ERR chat <CODE> ...}. */
    void reply(Buffer line) {
        if (LineChannel.startsWith(line, OK_CHAT)) {
            acked.increment();
        } else if (LineChannel.startsWith(line, ERR)) {
            errors.increment();
            String[] words = line.toString(StandardCharsets.UTF_8).split(" ", 4);
            String code = words.length > 2 ? words[2] : "?";
            errorsByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
        } else {
            errorsByCode.computeIfAbsent("UNEXPECTED_REPLY", k -> new LongAdder()).increment();
        }
    }

    /** An {@code EVENT} line: a chat delivery (latency recorded) or another event (presence...). */
    void event(Buffer line) {
        long now = System.nanoTime();
        if (!LineChannel.startsWith(line, CHAT_EVENT)) {
            otherEvents.increment();
            return;
        }
        deliveries.increment();
        long sentAt = stamp(line);
        if (sentAt == Long.MIN_VALUE) {
            unstamped.increment();
            return;
        }
        latencyMicros.recordValue(Math.max(0, (now - sentAt) / 1_000));
    }

    Counts counts() {
        return new Counts(sent.sum(), acked.sum(), errors.sum(), deliveries.sum(), otherEvents.sum(),
            unstamped.sum(), closedByServer.sum());
    }

    Map<String, Long> errorsByCode() {
        Map<String, Long> copy = new TreeMap<>();
        errorsByCode.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    /** Latencies recorded since the previous call (the first call: since the start). */
    Histogram takeInterval() {
        return latencyMicros.getIntervalHistogram();
    }

    /** The nanoTime after {@code "text":"t=}, or {@link Long#MIN_VALUE} when the event carries none. */
    static long stamp(Buffer line) {
        int at = indexOf(line, STAMP, CHAT_EVENT.length);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int i = at + STAMP.length;
        boolean negative = i < line.length() && line.getByte(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < line.length(); i++) {
            byte b = line.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            digits++;
        }
        if (digits == 0) {
            return Long.MIN_VALUE;
        }
        return negative ? -value : value;
    }

    private static int indexOf(Buffer line, byte[] needle, int from) {
        int last = line.length() - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (line.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
