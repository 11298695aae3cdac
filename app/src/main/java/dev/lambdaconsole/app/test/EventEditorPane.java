package dev.lambdaconsole.app.test;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.json.JsonFormatException;
import dev.lambdaconsole.editor.problems.Diagnostic;
import dev.lambdaconsole.editor.syntax.Language;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The event being edited: its name, a template picker, the JSON in the code editor, Format, and the JSON error. */
final class EventEditorPane extends VBox {
    private final TestViewModel vm;
    private final CodeEditor editor = new CodeEditor(Language.JSON);
    private final TextField name = new TextField();
    private final SearchableComboBox<EventTemplates.Template> templates = new SearchableComboBox<>();
    private boolean syncing;

    EventEditorPane(TestViewModel vm) {
        super(8);
        this.vm = vm;
        name.setId("eventNameField");
        name.setPromptText("e.g. order-created");
        name.setPrefColumnCount(18);
        name.textProperty().bindBidirectional(vm.eventNameProperty());
        templates.setId("templateChoice");
        templates.setItems(FXCollections.observableArrayList(vm.templates()));
        templates.setPromptText("Fill from a template");
        PromptButtonCell.install(templates);
        templates.setPrefWidth(300);
        templates.valueProperty().addListener((o, was, now) -> {
            if (now != null && !syncing) vm.useTemplate(now);
        });
        vm.currentEventProperty().addListener((o, was, now) -> clearTemplate());
        HBox fields = new HBox(8, new Label("Event name"), name, new Label("Template"), templates);
        fields.setAlignment(Pos.CENTER_LEFT);

        editor.setId("eventEditor");
        editor.setText(vm.eventJsonProperty().get());
        editor.area().textProperty().addListener((o, was, now) -> {
            if (!syncing) vm.eventJsonProperty().set(now);
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

    private void clearTemplate() {
        syncing = true;
        try {
            templates.setValue(null);
        } finally {
            syncing = false;
        }
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
