package dev.lambdaconsole.app.test;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.runtime.workspace.TestEvents;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The function's saved test events: pick one to open it; New, Rename, Duplicate and Delete. */
final class SavedEventsBar extends HBox {
    private final TestViewModel vm;
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ComboBox<String> choice = new ComboBox<>(items);
    private boolean syncing;

    SavedEventsBar(TestViewModel vm, Runnable onNew) {
        super(8);
        this.vm = vm;
        setAlignment(Pos.CENTER_LEFT);
        choice.setId("savedEventsChoice");
        choice.setPromptText("New event (not saved)");
        PromptButtonCell.install(choice);
        choice.setPrefWidth(240);
        choice.setPlaceholder(new Label("No saved events yet: name the event and Save it."));
        choice.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && !now.equals(vm.currentEventProperty().get())) vm.open(now);
        });
        vm.currentEventProperty().addListener((o, was, now) -> select(now));
        vm.savedEvents().addListener((ListChangeListener<String>) c -> select(vm.currentEventProperty().get()));
        select(vm.currentEventProperty().get());

        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.size(vm.savedEvents()).asString("%d of " + TestEvents.MAX_EVENTS));
        count.setTooltip(new Tooltip("A function keeps up to " + TestEvents.MAX_EVENTS + " saved test events"));

        Button newEvent = button("newEventButton", "New", Feather.FILE_PLUS,
                "Start a new event from the Hello world template");
        newEvent.setOnAction(e -> {
            vm.newEvent();
            onNew.run();
        });
        Button rename = button("renameEventButton", "Rename…", Feather.EDIT_2, "Rename the saved event");
        rename.setOnAction(e -> rename());
        Button duplicate = button("duplicateEventButton", "Duplicate", Feather.COPY, "Save a copy of the saved event");
        duplicate.setOnAction(e -> vm.duplicate(vm.currentEventProperty().get()));
        Button delete = button("deleteEventButton", "Delete…", Feather.TRASH_2, "Delete the saved event");
        delete.setOnAction(e -> delete());
        for (Button b : new Button[] {rename, duplicate, delete}) {
            b.disableProperty().bind(vm.currentEventProperty().isEmpty());
        }
        Label caption = new Label("Saved event");
        getChildren().addAll(caption, choice, count, newEvent, rename, duplicate, delete);
    }

    /** Shows the saved events with the current one chosen: the list first, so the choice survives the update. */
    private void select(String name) {
        syncing = true;
        try {
            if (!items.equals(vm.savedEvents())) items.setAll(vm.savedEvents());
            choice.setValue(name == null || name.isEmpty() ? null : name);
        } finally {
            syncing = false;
        }
    }

    private void rename() {
        String current = vm.currentEventProperty().get();
        TextInputDialog dialog = new TextInputDialog(current);
        dialog.setTitle("Rename test event");
        dialog.setHeaderText("Rename the test event " + current);
        dialog.setContentText("New name (letters, digits, . - _; at most 25):");
        dialog.getEditor().setId("renameEventField");
        own(dialog);
        dialog.showAndWait().map(String::trim).filter(n -> !n.equals(current)).ifPresent(n -> vm.rename(current, n));
    }

    private void delete() {
        String current = vm.currentEventProperty().get();
        ButtonType deleteType = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The saved event is removed from this function. This cannot be undone.", deleteType, ButtonType.CANCEL);
        confirm.setTitle("Delete test event");
        confirm.setHeaderText("Delete the test event " + current + "?");
        own(confirm);
        confirm.showAndWait().filter(deleteType::equals).ifPresent(b -> vm.delete(current));
    }

    private void own(Dialog<?> dialog) {
        if (getScene() != null && getScene().getWindow() != null) dialog.initOwner(getScene().getWindow());
    }

    private static Button button(String id, String text, Feather icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
