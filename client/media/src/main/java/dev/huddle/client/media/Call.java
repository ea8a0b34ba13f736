package dev.huddle.client.media;

import dev.huddle.media.wire.AudioCodec;
import dev.huddle.media.wire.AudioPayload;
import dev.huddle.media.wire.MediaKind;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import dev.huddle.media.wire.ReceiverReport;
import dev.huddle.media.wire.StatePayload;
import java.io.IOException;
import java.net.DatagramPacket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One participant in a call, headless: joins the relay with a ticket, sends its video and audio,
 * receives everyone else's. Threads, none of them an event loop and none touching the event bus:
 * <ul>
 *   <li>the video sender: captures, encodes to JPEG, packetizes and paces the chunks of each frame
 *       over a quarter of the frame period (a burst of 40 datagrams would overflow small buffers on
 *       the path);</li>
 *   <li>the receiver: checks each datagram and hands it to its sender's {@link Peer};</li>
 *   <li>the decoder: decodes only the newest complete frame of each peer, reads its
 *       {@link FrameStamp} for the glass-to-glass latency, and gives it to the {@link FrameSink};</li>
 *   <li>a clock every 20 ms: sends audio, plays each peer's jitter buffer, mixes the speakers into
 *       the {@link AudioSink} (silence for a gap), keeps the session alive,
 *       and once a second sends REPORTs on what arrived.</li>
 * </ul>
 * The sender lowers its JPEG quality, then its picture size, while REPORTs about it show loss, and
 * raises them again when they do not ({@link VideoAdaptation}).
 */
public final class Call implements AutoCloseable {

    /** Stream id of the camera (screen sharing would be 2). */
    static final int CAMERA_STREAM = 1;
    static final int AUDIO_STREAM = 0;

