package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.media.AudioSink;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallControl;
import dev.huddle.client.media.CallMember;
import dev.huddle.client.media.CallRoster;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.CallStats;
import dev.huddle.client.media.CallTicket;
import dev.huddle.client.media.PeerStats;
import dev.huddle.client.media.VideoSource;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The room's call in the project view: joining and leaving, microphone, camera and screen sharing,
 * inviting the room, a tile per participant (from the call events) with the newest picture and who
 * is speaking, the local preview, and the device choice. Properties change on the UI thread only;
 * joining, media and decoding run on the call's own threads, and pictures reach the tiles through
 * {@link FrameHandoff} (only the newest per participant).
 */
public final class CallModel {

    /** Where this user is with the call. */
    public enum Phase { IDLE, JOINING, IN_CALL }

    private static final long METER_MILLIS = 250;

    private final UiThread ui;
    private final HuddleClient client;
    private final long projectId;
    private final CallSources sources;
    private volatile AudioSink speaker;
    private final Clock clock;
    private final CallRoster roster;
    private final FrameHandoff frames;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().daemon().name("call-control").factory());
    private final ObservableList<CallTile> tiles = FXCollections.observableArrayList();
    private final Map<String, CallTile> byName = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyBooleanWrapper microphone = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper camera = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper inCall = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper participants = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper invitation = new ReadOnlyStringWrapper("");
    private final ObservableList<String> cameras = FXCollections.observableArrayList();
    private final ObservableList<String> microphones = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper deviceNote = new ReadOnlyStringWrapper("");
    private final StringProperty cameraChoice = new SimpleStringProperty();
    private final StringProperty microphoneChoice = new SimpleStringProperty();
    private Call call;
    private CallTile me;
    private VideoSource screen;
    private LocalMedia.Metered mic;
    private ScheduledExecutorService meter;

    CallModel(UiThread ui, HuddleClient client, long projectId, CallSources sources, Clock clock) {
        this.ui = ui;
        this.client = client;
        this.projectId = projectId;
        this.sources = sources;
        this.clock = clock;
        this.roster = new CallRoster(projectId);
        this.frames = new FrameHandoff(ui, this::picture);
        cameras.setAll(sources.cameras());
        microphones.setAll(sources.microphones());
        cameraChoice.set(first(cameras));
        microphoneChoice.set(first(microphones));
        deviceNote.set(cameras.isEmpty() && microphones.isEmpty()
            ? "No camera or microphone on this computer: a test pattern and a tone stand in."
            : cameras.isEmpty() ? "No camera on this computer: a test pattern stands in."
            : microphones.isEmpty() ? "No microphone on this computer: a tone stands in." : "");
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The participants' tiles, this user's (the local preview) first while in the call. */
    public ObservableList<CallTile> tiles() {
        return FXCollections.unmodifiableObservableList(tiles);
    }

    public ReadOnlyBooleanProperty microphoneProperty() {
        return microphone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    /** How many are in the room's call, this user included; known before joining, from the call events. */
    public ReadOnlyIntegerProperty inCallProperty() {
        return inCall.getReadOnlyProperty();
    }

    /** Who is in the call, by name, from the call events: "In the call: alice, bob"; empty when nobody is. */
    public ReadOnlyStringProperty participantsProperty() {
        return participants.getReadOnlyProperty();
    }

    /** What the call is doing or why it failed, for people. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "alice invites everyone to the call" while an invitation waits for an answer; empty otherwise. */
    public ReadOnlyStringProperty invitationProperty() {
        return invitation.getReadOnlyProperty();
    }

    /** The cameras and microphones to choose from (none here: {@link #deviceNoteProperty} says so). */
    public ObservableList<String> cameras() {
        return FXCollections.unmodifiableObservableList(cameras);
    }

    public ObservableList<String> microphones() {
        return FXCollections.unmodifiableObservableList(microphones);
    }

    /** The camera to use from the next join on (one of {@link #cameras()}); null when there is none. */
    public StringProperty cameraChoiceProperty() {
        return cameraChoice;
    }

    public StringProperty microphoneChoiceProperty() {
        return microphoneChoice;
    }

    public ReadOnlyStringProperty deviceNoteProperty() {
        return deviceNote.getReadOnlyProperty();
    }

    /** Who is in the call now, before this user joins too. */
    void load() {
        ui.when(request(new Command.CallMembers(token(), projectId)), answer -> {
            roster.reset(answer);
            showRoster();
        }, e -> { });
    }

    /** Joins with the first camera and microphone (test pattern and tone where there are none). */
    public void join() {
        if (phase.get() != Phase.IDLE) {
            return;
        }
        invitation.set("");
        phase.set(Phase.JOINING);
        status.set("Joining the call…");
        ui.when(request(new Command.CallJoin(token(), projectId)),
            answer -> {
                String cam = cameraChoice.get();
                String mic = microphoneChoice.get();
                control.execute(() -> start(answer, cam, mic));
            }, this::failed);
    }

    /** Runs on the control thread: the relay handshake blocks until the relay answers. */
    private void start(JsonObject answer, String camDevice, String micDevice) {
        String name = client.session().username();
        LocalMedia.Metered microphone = new LocalMedia.Metered(sources.microphone(micDevice));
        VideoSource cameraSource = LocalMedia.previewed(sources.camera(camDevice, name),
            picture -> frames.offer(name, picture));
        try {
            CallTicket ticket = CallControl.ticket(projectId, answer);
            AudioSink heard = sources.speaker();
            speaker = heard;
            Call started = Call.start(ticket, new CallSettings(cameraSource, microphone, CallSettings.DEFAULT_FPS,
                CallSettings.DEFAULT_QUALITY), (peer, number, image, jpeg) -> frames.offer(peer, image),
                heard, roster::username, clock);
            ui.run(() -> joined(started, microphone));
        } catch (RuntimeException e) {
            cameraSource.close();
            microphone.close();
            closeSpeaker();
            ui.run(() -> failed(new HuddleException(ErrorCode.UNAVAILABLE, "could not reach the media relay: "
                + e.getMessage())));
        }
    }

    /** On the control thread: the speaker a call played to, if it holds a device. */
    private void closeSpeaker() {
        AudioSink heard = speaker;
        speaker = null;
        if (heard instanceof AutoCloseable device) {
            try {
                device.close();
            } catch (Exception e) {
                // a device that fails to close is gone either way; the next call opens a fresh one
            }
        }
    }

    private void joined(Call started, LocalMedia.Metered microphoneSource) {
        if (phase.get() != Phase.JOINING) {
            control.execute(started::close); // left while joining
            return;
        }
        call = started;
        mic = microphoneSource;
        me = new CallTile(client.session().username(), true);
        microphone.set(true);
        camera.set(true);
        sharing.set(false);
        me.state(true, true, false);
        phase.set(Phase.IN_CALL);
        status.set("");
        meter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("call-meter").factory());
        meter.scheduleAtFixedRate(() -> measure(started), METER_MILLIS, METER_MILLIS, TimeUnit.MILLISECONDS);
        load();
        showRoster();
    }

    public void leave() {
        if (phase.get() == Phase.IDLE) {
            return;
        }
        Call ending = call;
        VideoSource shared = screen;
        call = null;
        screen = null;
        if (meter != null) {
            meter.shutdownNow();
            meter = null;
        }
        phase.set(Phase.IDLE);
        sharing.set(false);
        me = null;
        status.set("");
        control.execute(() -> {
            if (ending != null) {
                ending.close();
            }
            if (shared != null) {
                shared.close();
            }
            closeSpeaker();
        });
        showRoster();
    }

    public void toggleMicrophone() {
        if (call == null) {
            return;
        }
        Call now = call;
        boolean on = !microphone.get();
        microphone.set(on);
        control.execute(() -> now.microphone(on));
        showMine();
    }

    public void toggleCamera() {
        if (call == null) {
            return;
        }
        Call now = call;
        boolean on = !camera.get();
        camera.set(on);
        control.execute(() -> now.camera(on));
        showMine();
    }

    /** Shares the screen instead of the camera, or stops sharing it. */
    public void toggleScreen() {
        if (call == null) {
            return;
        }
        Call now = call;
        VideoSource before = screen;
        String name = client.session().username();
        screen = before == null ? LocalMedia.previewed(sources.screen(name), picture -> frames.offer(name, picture))
            : null;
        VideoSource after = screen;
        sharing.set(after != null);
        control.execute(() -> {
            now.share(after);
            if (before != null) {
                before.close();
            }
        });
        showMine();
    }

    /** Asks everyone in the room to join: they see a notice with a join button. */
    public void inviteRoom() {
        ui.when(request(new Command.CallInvite(token(), projectId)),
            answer -> status.set("Everyone in the room was invited to the call."), this::failed);
    }

    public void dismissInvitation() {
        invitation.set("");
    }

    /** An event of this room, on the UI thread. */
    void apply(ServerEvent event) {
        switch (event) {
            case ServerEvent.Invite invite when invite.invite().projectId() == projectId
                && !client.session().isMe(invite.invite().from().username()) && phase.get() == Phase.IDLE ->
                invitation.set(invite.invite().from().username() + " invites everyone to the call");
            case ServerEvent.Unknown unknown when roster.apply(unknown.type(), unknown.data()) -> showRoster();
            default -> {
                // not about this room's call
            }
        }
    }

    /** The project view closed: out of the call, threads stopped. */
    void close() {
        leave();
        control.shutdown();
    }

    private void showRoster() {
        List<CallMember> members = roster.members();
        inCall.set(members.size());
        participants.set(members.isEmpty() ? "" : "In the call: " + String.join(", ",
            members.stream().map(CallMember::username).toList()));
        List<CallTile> shown = new ArrayList<>();
        if (me != null) {
            shown.add(me);
        }
        for (CallMember member : members) {
            if (me != null && client.session().isMe(member.username())) {
                continue;
            }
            CallTile tile = byName.computeIfAbsent(member.username(), n -> new CallTile(n, false));
            tile.state(member.mic(), member.camera(), member.screen());
            shown.add(tile);
        }
        if (phase.get() != Phase.IN_CALL) {
            shown.clear();
        }
        byName.values().retainAll(shown);
        if (!shown.equals(tiles)) {
            tiles.setAll(shown);
        }
    }

    private void showMine() {
        if (me != null) {
            me.state(microphone.get(), camera.get(), sharing.get());
        }
    }

    private void picture(String who, javafx.scene.image.Image image) {
        CallTile tile = me != null && me.username().equals(who) ? me : byName.get(who);
        if (tile != null && phase.get() == Phase.IN_CALL) {
            tile.picture(image);
        }
    }

    /** On the meter thread: the levels now, handed to the UI. */
    private void measure(Call measured) {
        CallStats stats = measured.stats();
        LocalMedia.Metered source = mic;
        double mine = source == null ? 0 : source.level();
        ui.run(() -> {
            if (call != measured) {
                return;
            }
            for (PeerStats peer : stats.peers()) {
                CallTile tile = byName.get(peer.name());
                if (tile != null) {
                    tile.level(peer.audioLevel());
                }
            }
            if (me != null) {
                me.level(mine);
            }
            if (stats.ended()) {
                leave();
                status.set("The call ended.");
            }
        });
    }

    private void failed(HuddleException e) {
        if (phase.get() == Phase.JOINING) {
            phase.set(Phase.IDLE);
        }
        status.set(Problems.say(e));
    }

    private Future<JsonObject> request(Command command) {
        return client.chat().request(command).map(answer -> answer instanceof JsonObject json ? json
            : new JsonObject());
    }

    private String token() {
        return client.session().token();
    }

    private static String first(List<String> devices) {
        return devices.isEmpty() ? null : devices.get(0);
    }
}
