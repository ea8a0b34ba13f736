package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.desktop.model.ConversationModel;
import dev.huddle.desktop.model.Downloads;
import dev.huddle.desktop.model.LogEntry;
import dev.huddle.desktop.model.TransferItem;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file parts of a conversation: the attach chooser and drop target, the transfers under way
 * (name, progress bar, cancel), and a shared file in the log (name, size, download, and a thumbnail
 * for a picture). All actions go to the {@link ConversationModel}.
 */
final class FileViews {

    /** The largest thumbnail drawn, in pixels. */
    static final double THUMBNAIL_WIDTH = 240;
    static final double THUMBNAIL_HEIGHT = 160;

    private FileViews() {
    }

    /** Opens the file chooser and sends what was chosen. */
    static void choose(Window owner, ConversationModel<?> model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Send files");
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        if (chosen != null) {
            model.attach(chosen.stream().map(File::toPath).toList());
        }
    }

    /** Files dropped on {@code target} are sent. */
    static void acceptDrops(Node target, ConversationModel<?> model) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                model.attach(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    /** One row per transfer under way: its name, a progress bar and a cancel button. */
    static Node transfers(ConversationModel<?> model) {
        VBox rows = new VBox(4);
        rows.setId("transfers");
        Runnable rebuild = () -> rows.getChildren().setAll(model.transfers().stream().map(FileViews::row).toList());
        model.transfers().addListener((ListChangeListener<TransferItem>) change -> rebuild.run());
        rebuild.run();
        return rows;
    }

    /** A shared file in the log: its name and size, a download button and, for a picture, its thumbnail. */
    static Node shared(ConversationModel<?> model, LogEntry entry) {
        FileInfo file = entry.file();
        Label name = new Label(file.describe());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Button download = new Button("Download");
        download.setId("download-" + file.id());
        download.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        download.setOnAction(e -> model.download(file, Downloads.folder()));
        HBox line = new HBox(8, name, download);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, line);
        if (file.isImage()) {
            ImageView thumbnail = new ImageView();
            thumbnail.setId("thumbnail-" + file.id());
            thumbnail.setPreserveRatio(true);
            thumbnail.setFitWidth(THUMBNAIL_WIDTH);
            thumbnail.setFitHeight(THUMBNAIL_HEIGHT);
            box.getChildren().add(thumbnail);
            model.picture(file, bytes -> thumbnail.setImage(new Image(new ByteArrayInputStream(bytes),
                THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, true, true)));
        }
        return box;
    }

    private static Node row(TransferItem item) {
        Label name = new Label((item.upload() ? "Sending " : "Saving ") + item.name());
        name.setMinWidth(120);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(item.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-transfer");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> item.cancel());
        HBox row = new HBox(8, name, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("transfer");
        return row;
    }
}
