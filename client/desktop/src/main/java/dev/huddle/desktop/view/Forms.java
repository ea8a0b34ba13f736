package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Pieces the login and register pages share: a centred card, labelled fields, inline messages. */
final class Forms {

    private Forms() {
    }

    static StackPane card(Node... content) {
        return card(380, content);
    }

    /** A card as wide as {@code maxWidth} at most. */
    static StackPane card(double maxWidth, Node... content) {
        VBox box = new VBox(10, content);
        box.setPadding(new Insets(28));
        box.setMaxWidth(maxWidth);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.getStyleClass().add("huddle-card");
        box.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
            + " -fx-border-radius: 8; -fx-background-radius: 8;");
        StackPane page = new StackPane(box);
        page.setStyle("-fx-background-color: -color-bg-subtle;");
        StackPane.setAlignment(box, Pos.CENTER);
        return page;
    }

    static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.TITLE_2);
        return title;
    }

    /** A label whose mnemonic (Alt+letter) focuses the field. */
    static VBox field(String label, TextInputControl input, String id) {
        input.setId(id);
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(input);
        caption.getStyleClass().add(Styles.TEXT_SMALL);
        return new VBox(4, caption, input);
    }

    static TextField text(String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        return field;
    }

    static PasswordField password() {
        return new PasswordField();
    }

    /** A line that shows the property's text, and takes no room while it is empty. */
    static Label message(ReadOnlyStringProperty text, String style, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.getStyleClass().add(style);
        label.managedProperty().bind(text.isNotEmpty());
        label.visibleProperty().bind(text.isNotEmpty());
        return label;
    }
}
