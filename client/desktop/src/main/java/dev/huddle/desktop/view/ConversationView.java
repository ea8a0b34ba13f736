package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.desktop.model.ConversationModel;
import dev.huddle.desktop.model.LogEntry;
import dev.huddle.desktop.model.RelativeTime;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A conversation's log and input, shared by the project view and direct messages. The log shows the
 * whole history oldest → newest and asks for the older page when scrolled to the top; the input
 * sends on Enter and breaks the line on Shift+Enter. Files are sent with the attach button or by
 * dropping them on the conversation ({@link FileViews}); shared files show in the log with a download
 * button, pictures with a thumbnail.
 */
final class ConversationView {

    private final BorderPane root = new BorderPane();
    private final ListView<LogEntry> log = new ListView<>();
    private final TextArea input = new TextArea();
    private final HBox inputRow;

    ConversationView(ConversationModel<?> model) {
        log.setId("log");
        log.setItems(model.entries());
        log.setCellFactory(list -> new EntryCell(model));
        log.setFocusTraversable(true);
        log.setPlaceholder(new Label("No messages yet. Say hello!"));
        VBox.setVgrow(log, Priority.ALWAYS);

        Button older = new Button("Load older messages");
        older.setId("load-older");
        older.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        older.visibleProperty().bind(model.olderExistProperty());
        older.managedProperty().bind(model.olderExistProperty());
        older.setOnAction(e -> model.loadOlder());
        HBox olderRow = new HBox(older);
        olderRow.setAlignment(Pos.CENTER);

        input.setId("draft");
        input.setPromptText("Message (Enter sends, Shift+Enter for a new line)");
        input.setWrapText(true);
        input.setPrefRowCount(2);
        input.textProperty().bindBidirectional(model.draftProperty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (e.isShiftDown()) {
                    input.insertText(input.getCaretPosition(), "\n");
                } else {
                    model.send();
                }
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);

        Button attach = new Button("_Attach");
        attach.setId("attach");
        attach.setTooltip(new Tooltip("Send files (or drop them on the conversation)"));
        attach.setOnAction(e -> FileViews.choose(root.getScene().getWindow(), model));
        Button send = new Button("_Send");
        send.setId("send");
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(model.sendingProperty().or(model.draftProperty().isEmpty()));
        send.setOnAction(e -> model.send());
        send.setMinWidth(Region.USE_PREF_SIZE);
        attach.setMinWidth(Region.USE_PREF_SIZE);
        send.setMaxWidth(Double.MAX_VALUE);
        attach.setMaxWidth(Double.MAX_VALUE);
        VBox buttons = new VBox(6, send, attach);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        inputRow = new HBox(8, input, buttons);
        inputRow.setPadding(new Insets(8, 0, 0, 0));

        Label error = new Label();
        error.setId("conversation-error");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());

        Label fileStatus = new Label();
        fileStatus.setId("file-status");
        fileStatus.textProperty().bind(model.fileStatusProperty());
        fileStatus.getStyleClass().add(Styles.SUCCESS);
        fileStatus.visibleProperty().bind(model.fileStatusProperty().isNotEmpty());
        fileStatus.managedProperty().bind(model.fileStatusProperty().isNotEmpty());

        root.setCenter(new VBox(4, olderRow, log));
        root.setBottom(new VBox(4, error, fileStatus, FileViews.transfers(model), inputRow));
        FileViews.acceptDrops(root, model);
        keepScrolledToNewest(model);
    }

    Node root() {
        return root;
    }

    void focusInput() {
        Platform.runLater(input::requestFocus);
    }

    /** New messages scroll into view; reaching the top asks for older ones, keeping the view in place. */
    private void keepScrolledToNewest(ConversationModel<?> model) {
        model.entries().addListener((ListChangeListener<LogEntry>) change -> {
            while (change.next()) {
                if (change.wasAdded() && change.getFrom() == 0 && change.getTo() < model.entries().size()) {
                    log.scrollTo(change.getAddedSize());
                } else if (change.wasAdded()) {
                    log.scrollTo(model.entries().size() - 1);
                }
            }
        });
        log.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0 && firstVisibleIndex() == 0) {
                model.loadOlder();
            }
        });
    }

    private int firstVisibleIndex() {
        if (log.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            return flow.getFirstVisibleCell().getIndex();
        }
        return -1;
    }

    /** {@code username: message - timestamp}, the name in bold; notices muted and in italics; a shared file below its line. */
    private static final class EntryCell extends ListCell<LogEntry> {
        private static final RelativeTime TIMES = RelativeTime.here();

        private final ConversationModel<?> model;

        EntryCell(ConversationModel<?> model) {
            this.model = model;
        }

        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            TextFlow flow;
            if (entry.notice()) {
                Text text = new Text("— " + entry.text());
                text.getStyleClass().add("notice");
                text.setStyle("-fx-fill: -color-fg-muted; -fx-font-style: italic;");
                flow = new TextFlow(text);
            } else {
                Text name = new Text(entry.author() + ": ");
                name.setStyle("-fx-font-weight: bold; -fx-fill: " + (entry.mine() ? "-color-accent-fg" : "-color-fg-default") + ";");
                Text body = new Text(entry.text());
                body.setStyle("-fx-fill: -color-fg-default;");
                Text time = new Text("  " + TIMES.stamp(entry.at()));
                time.setStyle("-fx-fill: -color-fg-subtle; -fx-font-size: 0.85em;");
                flow = new TextFlow(name, body, time);
            }
            flow.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            flow.setPrefWidth(0);
            setGraphic(entry.file() == null ? flow : new VBox(4, flow, FileViews.shared(model, entry)));
            setAccessibleText(entry.line());
        }
    }
}
