package dev.huddle.client.media;

import dev.huddle.media.wire.AudioCodec;
import dev.huddle.media.wire.AudioPayload;
import dev.huddle.media.wire.FrameReassembler;
import dev.huddle.media.wire.JitterBuffer;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.ReceptionStats;
import dev.huddle.media.wire.StatePayload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * What a participant knows of one other member of the call (one relay session): reassembly of its
 * video, its audio jitter buffer, loss counting, and the counters the stats line shows. The receiver
 * thread offers datagrams, the decoder takes the newest complete frame, the playout clock polls the
 * jitter buffer, and the stats line reads; every method is synchronized and short (decoding happens
 * outside).
 */
final class Peer {

    /** How long an incomplete frame waits for a missing chunk: under two frame periods at 15 fps. */
    static final long FRAME_DEADLINE_MILLIS = 120;

    final int sessionId;
    private final FrameReassembler reassembler = new FrameReassembler(FRAME_DEADLINE_MILLIS, 4);
    private final JitterBuffer jitter = new JitterBuffer();
    private final ReceptionStats videoLoss = new ReceptionStats();
    private final ReceptionStats audioLoss = new ReceptionStats();
    private FrameReassembler.Frame newest;
    private long framesComplete;
    private long framesShown;
    private long framesSuperseded;
    private long undecodable;
    private long audioReceived;
    private long lastVideoSequence = -1;
    private final List<Long> latencies = new ArrayList<>();
    private StatePayload state;
    private final EnumMap<AudioCodec, AudioDecoder> decoders = new EnumMap<>(AudioCodec.class);
    private long audioUndecodable;
    private double audioLevel;

    Peer(int sessionId) {
        this.sessionId = sessionId;
    }

    /** @return whether this chunk completed a frame (the decoder then has one to take) */
    synchronized boolean video(byte[] packet, long nowMillis) {
        videoLoss.onPacket(packet, 0, nowMillis);
        lastVideoSequence = MediaPacket.sequence(packet, 0);
        FrameReassembler.Frame frame = reassembler.offer(packet, 0, nowMillis);
        if (frame != null) {
            framesComplete++;
            if (newest != null) {
                framesSuperseded++; // the decoder had not taken it yet: only the newest is worth showing
            }
            newest = frame;
        }
        return frame != null;
    }

    synchronized void audio(byte[] packet, long nowMillis) {
        audioLoss.onPacket(packet, 0, nowMillis);
        audioReceived++;
        jitter.offer(packet, 0, nowMillis);
    }

    /** The newest complete frame not yet taken, or {@code null}. */
    synchronized FrameReassembler.Frame takeNewest() {
        FrameReassembler.Frame frame = newest;
        newest = null;
        return frame;
    }

    synchronized void shown(long latencyMillis) {
        framesShown++;
        if (latencyMillis >= 0) {
            latencies.add(latencyMillis);
        }
    }

    /** The peer's microphone and camera, from its STATE packets. */
    synchronized void state(StatePayload state) {
        this.state = state;
    }

    synchronized void undecodable() {
        undecodable++;
    }

    /** One playout turn: the next audio frame (or the last one again, once, for a gap), or {@code null} for silence. */
    synchronized byte[] playAudio() {
        byte[] payload = jitter.poll();
        if (payload == null) {
            audioLevel = 0;
            return null;
        }
        AudioCodec codec = AudioPayload.codec(payload);
        byte[] pcm = codec == null ? null
            : decoders.computeIfAbsent(codec, AudioCodecs::decoder).decode(AudioPayload.frame(payload));
        if (pcm == null) {
            audioUndecodable++;
        }
        audioLevel = AudioLevel.rms(pcm);
        return pcm;
    }

    /** The jitter buffer's delay now and what it dropped, for the stats line. */
    synchronized AudioPlayout audioPlayout() {
        return new AudioPlayout(jitter.targetDelayMillis(), jitter.jitterMillis(), jitter.played(),
            jitter.repeated(), jitter.concealed(), jitter.late(), jitter.duplicates(), jitter.trimmed(),
            audioUndecodable);
    }

    synchronized void close() {
        decoders.values().forEach(AudioDecoder::close);
        decoders.clear();
    }

    synchronized void expire(long nowMillis) {
        reassembler.expire(nowMillis);
    }

    /** A REPORT on this peer's video, for its sender to adapt to; {@code null} before any video came. */
    synchronized byte[] report(int ownSession) {
        return lastVideoSequence < 0 ? null : videoLoss.report(sessionId).toPacket(ownSession);
    }

    /** The counters so far, and the latencies measured since the previous snapshot (then forgotten). */
    synchronized PeerStats snapshot(String name) {
        long received = videoLoss.received() + audioLoss.received();
        long lost = videoLoss.lost() + audioLoss.lost();
        PeerStats stats = new PeerStats(name, sessionId, framesComplete, framesShown, framesSuperseded,
            reassembler.droppedIncomplete(), undecodable, audioReceived, jitter.played(), jitter.concealed(),
            lost, received + lost == 0 ? 0 : 100.0 * lost / (received + lost), List.copyOf(latencies),
            state != null && state.micOn(), state != null && state.cameraOn(), audioLevel);
        latencies.clear();
        return stats;
    }
}
