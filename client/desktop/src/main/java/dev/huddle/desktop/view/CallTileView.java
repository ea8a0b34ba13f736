package dev.huddle.desktop.view;

import dev.huddle.desktop.model.CallTile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * One participant's tile: their picture, or an avatar with initials while there is none; their name
 * on a dark strip with "muted", "camera off" and "presenting" badges; a green ring while they speak.
 * Binds to a {@link CallTile}, nothing more.
 */
final class CallTileView {

    /** Tiles are 4:3, the pictures' shape. */
    static final double ASPECT = 0.75;
    private static final String[] AVATAR_COLOURS = {"#6f42c1", "#0969da", "#1a7f37", "#bc4c00", "#cf222e", "#8250df"};

    private final StackPane root = new StackPane();

    /** @param width the tile's width, which the panel sets to fit the participants in */
    CallTileView(CallTile tile, DoubleExpression width) {
        DoubleExpression height = width.multiply(ASPECT);
        root.setId("tile-" + tile.username());
        root.getStyleClass().add("call-tile");
        for (var size : new javafx.beans.property.DoubleProperty[] {root.prefWidthProperty(), root.minWidthProperty(),
            root.maxWidthProperty()}) {
            size.bind(width);
        }
        for (var size : new javafx.beans.property.DoubleProperty[] {root.prefHeightProperty(),
            root.minHeightProperty(), root.maxHeightProperty()}) {
            size.bind(height);
        }
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(width);
        clip.heightProperty().bind(height);
        clip.setArcWidth(18);
        clip.setArcHeight(18);
        root.setClip(clip);
        root.setStyle("-fx-background-color: #2b2d31;");

        ImageView video = new ImageView();
        video.getStyleClass().add("tile-video");
        video.fitWidthProperty().bind(width);
        video.fitHeightProperty().bind(height);
        video.setPreserveRatio(true);
        video.setSmooth(true);
        video.imageProperty().bind(tile.videoProperty());
        video.visibleProperty().bind(tile.showingVideoProperty());

        Node avatar = avatar(tile);
        avatar.visibleProperty().bind(tile.showingVideoProperty().not());

        Region ring = new Region();
        ring.getStyleClass().add("tile-speaking");
        ring.setStyle("-fx-border-color: #3fb950; -fx-border-width: 3; -fx-border-radius: 9;");
        ring.visibleProperty().bind(tile.speakingProperty());
        ring.setMouseTransparent(true);

        Node strip = strip(tile);
        StackPane.setAlignment(strip, Pos.BOTTOM_LEFT);
        StackPane.setMargin(strip, new Insets(8));
        root.getChildren().addAll(avatar, video, strip, ring);
        root.setAccessibleText(tile.username());
    }

    Node root() {
        return root;
    }

    private static Node avatar(CallTile tile) {
        Circle circle = new Circle(38);
        circle.setStyle("-fx-fill: " + AVATAR_COLOURS[Math.floorMod(tile.username().hashCode(), AVATAR_COLOURS.length)]
            + ";");
        Label initials = new Label(tile.initials());
        initials.setStyle("-fx-text-fill: white; -fx-font-size: 26px; -fx-font-weight: bold;");
        StackPane face = new StackPane(circle, initials);
        Label note = new Label();
        note.getStyleClass().add("tile-note");
        note.setStyle("-fx-text-fill: #b5bac1; -fx-font-size: 12px;");
        note.textProperty().bind(Bindings.when(tile.cameraProperty().or(tile.screenProperty()))
            .then("connecting video…").otherwise("camera off"));
        VBox box = new VBox(10, face, note);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("tile-avatar");
        return box;
    }

    private static Node strip(CallTile tile) {
        Label name = new Label(tile.username() + (tile.me() ? " (you)" : ""));
        name.getStyleClass().add("tile-name");
        name.setStyle("-fx-text-fill: white; -fx-font-size: 13px; -fx-font-weight: bold;");
        HBox strip = new HBox(6, name,
            badge("muted", "badge-muted", "#cf222e", tile.microphoneProperty().not()),
            badge("camera off", "badge-camera-off", "#57606a", tile.cameraProperty().not()),
            badge("presenting", "badge-screen", "#0969da", tile.screenProperty()));
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.setPadding(new Insets(4, 8, 4, 8));
        strip.setStyle("-fx-background-color: rgba(0,0,0,0.55); -fx-background-radius: 6;");
        strip.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return strip;
    }

    private static Label badge(String text, String styleClass, String colour,
                               javafx.beans.value.ObservableBooleanValue shown) {
        Label badge = new Label(text);
        badge.getStyleClass().add(styleClass);
        badge.setStyle("-fx-text-fill: white; -fx-font-size: 11px; -fx-background-color: " + colour
            + "; -fx-background-radius: 4; -fx-padding: 1 6 1 6;");
        badge.visibleProperty().bind(shown);
        badge.managedProperty().bind(shown);
        return badge;
    }
}
