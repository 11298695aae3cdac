package dev.lambdaconsole.app.test;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.json.JsonFormatException;
import dev.lambdaconsole.editor.problems.Diagnostic;
import dev.lambdaconsole.editor.syntax.Language;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The event being edited: its name, Templates (the event library in a popover), the JSON in the code editor,
 * Format, and the JSON error.
 */
final class EventEditorPane extends VBox {
    private final TestViewModel vm;
    private final CodeEditor editor = new CodeEditor(Language.JSON);
    private final TextField name = new TextField();
    private final Button templates = new Button("Templates…", new FontIcon(Feather.LAYERS));
    private boolean syncing;
    private final javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(150));

    EventEditorPane(TestViewModel vm) {
        super(8);
        this.vm = vm;
        name.setId("eventNameField");
        name.setPromptText("e.g. order-created");
        name.setPrefColumnCount(18);
        name.textProperty().bindBidirectional(vm.eventNameProperty());
        installPicker(vm.templates());
        HBox fields = new HBox(8, new Label("Event name"), name, templates);
        fields.setAlignment(Pos.CENTER_LEFT);

        editor.setId("eventEditor");
        editor.setText(vm.eventJsonProperty().get());
        // typing does not build the whole text per keystroke: it goes to the ViewModel once typing pauses (and at
        // once before an invoke or a save, see flush)
        typing.setOnFinished(e -> flush());
        editor.area().plainTextChanges().subscribe(change -> {
            if (!syncing) typing.playFromStart();
        });
        vm.eventJsonProperty().addListener((o, was, now) -> showJson(now));
        editor.setMinHeight(120);
        VBox.setVgrow(editor, Priority.ALWAYS);

        Button format = new Button("Format", new FontIcon(Feather.ALIGN_LEFT));
        format.setId("formatButton");
        format.getStyleClass().add(Styles.FLAT);
        format.setTooltip(new Tooltip("Pretty-print the JSON (Ctrl+Shift+F)"));
        format.setOnAction(e -> format());
        Label json = new Label("Event JSON");
        json.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox jsonBar = new HBox(8, json, spacer, format);
        jsonBar.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("jsonErrorLabel");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.jsonErrorProperty().map(e -> e.isEmpty() ? "" : "Invalid JSON at " + e));
        error.visibleProperty().bind(vm.jsonErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(fields, jsonBar, editor, error);
    }

    CodeEditor editor() { return editor; }

    /** Hands what is typed to the ViewModel now (before Invoke, Save, Format's check). */
    void flush() {
        typing.stop();
        String text = editor.getText();
        if (!text.equals(vm.eventJsonProperty().get())) vm.eventJsonProperty().set(text);
    }

    void focusName() { name.requestFocus(); }

    private void showJson(String text) {
        if (text.equals(editor.getText())) return;
        syncing = true;
        try {
            editor.setText(text);
        } finally {
            syncing = false;
        }
    }

    /** Templates opens the picker below the button; Use, Cancel, Escape or a click outside closes it. */
    private void installPicker(TemplatePickerViewModel picker) {
        templates.setId("templateButton");
        templates.setTooltip(new Tooltip("Fill the event from a template of the event library: search, "
                + "set its parameters, preview"));
        TemplatePickerPane pane = new TemplatePickerPane(picker);
        Popover popover = new Popover(pane);
        popover.setId("templatePicker");
        popover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        popover.setDetachable(false);
        popover.setAutoHide(true);
        popover.setOnHidden(e -> picker.hide());
        picker.showingProperty().addListener((o, was, now) -> {
            if (now && !popover.isShowing()) {
                popover.show(templates);
                pane.focusSearch();
            } else if (!now && popover.isShowing()) {
                popover.hide();
            }
        });
        templates.setOnAction(e -> picker.open());
    }

    /** Formats as one undoable edit; invalid JSON stays as typed and the caret goes to the error. */
    private void format() {
        try {
            editor.formatDocument();
        } catch (JsonFormatException invalid) {
            Diagnostic at = invalid.diagnostic();
            int line = Math.max(0, Math.min(at.line() - 1, editor.area().getParagraphs().size() - 1));
            editor.area().moveTo(line, Math.max(0, Math.min(at.column() - 1, editor.area().getParagraphLength(line))));
            editor.area().requestFollowCaret();
        }
        editor.area().requestFocus();
    }
}
