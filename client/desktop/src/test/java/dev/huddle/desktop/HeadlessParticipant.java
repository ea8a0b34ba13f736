package dev.huddle.desktop;

import dev.huddle.client.line.LineConnection;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallControl;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.PeerStats;
import dev.huddle.client.media.SyntheticVideo;
import dev.huddle.client.media.ToneSource;
import dev.huddle.client.media.VideoSource;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The other side of a desktop call test: a member on the line protocol, as huddle-cli connects, with
 * the room open (it hears the room's events) and, once {@link #joinCall joined}, the client library's
 * headless {@link Call} sending a synthetic camera and a tone and keeping what it receives.
 */
public final class HeadlessParticipant implements AutoCloseable {

    public final String name;
    public final String token;
    private final long projectId;
    private final LineConnection line;
    private final List<Reply.Event> events = new CopyOnWriteArrayList<>();
    private final Map<String, BufferedImage> newest = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> frames = new ConcurrentHashMap<>();
    private Call call;

    private HeadlessParticipant(String name, String token, long projectId, LineConnection line) {
        this.name = name;
        this.token = token;
        this.projectId = projectId;
        this.line = line;
    }

    /** Logs {@code name} in on its own line connection and opens the room. */
    public static HeadlessParticipant open(Servers servers, String name, long projectId) {
        LineConnection line = servers.line();
        String token = line.ok(new Command.Login(name, "violet-anchor-93-drum")).getString("token");
        HeadlessParticipant member = new HeadlessParticipant(name, token, projectId, line);
        line.onEvent(member.events::add);
        line.ok(new Command.Join(token, projectId));
        return member;
    }

    /** Joins the call sending a test pattern (or nothing) and a tone (or nothing). */
    public void joinCall(boolean video, boolean audio) {
        CallControl control = new CallControl(line, token, projectId);
        call = Call.start(control.ticket(), new CallSettings(video ? new SyntheticVideo(640, 480, name) : null,
            audio ? new ToneSource(330) : null, CallSettings.DEFAULT_FPS, CallSettings.DEFAULT_QUALITY),
            (peer, number, image, jpeg) -> {
                newest.put(peer, image);
                frames.computeIfAbsent(peer, p -> new AtomicLong()).incrementAndGet();
            }, control::username, Clock.systemUTC());
    }

    public void camera(boolean on) {
        call.camera(on);
    }

    public void share(VideoSource screen) {
        call.share(screen);
    }

    /** Runs a command as this member over its line connection. */
    public void run(Command command) {
        line.ok(command);
    }

    public long framesFrom(String sender) {
        AtomicLong count = frames.get(sender);
        return count == null ? 0 : count.get();
    }

    /** The newest picture decoded from {@code sender}, or null. */
    public BufferedImage newestFrom(String sender) {
        return newest.get(sender);
    }

    /** What this member's call knows of {@code sender} now, or null while nothing came from them. */
    public PeerStats peer(String sender) {
        return call.stats().peers().stream().filter(p -> p.name().equals(sender)).findFirst().orElse(null);
    }

    /** The room events heard so far. */
    public List<Reply.Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        if (call != null) {
            call.close();
        }
        line.close();
    }
}
