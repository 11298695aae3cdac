package dev.lambdaconsole.app.test;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.versions.QualifierChooser;
import dev.lambdaconsole.editor.ColorScheme;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The function page's Test tab, as in the Lambda web console: a saved or new test event (name, template,
 * JSON), Invoke, and the execution result with response, REPORT summary and log.
 */
public final class TestView extends BorderPane {
    private final TestViewModel vm;
    private final EventEditorPane event;
    private final ExecutionResultPane result = new ExecutionResultPane();

    public TestView(ConsoleServices services, String function) {
        vm = new TestViewModel(function, services.workspace(), services.engine(), services.tasks());
        getStyleClass().add("test-view");
        event = new EventEditorPane(vm);
        event.editor().setColorScheme(services.settings().darkTheme() ? ColorScheme.DARK : ColorScheme.LIGHT);
        Label title = new Label("Test event");
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label("Invoke " + function + " with the event below. Save it to keep it; "
                + "an unsaved event can be invoked too.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox top = new VBox(10, new VBox(2, title, hint), new SavedEventsBar(vm, event::focusName), event, qualifierRow(),
                actions());
        top.setPadding(new Insets(12));
        VBox.setVgrow(event, Priority.ALWAYS);
        vm.resultProperty().addListener((o, was, now) -> result.show(now));
        // Side by side, so that after Invoke the response and the log are in view at the default window size
        // (1280×800) without dragging a divider or scrolling.
        SplitPane split = new SplitPane(top, result);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        top.setMinWidth(320);
        result.setMinWidth(320);
        setCenter(split);
    }

    private Node actions() {
        ToggleSwitch async = new ToggleSwitch("Asynchronous (Event)");
        async.setId("asyncToggle");
        async.selectedProperty().bindBidirectional(vm.asynchronousProperty());
        Tooltip.install(async, new Tooltip("Queue the event as InvocationType=Event: Invoke returns at once, "
                + "the outcome (with retries) appears in Monitor"));

        Label message = new Label();
        message.setId("testMessageLabel");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(vm.messageIsErrorProperty().map(error -> error
                ? "-fx-text-fill: -color-danger-fg;" : "-fx-text-fill: -color-fg-muted;"));
        HBox.setHgrow(message, Priority.ALWAYS);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label running = new Label("Executing function…", progress);
        running.setId("invokeProgress");
        running.visibleProperty().bind(vm.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        running.setTooltip(new Tooltip("A cold start (a new execution environment) can take a few seconds"));

        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("saveEventButton");
        save.setTooltip(new Tooltip("Save the event under its name (at most 10 per function)"));
        save.setOnAction(e -> {
            event.flush();
            vm.save();
        });
        Button invoke = new Button("Invoke", new FontIcon(Feather.PLAY));
        invoke.setId("invokeButton");
        invoke.getStyleClass().add(Styles.ACCENT);
        invoke.setTooltip(new Tooltip("Invoke the function with this event (Ctrl+Enter, F5)"));
        invoke.disableProperty().bind(vm.runningProperty().or(vm.jsonErrorProperty().isNotEmpty()));
        invoke.setOnAction(e -> invoke());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox row = new HBox(10, async, spacer, message, running, save, invoke);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** What Invoke calls: $LATEST, a version or an alias. */
    private Node qualifierRow() {
        QualifierChooser qualifier = new QualifierChooser(vm.qualifiers(), vm.qualifierProperty());
        qualifier.setId("testQualifierChoice");
        qualifier.setTooltip(new Tooltip("What Invoke calls: $LATEST, a published version or an alias (which picks a "
                + "version by its weights for each invocation)"));
        Label label = new Label("Version or alias");
        label.setLabelFor(qualifier);
        HBox row = new HBox(8, label, qualifier);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Invokes with the event in the editor (bound to Ctrl+Enter and F5 by the main window). */
    public void invoke() {
        event.flush();
        vm.invoke();
    }

    /** Stops following the workspace; the view is not used afterwards. */
    public void close() { vm.close(); }
}
