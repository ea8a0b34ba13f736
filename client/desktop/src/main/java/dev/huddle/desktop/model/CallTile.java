package dev.huddle.desktop.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;

/**
 * One participant of the call as its tile shows them: name, the newest picture, microphone / camera /
 * screen state, and whether they are speaking. Changed by {@link CallModel} on the UI thread only.
 */
public final class CallTile {

    /** An audio level (RMS of full scale) above which someone counts as speaking. */
    static final double SPEAKING_LEVEL = 0.02;

    private final String username;
    private final boolean me;
    private final ReadOnlyBooleanWrapper microphone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper camera = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper screen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper showingVideo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper speaking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Image> video = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(0);

    CallTile(String username, boolean me) {
        this.username = username;
        this.me = me;
    }

    public String username() {
        return username;
    }

    /** This user's own tile: the local preview. */
    public boolean me() {
        return me;
    }

    /** The initials an avatar shows when there is no picture. */
    public String initials() {
        String[] words = username.replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
        return words[0].isEmpty() ? "?" : words[0].substring(0, Math.min(2, words[0].length())).toUpperCase();
    }

    public ReadOnlyBooleanProperty microphoneProperty() {
        return microphone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    /** Sharing their screen: the picture is the screen, not the camera. */
    public ReadOnlyBooleanProperty screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** A picture to show: the camera or screen is on and a frame has come; otherwise the avatar. */
    public ReadOnlyBooleanProperty showingVideoProperty() {
        return showingVideo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty speakingProperty() {
        return speaking.getReadOnlyProperty();
    }

    /** The audio level, 0 to 1, for a meter. */
    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** The newest picture (received, or the local preview). */
    public ReadOnlyObjectProperty<Image> videoProperty() {
        return video.getReadOnlyProperty();
    }

    /** How many pictures this tile has shown: it moves while video is live. */
    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    void state(boolean mic, boolean cam, boolean sharing) {
        microphone.set(mic);
        camera.set(cam);
        screen.set(sharing);
        if (!mic) {
            level(0);
        }
        if (!cam && !sharing) {
            video.set(null);
        }
        showingVideo.set((cam || sharing) && video.get() != null);
    }

    void picture(Image image) {
        if (!camera.get() && !screen.get()) {
            return; // a frame still in flight after the camera went off
        }
        video.set(image);
        frames.set(frames.get() + 1);
        showingVideo.set(true);
    }

    void level(double value) {
        level.set(value);
        speaking.set(microphone.get() && value > SPEAKING_LEVEL);
    }
}
