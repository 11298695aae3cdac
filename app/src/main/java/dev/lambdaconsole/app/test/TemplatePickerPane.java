package dev.lambdaconsole.app.test;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.simulators.events.EventType;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The picker's content: a search field over the event library, the matching types grouped under their source's
 * description, and the chosen type's parameter form, preview and Use.
 */
final class TemplatePickerPane extends HBox {
    private final TemplatePickerViewModel vm;
    private final CustomTextField search = new CustomTextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private boolean syncing;

    TemplatePickerPane(TemplatePickerViewModel vm) {
        super(16);
        this.vm = vm;
        setPrefSize(900, 540);
        search.setId("templateSearchField");
        search.setPromptText("Search: service, event or description (e.g. sqs, put, schedule)");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                e.consume();
            }
        });
        tree.setId("templateTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new Cell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && now.getValue() instanceof EventType type) vm.select(type);
        });
        vm.groups().addListener((ListChangeListener<TemplateGroup>) c -> showGroups());
        vm.selectedProperty().addListener((o, was, now) -> selectInTree(now));
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label status = new Label();
        status.setId("templateStatus");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        VBox left = new VBox(8, search, tree, status);
        left.setPrefWidth(360);
        left.setMinWidth(300);
        getChildren().addAll(left, details());
        showGroups();
    }

    private VBox details() {
        Label title = new Label();
        title.setId("templateTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.selectedProperty().map(t -> t.source() + " · " + t.type())
                .orElse("Choose a template"));
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.textProperty().bind(vm.selectedProperty().map(EventType::description)
                .orElse("Pick an event type on the left; its parameters appear here."));
        TemplateForm form = new TemplateForm(vm.parameters(), vm::use);
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setPrefViewportHeight(150);
        formScroll.visibleProperty().bind(vm.selectedProperty().isNotNull());
        formScroll.managedProperty().bind(formScroll.visibleProperty());

        Label error = new Label();
        error.setId("templateError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TextArea preview = new TextArea();
        preview.setId("templatePreview");
        preview.setEditable(false);
        preview.setStyle("-fx-font-family: monospace;");
        preview.textProperty().bind(vm.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);

        Button use = new Button("Use template", new FontIcon(Feather.CHECK));
        use.setId("useTemplateButton");
        use.getStyleClass().add(Styles.ACCENT);
        use.disableProperty().bind(vm.canUseProperty().not());
        use.setOnAction(e -> vm.use());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTemplateButton");
        cancel.setOnAction(e -> vm.hide());
        Label replaces = new Label("Replaces the event JSON in the editor");
        replaces.getStyleClass().add(Styles.TEXT_MUTED);
        HBox buttons = new HBox(8, replaces, cancel, use);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(replaces, Priority.ALWAYS);
        replaces.setMaxWidth(Double.MAX_VALUE);

        Label formCaption = new Label("Parameters");
        formCaption.getStyleClass().add(Styles.TEXT_BOLD);
        formCaption.visibleProperty().bind(formScroll.visibleProperty());
        formCaption.managedProperty().bind(formScroll.visibleProperty());
        Label previewCaption = new Label("Preview");
        previewCaption.getStyleClass().add(Styles.TEXT_BOLD);
        VBox details = new VBox(8, title, description, formCaption, formScroll, error, previewCaption, preview,
                buttons);
        HBox.setHgrow(details, Priority.ALWAYS);
        return details;
    }

    /** Puts the caret in the search field (when the picker opens). */
    void focusSearch() {
        Platform.runLater(search::requestFocus);
    }

    private void showGroups() {
        syncing = true;
        try {
            tree.getRoot().getChildren().setAll(vm.groups().stream().map(group -> {
                TreeItem<Object> header = new TreeItem<>(group);
                header.setExpanded(true);
                group.types().forEach(type -> header.getChildren().add(new TreeItem<>(type)));
                return header;
            }).toList());
        } finally {
            syncing = false;
        }
        selectInTree(vm.selectedProperty().get());
    }

    private void selectInTree(EventType type) {
        syncing = true;
        try {
            tree.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                    .filter(item -> item.getValue().equals(type)).findFirst()
                    .ifPresentOrElse(item -> {
                        tree.getSelectionModel().select(item);
                        int row = tree.getRow(item);
                        if (row >= 0) tree.scrollTo(Math.max(0, row - 1));
                    }, () -> tree.getSelectionModel().clearSelection());
        } finally {
            syncing = false;
        }
    }

    /**
     * A source header (its description, bold and wrapped, with the source's id) or an event type (with a tooltip).
     * Cells are as wide as the tree, never wider: no sideways scrolling.
     */
    private static final class Cell extends TreeCell<Object> {
        Cell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(Styles.TEXT_BOLD);
            setTooltip(null);
            setWrapText(item instanceof TemplateGroup);
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof TemplateGroup group) {
                setText(group.description() + " (" + group.source() + ")");
                getStyleClass().add(Styles.TEXT_BOLD);
            } else if (item instanceof EventType type) {
                setText(type.type());
                setTooltip(new Tooltip(type.description()));
            }
        }
    }
}
