package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.desktop.model.DmModel;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** A direct-message thread: the other user's name over the shared log and input. */
final class DmView {

    private final BorderPane root;
    private final ConversationView conversation;

    DmView(DmModel model) {
        conversation = new ConversationView(model);
        Label title = new Label();
        title.setId("dm-title");
        title.textProperty().bind(model.titleProperty().map(peer -> "Direct messages with " + peer));
        title.getStyleClass().add(Styles.TITLE_3);
        root = new BorderPane(conversation.root());
        root.setTop(title);
        BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
        root.setPadding(new Insets(12));
    }

    Node root() {
        return root;
    }

    void focus() {
        conversation.focusInput();
    }
}
