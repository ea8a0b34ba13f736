package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.desktop.model.CallModel;
import dev.huddle.desktop.model.CallTile;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The call in the project view, in two parts: the {@link #controls()} in the title bar (join, how
 * many are in the call, invite the room) and the {@link #stage()} above the chat (an invitation with
 * its join button; in the call, the participants' tiles over a bar with microphone, camera, share
 * screen and leave; the devices). Binds to a
 * {@link CallModel} and forwards clicks; nothing else.
 */
final class CallPanel {

    private static final double MIN_TILE = 160;
    private static final double MAX_TILE = 400;
    private static final double GAP = 10;
    private static final double PADDING = 12;

    private final HBox controls;
    private final VBox stage;
    private final Map<CallTile, CallTileView> views = new IdentityHashMap<>();
    private final DoubleProperty tileWidth = new SimpleDoubleProperty(MAX_TILE);

    CallPanel(CallModel model) {
        BooleanBinding idle = model.phaseProperty().isEqualTo(CallModel.Phase.IDLE);
        BooleanBinding inCall = model.phaseProperty().isEqualTo(CallModel.Phase.IN_CALL);

        Button join = button("join-call", "Join call", model::join, Styles.ACCENT);
        join.disableProperty().bind(idle.not());
        shownWhen(join, inCall.not());
        Label count = new Label();
        count.setId("call-count");
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.when(model.inCallProperty().greaterThan(0))
            .then(model.inCallProperty().asString().concat(" in the call")).otherwise(""));
        shownWhen(count, inCall.not());

        Button mic = button("toggle-mic", "", model::toggleMicrophone);
        mic.textProperty().bind(Bindings.when(model.microphoneProperty()).then("Mute").otherwise("Unmute"));
        Button camera = button("toggle-camera", "", model::toggleCamera);
        camera.textProperty().bind(Bindings.when(model.cameraProperty()).then("Stop video").otherwise("Start video"));
        Button share = button("share-screen", "", model::toggleScreen);
        share.textProperty().bind(Bindings.when(model.sharingProperty()).then("Stop sharing").otherwise("Share screen"));
        Button leave = button("leave-call", "Leave call", model::leave, Styles.DANGER);
        for (Node node : new Node[] {mic, camera, share, leave}) {
            shownWhen(node, inCall);
        }
        mic.getStyleClass().add(Styles.LEFT_PILL);
        camera.getStyleClass().add(Styles.CENTER_PILL);
        share.getStyleClass().add(Styles.RIGHT_PILL);

        Button invite = button("invite-room", "Invite the room", model::inviteRoom, Styles.FLAT);
        controls = new HBox(8, count, join, invite);
        controls.setId("call-panel");
        controls.setAlignment(Pos.CENTER_LEFT);

        HBox pills = new HBox(0, mic, camera, share);
        HBox bar = new HBox(16, pills, leave);
        bar.setAlignment(Pos.CENTER);
        bar.setId("call-controls");
        VBox room = new VBox(10, tiles(model), bar);
        room.setPadding(new Insets(0, 0, PADDING, 0));
        room.setStyle("-fx-background-color: #1e1f22; -fx-background-radius: 10;");
        shownWhen(room, inCall);
        stage = new VBox(8, invitation(model), room, devices(model, inCall), status(model));
        stage.setId("call-stage");
    }

    /** The call's buttons, for the title bar. */
    Node controls() {
        return controls;
    }

    /** The invitation, the tiles and the devices, for above the chat. */
    Node stage() {
        return stage;
    }

    private static Node invitation(CallModel model) {
        Label text = new Label();
        text.setId("invitation-text");
        text.textProperty().bind(model.invitationProperty());
        text.getStyleClass().add(Styles.TEXT_BOLD);
        Button accept = button("accept-invitation", "Join", model::join, Styles.SUCCESS);
        Button dismiss = button("dismiss-invitation", "Not now", model::dismissInvitation, Styles.FLAT);
        HBox notice = new HBox(12, text, accept, dismiss);
        notice.setId("call-invitation");
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.setPadding(new Insets(8, 12, 8, 12));
        notice.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 8;"
            + " -fx-border-color: -color-accent-muted; -fx-border-radius: 8;");
        shownWhen(notice, model.invitationProperty().isNotEmpty());
        return notice;
    }

    private Node tiles(CallModel model) {
        FlowPane grid = new FlowPane(GAP, GAP);
        grid.setId("call-tiles");
        grid.setAlignment(Pos.CENTER);
        grid.setPadding(new Insets(PADDING));
        ObservableList<CallTile> tiles = model.tiles();
        tiles.addListener((ListChangeListener<CallTile>) change -> show(grid, tiles));
        grid.widthProperty().addListener((o, was, now) -> fit(grid, tiles.size()));
        show(grid, tiles);
        return grid;
    }

    /** Keeps one view per tile for as long as the tile is shown, so its picture is not rebuilt. */
    private void show(FlowPane grid, ObservableList<CallTile> tiles) {
        views.keySet().retainAll(tiles);
        grid.getChildren().setAll(tiles.stream()
            .map(tile -> views.computeIfAbsent(tile, t -> new CallTileView(t, tileWidth)).root()).toList());
        fit(grid, tiles.size());
    }

    /** Up to three tiles a row (two rows of two for four), as wide as the panel allows. */
    private void fit(FlowPane grid, int count) {
        int columns = count <= 3 ? Math.max(1, count) : count == 4 ? 2 : 3;
        double available = grid.getWidth() - 2 * PADDING - GAP * (columns - 1) - 4; // a little slack: no early wrap
        tileWidth.set(grid.getWidth() <= 0 ? MAX_TILE
            : Math.max(MIN_TILE, Math.min(MAX_TILE, Math.floor(available / columns))));
    }

    private static Node devices(CallModel model, BooleanBinding inCall) {
        ComboBox<String> camera = device("camera-choice", model.cameras(), model.cameraChoiceProperty(),
            "No camera found");
        ComboBox<String> microphone = device("microphone-choice", model.microphones(), model.microphoneChoiceProperty(),
            "No microphone found");
        Label note = new Label();
        note.setId("device-note");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.textProperty().bind(model.deviceNoteProperty());
        Label people = new Label();
        people.setId("call-participants");
        people.getStyleClass().addAll(Styles.TEXT_SMALL);
        people.textProperty().bind(model.participantsProperty());
        HBox row = new HBox(8, fixed(new Label("Camera")), camera, fixed(new Label("Microphone")), microphone);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, people, row, note);
        shownWhen(box, inCall);
        return box;
    }

    private static Label fixed(Label label) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private static ComboBox<String> device(String id, ObservableList<String> devices,
                                           javafx.beans.property.StringProperty chosen, String none) {
        ComboBox<String> choice = new ComboBox<>(devices);
        choice.setId(id);
        choice.setPromptText(none);
        choice.getStyleClass().add(Styles.SMALL);
        choice.disableProperty().bind(Bindings.isEmpty(devices));
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.setPrefWidth(180);
        choice.valueProperty().bindBidirectional(chosen);
        return choice;
    }

    private static Node status(CallModel model) {
        Label status = new Label();
        status.setId("call-status");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        shownWhen(status, model.statusProperty().isNotEmpty());
        return status;
    }

    private static Button button(String id, String text, Runnable action, String... styles) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setId(id);
        button.getStyleClass().addAll(styles);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
