package dev.lambdaconsole.app.triggers;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.simulators.triggers.Destination;
import dev.lambdaconsole.simulators.triggers.Trigger;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/**
 * The Lambda console's function overview, compact: triggers on the left (icon and name; a click opens it in
 * Configuration → Triggers), the function with its layer count in the middle, destinations on the right (a click
 * opens Asynchronous invocation). Collapsible; at most {@value #LIST_HEIGHT} px of list per column.
 */
public final class FunctionOverview extends TitledPane {
    static final double LIST_HEIGHT = 62;
    private final FunctionOverviewViewModel vm;
    /** Triggers flow in rows (several per row), so that five or six fit in the overview's height. */
    private final javafx.scene.layout.FlowPane triggerList = new javafx.scene.layout.FlowPane(12, 2);
    private final VBox destinationList = new VBox(2);
    private final Button addTrigger = new Button("Add trigger", new FontIcon(Feather.PLUS));
    private Consumer<Trigger> onTrigger = t -> { };
    private Runnable onDestination = () -> { };

    public FunctionOverview(FunctionOverviewViewModel vm) {
        this.vm = vm;
        setId("functionOverview");
        setText("Function overview");
        setAnimated(false);
        getStyleClass().add(Styles.DENSE);

        addTrigger.setId("overviewAddTrigger");
        addTrigger.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addTrigger.setVisible(false); // until the lead wires the dialog: no button that does nothing
        addTrigger.managedProperty().bind(addTrigger.visibleProperty());
        Button addDestination = new Button("Add destination", new FontIcon(Feather.PLUS));
        addDestination.setId("overviewAddDestination");
        addDestination.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addDestination.setOnAction(e -> onDestination.run());

        triggerList.setId("overviewTriggers");
        destinationList.setId("overviewDestinations");
        VBox left = column(triggerList, addTrigger);
        VBox right = column(destinationList, addDestination);

        Label name = new Label(vm.function());
        name.setId("overviewFunctionName");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setGraphic(TriggerIcons.function());
        Label layers = new Label();
        layers.setId("overviewLayers");
        layers.getStyleClass().add(Styles.TEXT_MUTED);
        layers.textProperty().bind(vm.layersProperty());
        VBox box = new VBox(2, name, layers);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(8, 16, 8, 16));
        box.setStyle("-fx-border-color: -color-accent-emphasis; -fx-border-radius: 6; -fx-background-radius: 6;"
                + " -fx-background-color: -color-accent-subtle;");
        box.setMinWidth(180);

        Label error = new Label();
        error.setId("overviewError");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        HBox diagram = new HBox(16, left, arrow(), box, arrow(), right);
        diagram.setAlignment(Pos.CENTER);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox content = new VBox(2, error, diagram);
        content.setPadding(new Insets(2, 8, 2, 8));
        setContent(content);

        vm.triggers().addListener((ListChangeListener<Trigger>) c -> showTriggers());
        vm.destinations().addListener((ListChangeListener<Destination>) c -> showDestinations());
        showTriggers();
        showDestinations();
        vm.start();
    }

    private static VBox column(javafx.scene.layout.Pane list, Button add) {
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(LIST_HEIGHT);
        scroll.setPrefViewportHeight(LIST_HEIGHT - 8);
        scroll.getStyleClass().add(Styles.FLAT);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox column = new VBox(2, scroll, add);
        column.setMaxWidth(Double.MAX_VALUE);
        column.setPrefWidth(300);
        return column;
    }

    private static Region arrow() {
        FontIcon icon = new FontIcon(Feather.ARROW_RIGHT);
        icon.getStyleClass().add(Styles.TEXT_MUTED);
        Label l = new Label("", icon);
        return l;
    }

    private void showTriggers() {
        triggerList.getChildren().clear();
        if (vm.triggers().isEmpty()) {
            Label none = new Label("No triggers");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            triggerList.getChildren().add(none);
        }
        for (Trigger t : vm.triggers()) {
            javafx.scene.Node icon = TriggerIcons.icon(t.kind());
            Hyperlink link = new Hyperlink(t.name(), icon);
            link.getStyleClass().add("overview-trigger");
            link.setTooltip(new Tooltip(t.kind().label() + (t.state() == null ? "" : " · " + t.state()) + "\n" + t.details()));
            if (!t.enabled()) {
                link.getStyleClass().add(Styles.TEXT_MUTED);
                icon.setOpacity(0.45);
            }
            link.setOnAction(e -> onTrigger.accept(t));
            triggerList.getChildren().add(link);
        }
    }

    private void showDestinations() {
        destinationList.getChildren().clear();
        if (vm.destinations().isEmpty()) {
            Label none = new Label("No destinations");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            destinationList.getChildren().add(none);
        }
        for (Destination d : vm.destinations()) {
            Hyperlink link = new Hyperlink(FunctionOverviewViewModel.label(d), TriggerIcons.icon(d.kind()));
            link.getStyleClass().add("overview-destination");
            link.setTooltip(new Tooltip(d.kind().label() + "\n" + d.arn()));
            link.setOnAction(e -> onDestination.run());
            destinationList.getChildren().add(link);
        }
    }

    /** What a click on a trigger does (the page opens it in Configuration → Triggers). */
    public void setOnTrigger(Consumer<Trigger> action) { this.onTrigger = action; }

    /** What a click on a destination or "Add destination" does (the page opens Asynchronous invocation). */
    public void setOnDestination(Runnable action) { this.onDestination = action; }

    /** What "Add trigger" does; the button shows once this is set. */
    public void setOnAddTrigger(Runnable action) {
        addTrigger.setOnAction(e -> action.run());
        addTrigger.setVisible(action != null);
    }

    public void close() { vm.close(); }
}