    private final CallLink link;
    private final CallSettings settings;
    private final FrameSink sink;
    private final AudioSink audioSink;
    private final IntFunction<String> names;
    private final Clock clock;
    private final Map<Integer, Peer> peers = new ConcurrentHashMap<>();
    private final Map<Integer, String> known = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Peer> ready = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("call-clock").factory());
    private final List<Thread> threads = new ArrayList<>();
    private final Sender sender;
    private final VideoAdaptation adaptation;
    private final AudioEncoder encoder;
    private volatile boolean running = true;
    private volatile boolean microphone;
    private volatile boolean camera;
    private volatile VideoSource screen;
    private volatile boolean ended;
    private volatile long lastSentMillis;
    private long decodeNanos;
    private long decoded;
    private long audioFrame;
    private long audioSequence;
    private long ticks;
    private volatile long audioBytesSent;

    private Call(CallLink link, CallSettings settings, FrameSink sink, AudioSink audioSink, IntFunction<String> names,
                 Clock clock) {
        this.link = link;
        this.settings = settings;
        this.sink = sink;
        this.audioSink = audioSink;
        this.names = names;
        this.clock = clock;
        this.adaptation = new VideoAdaptation(settings.quality(), clock);
        this.sender = new Sender();
        this.encoder = encoder(settings.audioCodec());
    }

    /** The codec asked for, or PCM where it cannot open (Opus without FFmpeg's natives): the call goes on. */
    private static AudioEncoder encoder(AudioCodec codec) {
        try {
            return AudioCodecs.encoder(codec);
        } catch (IllegalStateException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            return AudioCodecs.encoder(AudioCodec.PCM16);
        }
    }

    /**
     * Joins the call and starts sending and receiving.
     *
     * @param names a sender's username by relay session id ({@code call_members}), {@code null} while unknown
     * @throws CallLink.JoinFailed when the relay refuses the ticket or does not answer
     */
    public static Call start(CallTicket ticket, CallSettings settings, FrameSink sink, IntFunction<String> names,
                             Clock clock) {
        return start(ticket, settings, sink, AudioSink.NONE, names, clock);
    }

    /** As above, with the others' mixed sound played to {@code audioSink} every 20 ms. */
    public static Call start(CallTicket ticket, CallSettings settings, FrameSink sink, AudioSink audioSink,
                             IntFunction<String> names, Clock clock) {
        CallLink link = new CallLink(ticket.relayHost(), ticket.relayPort());
        try {
            link.join(ticket.projectId(), ticket.ticket(), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        Call call = new Call(link, settings, sink, audioSink, names, clock);
        call.lastSentMillis = clock.millis();
        call.microphone = settings.audio() != null;
        call.camera = settings.video() != null;
        call.sendState();
        call.thread("call-receiver", call::receive);
        call.thread("call-decoder", call::decode);
        call.thread("call-video", call.sender::run);
        call.ticker.scheduleAtFixedRate(call::tick, 0, 20, TimeUnit.MILLISECONDS);
        return call;
    }

    public int sessionId() {
        return link.sessionId();
    }

    /** The JPEG quality and the fraction of the configured picture size the last frame was sent at. */
    public VideoAdaptation.Level videoLevel() {
        return sender.level;
    }

    /** How this participant's audio goes out: the codec asked for, or PCM when that could not open. */
    public AudioCodec audioCodec() {
        return encoder.codec();
    }

    /** Bytes of AUDIO datagrams sent so far (headers included). */
    public long audioBytesSent() {
        return audioBytesSent;
    }

    /** Each peer's audio playout by username, now. */
    public Map<String, AudioPlayout> audioPlayout() {
        Map<String, AudioPlayout> out = new java.util.TreeMap<>();
        peers.values().forEach(p -> out.put(name(p.sessionId), p.audioPlayout()));
        return out;
    }

    /** Turns the microphone on or off (only with an audio source); the others see it in their {@link PeerStats}. */
    public void microphone(boolean on) {
        microphone = on && settings.audio() != null;
        sendState();
    }

    /** Turns the camera on or off (only with a video source): no frames are captured or sent while off. */
    public void camera(boolean on) {
        camera = on && settings.video() != null;
        sendState();
    }

    /**
     * Shares {@code source} (the screen) instead of the camera until called with {@code null}; the
     * others see {@code screen} on in this participant's state. The caller closes the source after.
     */
    public void share(VideoSource source) {
        screen = source;
        sendState();
    }

    private void sendState() {
        send(new StatePayload(microphone, camera, screen != null).toPacket(link.sessionId()));
    }

    /** The counters now; the latencies in each peer's part are those measured since the previous call. */
    public CallStats stats() {
        List<PeerStats> list = new ArrayList<>();
        peers.values().stream().sorted((a, b) -> Integer.compare(a.sessionId, b.sessionId))
            .forEach(p -> list.add(p.snapshot(name(p.sessionId))));
        double encode = sender.frames == 0 ? 0 : sender.encodeNanos / 1e6 / sender.frames;
        double decode;
        synchronized (this) {
            decode = decoded == 0 ? 0 : decodeNanos / 1e6 / decoded;
        }
        return new CallStats(link.sessionId(), sender.frames, audioFrame, sender.bytes, sender.level.quality(),
            encode, decode, ended, list);
    }

    /** Sends LEAVE and stops every thread. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        ticker.shutdownNow();
        link.send(MediaPacket.control(PacketType.LEAVE, link.sessionId(), new byte[0]));
        link.close();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (settings.video() != null) {
            settings.video().close();
        }
        if (settings.audio() != null) {
            settings.audio().close();
        }
        synchronized (this) {
            encoder.close();
        }
        peers.values().forEach(Peer::close);
    }

    private void thread(String name, Runnable body) {
        threads.add(Thread.ofPlatform().daemon().name(name).start(body));
    }

    private String name(int session) {
        String name = known.get(session);
        if (name == null) {
            try {
                name = names.apply(session);
            } catch (RuntimeException e) {
                name = null; // the look-up failed (connection closing, call ending): unknown for now, asked again later
            }
            if (name == null) {
                return "session-" + session;
            }
            known.put(session, name);
        }
        return name;
    }

    // ---------------------------------------------------------------- receiving

    private void receive() {
        byte[] buffer = new byte[MediaPacket.MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (running) {
            try {
                datagram.setLength(buffer.length);
                link.receive(datagram);
            } catch (IOException e) {
                return; // closed
            }
            int length = datagram.getLength();
            if (MediaPacket.check(buffer, 0, length) != null) {
                continue;
            }
            byte[] packet = java.util.Arrays.copyOf(buffer, length);
            long now = clock.millis();
            switch (MediaPacket.type(packet, 0)) {
                case VIDEO -> {
                    Peer peer = peer(MediaPacket.sessionId(packet, 0));
                    if (peer.video(packet, now)) {
                        ready.offer(peer);
                    }
                }
                case AUDIO -> peer(MediaPacket.sessionId(packet, 0)).audio(packet, now);
                case REPORT -> adapt(ReceiverReport.read(packet, 0));
                case LEAVE -> ended = true;
                case STATE -> peer(MediaPacket.sessionId(packet, 0)).state(StatePayload.read(packet, 0));
                default -> {
                    // KEEPALIVE echoes need nothing here
                }
            }
        }
    }

    /** The peer of a session; a session not seen before joined after us, so it is told our state. */
    private Peer peer(int session) {
        Peer peer = peers.get(session);
        if (peer == null) {
            peer = peers.computeIfAbsent(session, Peer::new);
            sendState();
        }
        return peer;
    }

    private void adapt(ReceiverReport report) {
        if (report != null && report.reportedSession() == link.sessionId()) {
            adaptation.onReport(report.fractionLost());
        }
    }

    private void decode() {
        while (running) {
            Peer peer;
            try {
                peer = ready.take();
            } catch (InterruptedException e) {
                return;
            }
            var frame = peer.takeNewest();
            if (frame == null) {
                continue;
            }
            long start = System.nanoTime();
            var image = JpegCodec.decode(frame.data());
            long spent = System.nanoTime() - start;
            if (image == null) {
                peer.undecodable();
                continue;
            }
            synchronized (this) {
                decodeNanos += spent;
                decoded++;
            }
            long latency = FrameStamp.read(image)
                .map(stamp -> (clock.millis() & 0xFFFF_FFFF_FFFFL) - stamp.captureMillis()).orElse(-1L);
            peer.shown(latency);
            sink.frame(name(peer.sessionId), frame.frameNumber(), image, frame.data());
        }
    }

    // ---------------------------------------------------------------- the 20 ms clock

    private void tick() {
        try {
            long now = clock.millis();
            if (microphone) {
                sendAudio(now);
            }
            List<byte[]> frames = new ArrayList<>(peers.size());
            for (Peer peer : peers.values()) {
                frames.add(peer.playAudio());
                peer.expire(now);
            }
            if (!frames.isEmpty()) {
                audioSink.play(AudioMixer.mix(frames));
            }
            if (++ticks % 50 == 0) {
                for (Peer peer : peers.values()) {
                    byte[] report = peer.report(link.sessionId());
                    if (report != null) {
                        send(report);
                    }
                }
            }
            if (now - lastSentMillis >= link.ack().keepaliveMillis()) {
                send(MediaPacket.control(PacketType.KEEPALIVE, link.sessionId(), new byte[0]));
            }
        } catch (RuntimeException e) {
            // one bad turn must not cancel the schedule (a scheduled task that throws never runs again)
        }
    }

    private synchronized void sendAudio(long now) {
        if (!running) {
            return; // the encoder is freed on close
        }
        byte[] coded = encoder.encode(settings.audio().next());
        if (coded != null) {
            byte[] packet = AudioPayload.packet(link.sessionId(), AUDIO_STREAM, audioSequence++, audioFrame,
                audioFrame == 0 ? MediaPacket.FLAG_MARKER : 0, now, encoder.codec(), coded);
            send(packet);
            audioBytesSent += packet.length;
        }
        audioFrame++;
    }

    private void send(byte[] packet) {
        link.send(packet);
        lastSentMillis = clock.millis();
    }

    // ---------------------------------------------------------------- sending video

    /** The video sender thread's state; counters read by {@link #stats()}. */
    private final class Sender {
        volatile long frames;
        volatile long bytes;
        volatile long encodeNanos;
        volatile VideoAdaptation.Level level = adaptation.level();

        void run() {
            var packetizer = new dev.huddle.media.wire.VideoPacketizer(link.sessionId(), CAMERA_STREAM,
                MediaKind.VIDEO);
            long period = 1_000_000_000L / settings.fps();
            long next = System.nanoTime();
            long number = 0;
            while (running) {
                long capture = clock.millis();
                VideoSource shared = screen;
                var image = shared != null ? shared.capture(number, capture)
                    : camera ? settings.video().capture(number, capture) : null;
                if (image != null) {
                    level = adaptation.level();
                    long start = System.nanoTime();
                    image = Pictures.shrink(image, level.scale(), number, capture);
                    byte[] jpeg = JpegCodec.encode(image, level.quality());
                    encodeNanos += System.nanoTime() - start;
                    List<byte[]> chunks = packetizer.packetize(jpeg, capture);
                    long gap = period / 4 / chunks.size();
                    for (byte[] chunk : chunks) {
                        send(chunk);
                        java.util.concurrent.locks.LockSupport.parkNanos(gap);
                    }
                    frames++;
                    bytes += jpeg.length;
                    number++;
                }
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime(); // behind: skip ahead rather than send a burst
                }
                if (Thread.interrupted()) {
                    return;
                }
            }
        }
    }
}
