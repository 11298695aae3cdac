package dev.lambdaconsole.app.config;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces the Configuration and Settings forms are built from: labelled fields with their messages, Save/Cancel. */
public final class Forms {
    private Forms() { }

    /** The section's body: title, form rows, then Save/Cancel with the outcome. */
    static VBox section(SectionViewModel<?> vm, String saveId, Node... rows) {
        Label title = new Label(vm.title());
        title.getStyleClass().add(Styles.TITLE_3);
        VBox form = new VBox(14, rows);
        form.disableProperty().bind(vm.loadedProperty().not());
        VBox box = new VBox(16, title, elsewhere(vm), form, actions(vm, saveId));
        box.setPadding(new Insets(20));
        box.setMaxWidth(820);
        return box;
    }

    /** A field with its label above, a hint and the field's error below. */
    public static VBox field(String label, Node input, ObservableValue<String> error, String errorId, String hint) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setLabelFor(input);
        VBox box = new VBox(4, name, input);
        if (hint != null) box.getChildren().add(muted(hint));
        if (error != null) box.getChildren().add(error(error, errorId));
        return box;
    }

    public static TextField text(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        return field;
    }

    public static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setWrapText(true);
        return label;
    }

    /** A red message that takes no room while empty. */
    public static Label error(ObservableValue<String> text, String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !label.getText().isEmpty(), label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Red while {@code failed}, green otherwise. */
    public static void tone(Label label, ObservableValue<Boolean> failed) {
        Runnable apply = () -> {
            label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            label.getStyleClass().add(Boolean.TRUE.equals(failed.getValue()) ? Styles.DANGER : Styles.SUCCESS);
        };
        failed.addListener((o, was, now) -> apply.run());
        apply.run();
    }

    private static Node elsewhere(SectionViewModel<?> vm) {
        Message message = new Message("Changed elsewhere", "This configuration was changed outside this form (for "
                + "example with the AWS CLI). Save keeps your values; Cancel shows the saved ones.",
                new FontIcon(Feather.ALERT_TRIANGLE));
        message.getStyleClass().add(Styles.WARNING);
        message.visibleProperty().bind(vm.changedElsewhereProperty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private static HBox actions(SectionViewModel<?> vm, String saveId) {
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId(saveId);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        save.setOnAction(e -> vm.save());
        Button cancel = new Button("Cancel");
        cancel.setId(saveId.replace("save", "cancel"));
        cancel.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        cancel.setOnAction(e -> vm.cancel());
        Label outcome = new Label();
        outcome.setId(saveId.replace("Button", "Message"));
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.messageProperty());
        tone(outcome, vm.failedProperty());
        HBox.setHgrow(outcome, Priority.ALWAYS);
        HBox bar = new HBox(8, save, cancel, outcome);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
