package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.client.chat.ChatLink;
import dev.huddle.desktop.model.ConversationModel;
import dev.huddle.desktop.model.DmModel;
import dev.huddle.desktop.model.HomeModel;
import dev.huddle.desktop.model.ProjectModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * After login: the side bar, the open conversation (or a welcome), and the connection's state along
 * the bottom. Ctrl+N goes to the new project's name, F5 reloads the list, Esc closes the conversation.
 */
final class HomeView {

    private final BorderPane root = new BorderPane();
    private final HomeModel model;
    private final SideBar side;

    HomeView(HomeModel model, Runnable openAccount) {
        this.model = model;
        this.side = new SideBar(model, openAccount);
        root.setLeft(side.root());
        root.setBottom(statusBar());
        model.openProperty().addListener((o, was, now) -> show(now));
        show(model.openProperty().get());
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.closeConversation();
            } else if (e.getCode() == KeyCode.F5) {
                model.refresh();
            } else if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN).match(e)) {
                side.focusNewProject();
            }
        });
    }

    Parent root() {
        return root;
    }

    private void show(ConversationModel<?> open) {
        switch (open) {
            case ProjectModel project -> {
                ProjectView view = new ProjectView(project);
                root.setCenter(view.root());
                view.focus();
            }
            case DmModel dm -> {
                DmView view = new DmView(dm);
                root.setCenter(view.root());
                view.focus();
            }
            case null, default -> root.setCenter(welcome());
        }
    }

    private Node welcome() {
        Label title = new Label("Welcome, " + model.username());
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label();
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.textProperty().bind(Bindings.createStringBinding(() -> model.projects().isEmpty()
            ? "You are not in any project yet. Create one on the left and add your colleagues by username,"
                + " or ask a colleague to add you."
            : "Pick a project or a direct message on the left.", model.projects()));
        Label message = new Label();
        message.setId("welcome-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(model.messageProperty());
        VBox box = new VBox(10, title, text, message);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        return box;
    }

    private Node statusBar() {
        Circle dot = new Circle(5);
        dot.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-fill: " + switch (state()) {
            case CONNECTED -> "-color-success-emphasis";
            case CONNECTING, RECONNECTING -> "-color-warning-emphasis";
            case OFFLINE -> "-color-danger-emphasis";
        } + ";", model.connectionProperty()));
        Label state = new Label();
        state.setId("status");
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (state()) {
            case CONNECTED -> "Connected";
            case CONNECTING -> "Connecting…";
            case RECONNECTING -> "Reconnecting…";
            case OFFLINE -> "Offline";
        }, model.connectionProperty()));
        Label detail = new Label();
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.textProperty().bind(Bindings.createStringBinding(() -> state() == ChatLink.State.CONNECTED ? ""
            : model.connectionDetailProperty().get(), model.connectionProperty(), model.connectionDetailProperty()));
        HBox bar = new HBox(8, dot, state, detail);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.setStyle("-fx-border-color: -color-border-muted; -fx-border-width: 1 0 0 0;");
        return bar;
    }

    private ChatLink.State state() {
        ChatLink.State state = model.connectionProperty().get();
        return state == null ? ChatLink.State.CONNECTING : state;
    }
}
