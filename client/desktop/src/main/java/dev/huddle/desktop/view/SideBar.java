package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.desktop.model.HomeModel;
import dev.huddle.desktop.model.ListItem;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;

/** The left column: who I am, my projects (with create), my direct messages (with start), logout and theme. */
final class SideBar {

    private final VBox root;
    private final TextField projectName = new TextField();

    /** @param openAccount opens the account settings (password, two-factor login) */
    SideBar(HomeModel model, Runnable openAccount) {
        // your own name opens your account's settings, as in most chat clients
        Button me = new Button(model.username());
        me.setId("me");
        me.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_BOLD, Styles.FLAT);
        me.setTooltip(new Tooltip("Account settings: password, two-factor login"));
        me.setMinWidth(0);
        me.setOnAction(e -> openAccount.run());
        Button theme = new Button("Theme");
        theme.setId("theme");
        theme.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        theme.setOnAction(e -> Theme.toggle());
        theme.setMinWidth(Region.USE_PREF_SIZE);
        Button logout = new Button("Log _out");
        logout.setId("logout");
        logout.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        logout.setOnAction(e -> model.logout());
        logout.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(4, me, spacer, theme, logout);
        top.setAlignment(Pos.CENTER_LEFT);

        ListView<ListItem> projects = list(model.projects(), "projects", model::openProject);
        projects.setPlaceholder(emptyProjects());
        projectName.setId("project-name");
        projectName.setPromptText("New project name");
        projectName.textProperty().bindBidirectional(model.newProjectNameProperty());
        TextField members = new TextField();
        members.setId("project-members");
        members.setPromptText("Members, optional: bob, carol");
        members.textProperty().bindBidirectional(model.newProjectMembersProperty());
        members.setOnAction(e -> model.createProject());
        projectName.setOnAction(e -> model.createProject());
        Button create = new Button("Create _project");
        create.setId("create-project");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        create.disableProperty().bind(model.newProjectNameProperty().isEmpty());
        create.setOnAction(e -> model.createProject());

        ListView<ListItem> dms = list(model.dms(), "dms", model::openDm);
        dms.setPlaceholder(muted("No direct messages yet."));
        dms.setPrefHeight(200);
        dms.setMinHeight(130); // three threads even in a small window
        TextField dmUser = new TextField();
        dmUser.setId("dm-user");
        dmUser.setPromptText("Username");
        dmUser.textProperty().bindBidirectional(model.dmUserProperty());
        dmUser.setOnAction(e -> model.startDm());
        Button startDm = new Button("_Message");
        startDm.setId("start-dm");
        startDm.disableProperty().bind(model.dmUserProperty().isEmpty());
        startDm.setOnAction(e -> model.startDm());
        startDm.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(dmUser, Priority.ALWAYS);

        Label error = new Label();
        error.setId("home-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        Label message = new Label();
        message.setId("home-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.setMinHeight(Region.USE_PREF_SIZE);
        error.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(model.messageProperty().isNotEmpty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());

        VBox.setVgrow(projects, Priority.ALWAYS);
        root = new VBox(8, top, heading("Projects"), projects, projectName, members, create, message, error,
            heading("Direct messages"), dms, new HBox(6, dmUser, startDm));
        root.setPadding(new Insets(12));
        keepTimesCurrent(model);
        root.setPrefWidth(280);
        root.setMinWidth(240);
        root.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-muted;"
            + " -fx-border-width: 0 1 0 0;");
    }

    /** While the side bar is on screen, {@code now} becomes {@code 1 min} and so on without a new message. */
    private void keepTimesCurrent(HomeModel model) {
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> model.retime()));
        clock.setCycleCount(Animation.INDEFINITE);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                model.retime();
                clock.play();
            }
        });
    }

    Node root() {
        return root;
    }

    void focusNewProject() {
        projectName.requestFocus();
    }

    private static ListView<ListItem> list(ObservableList<ListItem> items, String id, Consumer<ListItem> open) {
        ListView<ListItem> list = new ListView<>(items);
        list.setId(id);
        list.setCellFactory(view -> new ItemCell());
        list.setOnMouseClicked(e -> open(list, open));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(list, open);
            }
        });
        return list;
    }

    private static void open(ListView<ListItem> list, Consumer<ListItem> open) {
        ListItem item = list.getSelectionModel().getSelectedItem();
        if (item != null) {
            open.accept(item);
        }
    }

    private static Node emptyProjects() {
        Label text = new Label("No projects yet.\nType a name below and press Create project;"
            + " add colleagues by username, separated by commas.");
        text.setWrapText(true);
        text.setId("projects-empty");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setPadding(new Insets(8));
        return text;
    }

    private static Label heading(String text) {
        Label label = new Label(text.toUpperCase());
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /**
     * Two lines, as chat apps show a conversation: the name (with the member count for a project)
     * and how long ago the newest message was; under them that message in one line (a file icon
     * before a shared file's name), cut to the width, and an unread badge when there is something new.
     */
    private static final class ItemCell extends ListCell<ListItem> {
        @Override
        protected void updateItem(ListItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label();
            name.textProperty().bind(item.nameProperty());
            Label count = new Label();
            count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            count.textProperty().bind(Bindings.createStringBinding(() -> item.isProject()
                ? item.membersProperty().get() + (item.membersProperty().get() == 1 ? " member" : " members") : "",
                item.membersProperty()));
            Label badge = new Label();
            badge.getStyleClass().add("unread");
            badge.setStyle("-fx-background-color: -color-accent-emphasis; -fx-text-fill: -color-fg-emphasis;"
                + " -fx-background-radius: 9; -fx-padding: 0 6 0 6; -fx-font-weight: bold;");
            badge.textProperty().bind(item.unreadProperty().asString());
            badge.visibleProperty().bind(item.unreadProperty().greaterThan(0));
            Label time = new Label();
            time.getStyleClass().addAll("time", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            time.textProperty().bind(item.timeProperty());
            time.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(6, name, count, spacer, time);
            top.setAlignment(Pos.CENTER_LEFT);

            Label preview = new Label();
            preview.getStyleClass().addAll("preview", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            preview.textProperty().bind(item.previewProperty());
            preview.setGraphic(fileIcon(item));
            preview.setMinWidth(0);
            preview.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(preview, Priority.ALWAYS);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            HBox bottom = new HBox(6, preview, badge);
            bottom.setAlignment(Pos.CENTER_LEFT);
            bottom.managedProperty().bind(item.previewProperty().isNotEmpty().or(item.unreadProperty().greaterThan(0)));
            bottom.visibleProperty().bind(bottom.managedProperty());

            VBox lines = new VBox(2, top, bottom);
            // as wide as the cell and no wider: a long preview is cut with an ellipsis, never scrolled to
            lines.setPrefWidth(0);
            lines.setMinWidth(0);
            setGraphic(lines);
            setAccessibleText(item.name() + ", " + item.unread() + " unread"
                + (item.preview().isEmpty() ? "" : ", " + item.preview() + ", " + item.time()));
        }

        /** A small page with a folded corner, shown only while the preview is a file's name. */
        private static Node fileIcon(ListItem item) {
            SVGPath page = new SVGPath();
            page.setContent("M1 0 H7 L10 3 V12 H1 Z M7 0 V3 H10");
            page.getStyleClass().add("preview-file");
            page.setStyle("-fx-fill: transparent; -fx-stroke: -color-fg-muted; -fx-stroke-width: 1;");
            page.visibleProperty().bind(item.previewIsFileProperty());
            page.managedProperty().bind(item.previewIsFileProperty());
            return page;
        }
    }
}
