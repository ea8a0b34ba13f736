package dev.huddle.client.cli;

import dev.huddle.client.line.LineConnection;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallControl;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.CallStats;
import dev.huddle.client.media.CallTicket;
import dev.huddle.client.media.DirectoryFrameSink;
import dev.huddle.client.media.FrameSink;
import dev.huddle.client.media.PeerStats;
import dev.huddle.client.media.VideoSource;
import dev.huddle.client.media.VideoSourceUnavailable;
import dev.huddle.client.media.VideoSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code huddle cli call <project_id>}: a headless participant. Joins the room's call with a ticket
 * from {@code call_join}, sends video from a test pattern, a camera, a file or the screen (stamped
 * with frame number and capture time, for the receivers' checks) and sound ({@link CliAudio}), receives
 * the others, prints one stats line a second and a summary, then leaves. A video source that cannot
 * be opened ends the command with one line saying why, before the call is joined.
 */
final class CliCall {

    static final Set<String> VALUES = Set.of("video", "audio", "audio-codec", "save-audio", "seconds", "save-frames",
        "relay");
    static final Set<String> FLAGS = Set.of("json");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private final LineConnection line;
    private final String token;
    private final long projectId;
    private final Args options;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final Map<String, List<Long>> allLatencies = new HashMap<>();

    CliCall(LineConnection line, String token, long projectId, Args options, PrintStream out, PrintStream err) {
        this.line = line;
        this.token = token;
        this.projectId = projectId;
        this.options = options;
        this.out = out;
        this.err = err;
        this.json = options.flag("json");
    }

    /** Checks the options before anything connects. */
    static void check(Args options) {
        videoSpec(options);
        CliAudio.check(options);
        if (options.value("seconds") != null) {
            Args.positive(options.value("seconds"), "--seconds");
        }
        if (options.value("relay") != null) {
            relay(options.value("relay"));
        }
    }

    int run(String username) {
        CallSettings settings;
        try {
            settings = settings(options, username);
        } catch (VideoSourceUnavailable e) {
            err.println("huddle-cli: " + e.getMessage());
            return 1;
        }
        CallControl control = new CallControl(line, token, projectId);
        CallTicket ticket = control.ticket();
        if (options.value("relay") != null) {
            HostPort relay = relay(options.value("relay"));
            ticket = ticket.via(relay.host(), relay.port());
        }
        String dir = options.value("save-frames");
        FrameSink sink = dir == null ? FrameSink.NONE : new DirectoryFrameSink(Path.of(dir));
        long seconds = options.value("seconds") == null ? Long.MAX_VALUE : Args.positive(options.value("seconds"),
            "--seconds");
        CliAudio audio = CliAudio.open(options, this::note);
        settings = new CallSettings(settings.video(), audio.source(), settings.fps(), settings.quality(),
            audio.codec());
        try (audio; Call call = Call.start(ticket, settings, sink, audio.sink(), control::username,
            Clock.systemUTC())) {
            long start = System.nanoTime();
            for (long second = 1; second <= seconds; second++) {
                long wait = start + second * 1_000_000_000L - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                CallStats stats = call.stats();
                out.println(line(second, stats, call.videoLevel().scale()));
                if (stats.ended()) {
                    note("the relay ended this call");
                    break;
                }
            }
            out.println(summary(call.stats(), call));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Opens the video source first, so a missing camera is said before anything else happens. */
    private static CallSettings settings(Args options, String label) {
        VideoSource video = videoSpec(options).open(WIDTH, HEIGHT, CallSettings.DEFAULT_FPS, label,
            System.getenv("DISPLAY"), true);
        return new CallSettings(video, null, CallSettings.DEFAULT_FPS, CallSettings.DEFAULT_QUALITY);
    }

    private static VideoSpec videoSpec(Args options) {
        String video = options.value("video") == null ? "synthetic" : options.value("video");
        try {
            return VideoSpec.parse(video);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--video " + VideoSpec.USAGE + ", not '" + video + "'");
        }
    }


    private record HostPort(String host, int port) {
    }

    private static HostPort relay(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new Args.UsageException("--relay HOST:PORT, not '" + value + "'");
        }
        long port = Args.positive(value.substring(colon + 1), "--relay port");
        if (port > 65_535) {
            throw new Args.UsageException("--relay port must be from 1 to 65535");
        }
        return new HostPort(value.substring(0, colon), (int) port);
    }

    private String line(long second, CallStats stats, double scale) {
        JsonArray peers = new JsonArray();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%3ds sent %d frames, %d audio, q %.2f, "
            + "size %.0f%%", second, stats.framesSent(), stats.audioSent(), stats.quality(), scale * 100));
        for (PeerStats peer : stats.peers()) {
            allLatencies.computeIfAbsent(peer.name(), n -> new ArrayList<>()).addAll(peer.latencies());
            JsonObject p = peerJson(peer, peer.latencies());
            peers.add(p);
            text.append(String.format(Locale.ROOT, " | %s: %d frames (%d incomplete), %d audio, loss %.1f%%, "
                + "latency p50 %s ms", peer.name(), peer.framesShown(), peer.framesIncomplete(), peer.audioPlayed(),
                peer.lossPercent(), p.getValue("latencyP50Millis")));
        }
        return json ? new JsonObject().put("second", second).put("framesSent", stats.framesSent())
            .put("audioSent", stats.audioSent()).put("quality", stats.quality()).put("scale", scale)
            .put("peers", peers).encode()
            : text.toString();
    }

    private String summary(CallStats stats, Call call) {
        JsonArray peers = new JsonArray();
        var playout = call.audioPlayout();
        for (PeerStats peer : stats.peers()) {
            allLatencies.computeIfAbsent(peer.name(), n -> new ArrayList<>()).addAll(peer.latencies());
            JsonObject json = peerJson(peer, allLatencies.get(peer.name()));
            var audio = playout.get(peer.name());
            if (audio != null) {
                json.put("audioDelayMillis", audio.delayMillis()).put("audioJitterMillis", round(audio.jitterMillis()))
                    .put("audioRepeated", audio.repeated()).put("audioLate", audio.late())
                    .put("audioDuplicates", audio.duplicates()).put("audioTrimmed", audio.trimmed());
            }
            peers.add(json);
        }
        JsonObject summary = new JsonObject().put("summary", true).put("session", stats.sessionId())
            .put("framesSent", stats.framesSent()).put("audioSent", stats.audioSent())
            .put("videoBytesSent", stats.bytesSent()).put("audioCodec", call.audioCodec().name().toLowerCase(Locale.ROOT))
            .put("audioBytesSent", call.audioBytesSent()).put("quality", stats.quality())
            .put("encodeMillisPerFrame", round(stats.encodeMillis()))
            .put("decodeMillisPerFrame", round(stats.decodeMillis())).put("peers", peers);
        if (json) {
            return summary.encode();
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
            "summary: sent %d frames (%d bytes), %d audio (%s, %d bytes); encode %.1f ms/frame, decode %.1f ms/frame",
            stats.framesSent(), stats.bytesSent(), stats.audioSent(), summary.getString("audioCodec"),
            call.audioBytesSent(), stats.encodeMillis(), stats.decodeMillis()));
        for (Object p : peers) {
            JsonObject peer = (JsonObject) p;
            text.append(String.format(Locale.ROOT, "%n  %s: %d frames shown, %d incomplete, %d audio played, "
                + "%d concealed, loss %.1f%%, latency p50 %s ms p99 %s ms", peer.getString("name"),
                peer.getLong("framesShown"), peer.getLong("framesIncomplete"), peer.getLong("audioPlayed"),
                peer.getLong("audioConcealed"), peer.getDouble("lossPercent"), peer.getValue("latencyP50Millis"),
                peer.getValue("latencyP99Millis")));
        }
        return text.toString();
    }

    private static JsonObject peerJson(PeerStats peer, List<Long> latencies) {
        return new JsonObject().put("name", peer.name()).put("session", peer.sessionId())
            .put("framesComplete", peer.framesComplete()).put("framesShown", peer.framesShown())
            .put("framesIncomplete", peer.framesIncomplete()).put("framesSuperseded", peer.framesSuperseded())
            .put("audioReceived", peer.audioReceived()).put("audioPlayed", peer.audioPlayed())
            .put("audioConcealed", peer.audioConcealed()).put("packetsLost", peer.packetsLost())
            .put("microphone", peer.microphone()).put("camera", peer.camera())
            .put("lossPercent", round(peer.lossPercent()))
            .put("latencyP50Millis", percentile(latencies, 50)).put("latencyP99Millis", percentile(latencies, 99));
    }

    /** The nearest-rank percentile, or {@code null} when nothing was measured. */
    static Long percentile(List<Long> values, int percent) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private void note(String text) {
        if (!json) {
            out.println("note: " + text);
        }
    }
}
