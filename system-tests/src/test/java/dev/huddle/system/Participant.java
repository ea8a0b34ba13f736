package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.line.LineConnection;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallControl;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.CallStats;
import dev.huddle.client.media.CallTicket;
import dev.huddle.client.media.FrameSink;
import dev.huddle.client.media.FrameStamp;
import dev.huddle.client.media.PeerStats;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One headless participant of an end-to-end call test, joined through the line protocol with a real
 * ticket, recording every frame its call shows (by sender, with the stamp read back from the picture)
 * and every numbered audio frame it hears.
 */
final class Participant implements FrameSink, AutoCloseable {

    /**
     * A frame as shown: the number its packets carried, the stamp read back from the picture, and the
     * colour (RGB) of the picture's centre, which tells what was in it.
     */
    record Shown(long headerNumber, FrameStamp.Stamp stamp, int centre) {
    }

    final String name;
    final LineConnection line;
    final Map<String, List<Shown>> shown = new ConcurrentHashMap<>();
    final List<Long> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    Call call;

    Participant(String name, LineConnection line) {
        this.name = name;
        this.line = line;
    }

    /**
     * Joins member {@code index} of {@code room} to its call, through {@code path} when not {@code null}.
     *
     * @param settings what to send, given the participant's username
     */
    static Participant join(int linePort, CallRoom room, int index, LossyUdpProxy path,
                            Function<String, CallSettings> settings) {
        LineConnection line = LineConnection.open("127.0.0.1", linePort, Duration.ofSeconds(15));
        CallControl control = new CallControl(line, room.tokens()[index], room.id());
        CallTicket ticket = control.ticket();
        if (path != null) {
            ticket = ticket.via("127.0.0.1", path.port());
        }
        String name = room.names()[index];
        Participant participant = new Participant(name, line);
        participant.call = Call.start(ticket, settings.apply(name), participant, participant::heard,
            control::username, Clock.systemUTC());
        return participant;
    }

    @Override
    public void frame(String peer, long frameNumber, BufferedImage image, byte[] jpeg) {
        shown.computeIfAbsent(peer, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .add(new Shown(frameNumber, FrameStamp.read(image).orElse(null),
                image.getRGB(image.getWidth() / 2, image.getHeight() / 2)));
    }

    /** A mixed audio frame: the number {@link NumberedAudio} put in, if it is one of those. */
    void heard(byte[] pcm) {
        long number = java.nio.ByteBuffer.wrap(pcm).getInt() & 0xFFFF_FFFFL;
        if (number != 0) {
            heard.add(number);
        }
    }

    List<Long> heardNumbers() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    List<Shown> framesFrom(String peer) {
        List<Shown> frames = shown.getOrDefault(peer, List.of());
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** Every frame shown from {@code peer} is whole (its picture carries its own number) and newer than the last. */
    void assertWholeAndInOrder(String peer) {
        long previous = -1;
        for (Shown frame : framesFrom(peer)) {
            assertThat(frame.stamp()).as("the picture of frame %d reads back", frame.headerNumber()).isNotNull();
            assertThat(frame.stamp().frameNumber()).isEqualTo(frame.headerNumber());
            assertThat(frame.headerNumber()).as("frames only ever get newer").isGreaterThan(previous);
            previous = frame.headerNumber();
        }
    }

    PeerStats peer(Participant other) {
        CallStats stats = call.stats();
        return stats.peers().stream().filter(p -> p.name().equals(other.name)).findFirst()
            .orElseThrow(() -> new AssertionError(name + " has heard nothing from " + other.name));
    }

    @Override
    public void close() {
        call.close();
        line.close();
    }
}
