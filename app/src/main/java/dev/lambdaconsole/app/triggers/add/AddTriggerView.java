package dev.lambdaconsole.app.triggers.add;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Lambda console's "Add trigger": a searchable list of sources on the left, the picked source's form, and
 * Add / Cancel. Add runs in the background; a failure shows the service's message and keeps what was typed.
 */
public final class AddTriggerView extends BorderPane {
    private final AddTriggerViewModel vm;
    private Consumer<Boolean> onFinished = added -> { };

    public AddTriggerView(ConsoleServices services, String function, List<TriggerForm> forms) {
        vm = new AddTriggerViewModel(function, forms);
        setId("addTrigger");
        setPrefSize(1020, 700);
        Label title = new Label("Add trigger");
        title.getStyleClass().add(Styles.TITLE_3);
        Label target = new Label("for " + function);
        target.getStyleClass().add(Styles.TEXT_MUTED);
        HBox top = new HBox(10, title, target);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.setPadding(new Insets(16, 16, 8, 16));
        setTop(top);

        CustomTextField search = new CustomTextField();
        search.setId("triggerSearch");
        search.setPromptText("Search sources");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.searchProperty());
        ListView<TriggerForm> sources = new ListView<>(vm.forms());
        sources.setId("triggerSources");
        sources.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TriggerForm f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.title());
                setGraphic(empty || f == null ? null : new FontIcon(f.icon()));
                setId(empty || f == null ? null : "source-" + f.id());
            }
        });
        sources.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) vm.selectedProperty().set(now);
        });
        VBox.setVgrow(sources, Priority.ALWAYS);
        VBox left = new VBox(8, search, sources);
        left.setPrefWidth(260);
        left.setPadding(new Insets(0, 0, 0, 16));
        setLeft(left);

        ScrollPane formPane = new ScrollPane();
        formPane.setId("triggerForm");
        formPane.setFitToWidth(true);
        formPane.setPadding(new Insets(4, 16, 16, 16));
        Label pick = new Label("Choose a source on the left.");
        pick.getStyleClass().add(Styles.TEXT_MUTED);
        formPane.setContent(pick);
        vm.selectedProperty().addListener((o, was, now) -> {
            formPane.setContent(now == null ? pick : titled(now));
            if (now != null && sources.getSelectionModel().getSelectedItem() != now) sources.getSelectionModel().select(now);
        });
        BorderPane.setMargin(formPane, new Insets(0, 0, 0, 12));
        setCenter(formPane);

        Label error = new Label(null, new FontIcon(Feather.ALERT_CIRCLE));
        error.setId("addTriggerError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("addTriggerProgress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("addTriggerCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> finish(false));
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("addTriggerAdd");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(vm.canAddProperty().not());
        add.setOnAction(e -> vm.add());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(error, Priority.SOMETIMES);
        HBox bottom = new HBox(10, error, gap, progress, cancel, add);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(12, 16, 16, 16));
        setBottom(bottom);
        vm.doneProperty().addListener((o, was, now) -> { if (now) finish(true); });
    }

    private static Node titled(TriggerForm form) {
        Label name = new Label(form.title(), new FontIcon(form.icon()));
        name.getStyleClass().add(Styles.TITLE_4);
        return new VBox(14, name, form.node());
    }

    private void finish(boolean added) {
        vm.close();
        onFinished.accept(added);
    }

    public AddTriggerViewModel viewModel() { return vm; }

    /** Called once with true when the trigger was added, false when the user cancelled. */
    public void setOnFinished(Consumer<Boolean> onFinished) { this.onFinished = onFinished; }

    /** Shows Add trigger for {@code function} in a modal window; {@code onAdded} runs after a trigger is added. */
    public static void open(ConsoleServices services, String function, Window owner, Runnable onAdded) {
        AddTriggerView view = new AddTriggerView(services, function, TriggerForms.all(services, function));
        Stage stage = new Stage();
        stage.setTitle("Add trigger – " + function);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner instanceof Stage s) stage.getIcons().setAll(s.getIcons());
        }
        stage.setScene(new Scene(view));
        view.setOnFinished(added -> {
            stage.close();
            if (added && onAdded != null) onAdded.run();
        });
        stage.setOnCloseRequest(e -> view.vm.close());
        stage.show();
    }
}
