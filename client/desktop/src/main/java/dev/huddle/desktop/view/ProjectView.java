package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.client.state.RoomState;
import dev.huddle.desktop.model.ProjectModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * A project: title bar (name, the call's buttons, leave), the call's tiles, the chat in the middle, members on the
 * right with the owner's controls (add by name, kick, hand over).
 */
final class ProjectView {

    private final BorderPane root = new BorderPane();
    private final ConversationView conversation;

    ProjectView(ProjectModel model) {
        conversation = new ConversationView(model);

        Label title = new Label();
        title.setId("project-title");
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add(Styles.TITLE_3);
        Button leave = new Button("Leave project");
        leave.setId("leave");
        leave.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        leave.setOnAction(e -> model.leave());
        CallPanel call = new CallPanel(model.call());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, call.controls(), leave);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 8, 0));

        BorderPane center = new BorderPane(conversation.root());
        VBox top = new VBox(8, header, call.stage());
        top.setPadding(new Insets(0, 0, 8, 0));
        center.setTop(top);
        center.setPadding(new Insets(12));
        root.setCenter(center);
        root.setRight(members(model));
    }

    Node root() {
        return root;
    }

    void focus() {
        conversation.focusInput();
    }

    private Node members(ProjectModel model) {
        Label heading = new Label("Members");
        heading.getStyleClass().add(Styles.TITLE_4);
        ListView<RoomState.MemberView> list = new ListView<>(model.members());
        list.setId("members");
        list.setPrefWidth(220);
        list.setCellFactory(view -> new MemberCell(model));
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField names = new TextField();
        names.setId("add-members");
        names.setPromptText("bob, carol; dave");
        names.textProperty().bindBidirectional(model.newMembersProperty());
        names.setOnAction(e -> model.addMembers());
        Button add = new Button("_Add members");
        add.setId("add-members-button");
        add.setMaxWidth(Double.MAX_VALUE);
        add.disableProperty().bind(model.newMembersProperty().isEmpty());
        add.setOnAction(e -> model.addMembers());
        Label result = new Label();
        result.setId("add-result");
        result.setWrapText(true);
        result.getStyleClass().add(Styles.TEXT_SMALL);
        result.textProperty().bind(model.addResultProperty());
        result.setMinHeight(Region.USE_PREF_SIZE);
        VBox ownerTools = new VBox(6, names, add, result);
        ownerTools.visibleProperty().bind(model.ownerProperty());
        ownerTools.managedProperty().bind(model.ownerProperty());

        Label hint = new Label("Right-click a member to remove them or hand the project over.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.visibleProperty().bind(model.ownerProperty());
        hint.managedProperty().bind(model.ownerProperty());

        VBox side = new VBox(8, heading, list, ownerTools, hint);
        side.setPadding(new Insets(12));
        side.setPrefWidth(240);
        side.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-muted;"
            + " -fx-border-width: 0 0 0 1;");
        return side;
    }

    /** A member: a green dot when online, "owner" marked; for the owner, kick and hand over in a menu. */
    private static final class MemberCell extends ListCell<RoomState.MemberView> {
        private final ProjectModel model;

        MemberCell(ProjectModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(RoomState.MemberView member, boolean empty) {
            super.updateItem(member, empty);
            if (empty || member == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            Circle dot = new Circle(4);
            dot.setStyle(member.online() ? "-fx-fill: -color-success-emphasis;" : "-fx-fill: -color-border-default;");
            Label name = new Label(member.username() + (member.me() ? " (you)" : ""));
            HBox line = new HBox(8, dot, name);
            line.setAlignment(Pos.CENTER_LEFT);
            if (member.owner()) {
                Label owner = new Label("owner");
                owner.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
                line.getChildren().add(owner);
            }
            setText(null);
            setGraphic(line);
            setAccessibleText(member.username() + (member.owner() ? ", owner" : "") + (member.online() ? ", online" : ""));
            if (model.ownerProperty().get() && !member.me()) {
                MenuItem kick = new MenuItem("Remove " + member.username() + " from the project");
                kick.setOnAction(e -> model.kick(member.username()));
                MenuItem handOver = new MenuItem("Make " + member.username() + " the owner");
                handOver.setOnAction(e -> model.handOver(member.username()));
                setContextMenu(new ContextMenu(kick, handOver));
            } else {
                setContextMenu(null);
            }
        }
    }
}
