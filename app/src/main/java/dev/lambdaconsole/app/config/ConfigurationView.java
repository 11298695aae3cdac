package dev.lambdaconsole.app.config;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.TriggersPane;
import dev.lambdaconsole.app.triggers.TriggersViewModel;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Map;

/**
 * A function's Configuration tab: the sections on the left as the web console lists them, the chosen section's
 * form on the right. Each section is edited and saved on its own; changes made elsewhere show up.
 */
public final class ConfigurationView extends BorderPane {
    private final ConfigurationViewModel vm;
    private final ListView<SectionViewModel<?>> sections = new ListView<>();
    private final Map<SectionViewModel<?>, Node> forms;
    private final TriggersSection triggers;
    private final TriggersPane triggersPane;

    public ConfigurationView(ConsoleServices services, String function) {
        this.vm = new ConfigurationViewModel(function, services.workspace(), services.engine().settings(),
                services.tasks());
        this.forms = new java.util.HashMap<>(Map.of(vm.general(), GeneralPane.build(vm.general()),
                vm.environment(), EnvironmentPane.build(vm.environment()),
                vm.concurrency(), ConcurrencyPane.build(vm.concurrency()),
                vm.async(), AsyncInvocationPane.build(vm.async()),
                vm.tags(), TagsPane.build(vm.tags())));
        boolean local = services.simulators() != null && services.simulators().triggers() != null;
        this.triggers = local ? new TriggersSection(function, services.tasks(), new TriggersViewModel(function,
                services.simulators().triggers(), services.tasks())) : null;
        this.triggersPane = local ? new TriggersPane(triggers.triggers()) : null;
        if (local) forms.put(triggers, triggersPane);
        getStyleClass().add("configuration-view");
        sections.setId("configSections");
        sections.getItems().setAll(vm.sections());
        if (triggers != null) sections.getItems().add(1, triggers); // after General configuration, as the web console
        sections.setCellFactory(l -> new SectionCell());
        sections.setPrefWidth(230);
        sections.getStyleClass().add(Styles.DENSE);
        setLeft(sections);
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        setCenter(scroll);
        sections.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                scroll.setContent(now == null ? null : forms.get(now)));
        sections.getSelectionModel().selectFirst();
        Message deleted = new Message("Function deleted", "", new FontIcon(Feather.ALERT_OCTAGON));
        deleted.getStyleClass().add(Styles.DANGER);
        deleted.descriptionProperty().bind(vm.noticeProperty());
        deleted.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        deleted.managedProperty().bind(deleted.visibleProperty());
        setTop(deleted);
        vm.load();
    }

    /** Shows the section with this title (e.g. "Environment variables"), for links from other tabs. */
    public void showSection(String title) {
        List<SectionViewModel<?>> all = sections.getItems();
        all.stream().filter(s -> s.title().equalsIgnoreCase(title)).findFirst()
                .ifPresent(s -> sections.getSelectionModel().select(s));
    }

    /** Shows Triggers with this trigger selected (the function overview's links). */
    public void showTrigger(String triggerId) {
        if (triggers == null) return;
        sections.getSelectionModel().select(triggers);
        triggers.triggers().select(triggerId);
    }

    /** The Triggers section (null when the local services do not run), for the lead's hooks (Add trigger, activity). */
    public TriggersPane triggersPane() { return triggersPane; }

    /** Stops following the workspace. */
    public void close() {
        vm.close();
        if (triggersPane != null) triggersPane.close();
    }

    /** A section's title, marked while it holds unsaved edits. */
    private static final class SectionCell extends ListCell<SectionViewModel<?>> {
        private final FontIcon dot = new FontIcon(Feather.EDIT_2);

        SectionCell() {
            dot.getStyleClass().add(Styles.ACCENT);
        }

        @Override
        protected void updateItem(SectionViewModel<?> section, boolean empty) {
            super.updateItem(section, empty);
            textProperty().unbind();
            graphicProperty().unbind();
            if (empty || section == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(section.title());
            graphicProperty().bind(javafx.beans.binding.Bindings.when(section.dirtyProperty())
                    .then((Node) dot).otherwise((Node) null));
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        }
    }
}
