package dev.lambdaconsole.app.triggers.patterns;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pattern tester: pattern on the left, a sample event on the right, the verdict and its reason below,
 * re-evaluated 150 ms after the last keystroke (in the background).
 */
public final class PatternTesterView extends BorderPane {
    private static volatile EventLibrary library;
    private final PatternTesterViewModel vm;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(150));

    public PatternTesterView(PatternTesterViewModel vm) {
        this.vm = vm;
        setId("patternTester");
        setPadding(new Insets(16));
        ComboBox<PatternDialect> dialect = new ComboBox<>(FXCollections.observableArrayList(PatternDialect.values()));
        dialect.setId("patternDialect");
        dialect.valueProperty().bindBidirectional(vm.dialectProperty());
        ComboBox<SnsFilterPolicy.Scope> scope = new ComboBox<>(FXCollections.observableArrayList(SnsFilterPolicy.Scope.values()));
        scope.setId("snsScope");
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        scope.visibleProperty().bind(vm.dialectProperty().isEqualTo(PatternDialect.SNS_FILTER_POLICY));
        scope.managedProperty().bind(scope.visibleProperty());
        HBox top = new HBox(10, bold("Dialect"), dialect, scope);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TextArea pattern = mono("patternText");
        pattern.textProperty().bindBidirectional(vm.patternProperty());
        ComboBox<String> sample = new ComboBox<>(vm.samples());
        sample.setId("samplePicker");
        sample.setPromptText("Sample event…");
        sample.valueProperty().bindBidirectional(vm.sampleProperty());
        TextArea event = mono("eventText");
        event.textProperty().bindBidirectional(vm.eventProperty());
        VBox left = new VBox(6, bold("Pattern"), pattern);
        VBox right = new VBox(6, new HBox(10, bold("Sample event"), sample), event);
        VBox.setVgrow(pattern, Priority.ALWAYS);
        VBox.setVgrow(event, Priority.ALWAYS);
        setCenter(new SplitPane(left, right));

        Label summary = new Label();
        summary.setId("verdictSummary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        Label reason = new Label();
        reason.setId("verdictReason");
        reason.setWrapText(true);
        vm.verdictProperty().addListener((o, was, v) -> {
            summary.setText(v == null ? "" : v.summary());
            reason.setText(v == null || v.reason() == null ? "" : v.reason());
            summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            if (v != null) {
                summary.getStyleClass().add(switch (v.kind()) {
                    case MATCHED -> Styles.SUCCESS;
                    case NOT_MATCHED -> Styles.WARNING;
                    default -> Styles.DANGER;
                });
                summary.setGraphic(new FontIcon(v.kind() == Verdict.Kind.MATCHED ? Feather.CHECK_CIRCLE
                        : v.kind() == Verdict.Kind.NOT_MATCHED ? Feather.X_CIRCLE : Feather.ALERT_TRIANGLE));
            }
        });
        VBox bottom = new VBox(4, summary, reason);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        setBottom(bottom);

        debounce.setOnFinished(e -> vm.evaluate());
        Runnable changed = debounce::playFromStart;
        vm.patternProperty().addListener((o, a, b) -> changed.run());
        vm.eventProperty().addListener((o, a, b) -> changed.run());
        vm.dialectProperty().addListener((o, a, b) -> changed.run());
        vm.scopeProperty().addListener((o, a, b) -> changed.run());
    }

    public PatternTesterViewModel viewModel() { return vm; }

    /** The event library, loaded once (call off the FX thread). */
    public static EventLibrary library() {
        EventLibrary l = library;
        if (l == null) {
            synchronized (PatternTesterView.class) {
                if (library == null) library = EventLibrary.load();
                l = library;
            }
        }
        return l;
    }

    /** Opens the tester in its own window, with the pattern and the library's sample ("source type") filled in. */
    public static Stage open(ConsoleServices services, PatternDialect dialect, String pattern, String sample, Window owner) {
        return open(services, dialect, pattern, sample, owner, vm -> { });
    }

    /** {@link #open}, with more of the tester set up (e.g. the SNS policy's scope) before it shows. */
    public static Stage open(ConsoleServices services, PatternDialect dialect, String pattern, String sample, Window owner,
                             java.util.function.Consumer<PatternTesterViewModel> setup) {
        PatternTesterViewModel vm = new PatternTesterViewModel(services.tasks(), PatternTesterView::library);
        vm.dialectProperty().set(dialect);
        setup.accept(vm);
        vm.patternProperty().set(pattern == null ? "" : pattern);
        PatternTesterView view = new PatternTesterView(vm);
        Stage stage = new Stage();
        stage.setTitle("Test pattern");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner instanceof Stage s) stage.getIcons().setAll(s.getIcons());
        }
        Scene scene = new Scene(view, 1000, 640);
        stage.setScene(scene);
        stage.show();
        if (sample != null) vm.sampleProperty().set(sample);
        return stage;
    }

    /** A form's "Test pattern" button: opens the tester with the field's pattern and a sample of the source. */
    public static Button button(ConsoleServices services, PatternDialect dialect, String source, String type,
                                StringProperty pattern) {
        return button(services, dialect, source, type, pattern, vm -> { });
    }

    /** {@link #button}, with more of the tester set up when it opens (e.g. the SNS policy's scope). */
    public static Button button(ConsoleServices services, PatternDialect dialect, String source, String type,
                                StringProperty pattern, java.util.function.Consumer<PatternTesterViewModel> setup) {
        Button b = new Button("Test pattern", new FontIcon(Feather.PLAY_CIRCLE));
        b.setId("testPatternButton");
        b.getStyleClass().add(Styles.SMALL);
        b.setOnAction(e -> open(services, dialect, pattern.get(), source + " " + type,
                b.getScene() == null ? null : b.getScene().getWindow(), setup));
        return b;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static TextArea mono(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setStyle("-fx-font-family: monospace;");
        area.setWrapText(false);
        return area;
    }
}
