package dev.lambdaconsole.app.services.queues;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.services.AttributeRowsPane;
import dev.lambdaconsole.app.services.FxServiceDialogs;
import dev.lambdaconsole.app.services.ServiceDialogs;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Queues section: the queues on the left; the selected one's attributes, send form and messages on the right. */
public final class QueuesView extends SplitPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final QueuesViewModel vm;
    private ServiceDialogs dialogs = new FxServiceDialogs(this);

    public QueuesView(QueuesViewModel vm) {
        this.vm = vm;
        setId("queuesView");
        TabPane detail = new TabPane(new Tab("Messages", messagesPane()), new Tab("Send message", sendPane()),
                new Tab("Attributes", attributesPane()));
        detail.setId("queueTabs");
        detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detail.disableProperty().bind(vm.selectedProperty().isNull());
        getItems().addAll(listPane(), detail);
        setDividerPositions(0.45);
        vm.refresh();
    }

    /** Who answers the confirmations (windows, unless a test answers). */
    public void setDialogs(ServiceDialogs dialogs) { this.dialogs = dialogs; }

    public static Label errorLabel(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    public static Label messageLabel(String id, ObservableStringValue text, javafx.beans.value.ObservableBooleanValue failed) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        failed.addListener((o, a, b) -> l.pseudoClassStateChanged(Styles.STATE_DANGER, b));
        return l;
    }

    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private VBox listPane() {
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("queuesRefreshButton");
        refresh.setOnAction(e -> vm.refresh());
        TextField name = new TextField();
        name.setId("newQueueField");
        name.setPromptText("new-queue-name");
        name.textProperty().bindBidirectional(vm.newNameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        CheckBox fifo = new CheckBox("FIFO");
        fifo.setId("newQueueFifo");
        fifo.selectedProperty().bindBidirectional(vm.newFifoProperty());
        Button create = new Button("Create queue", new FontIcon(Feather.PLUS));
        create.setId("createQueueButton");
        create.disableProperty().bind(vm.canCreate().not());
        create.setOnAction(e -> vm.create());
        HBox form = new HBox(8, name, fifo, create);
        form.setAlignment(Pos.CENTER_LEFT);

        TableView<QueueRow> table = new TableView<>(vm.queues());
        table.setId("queueTable");
        table.setPlaceholder(new Label("No queues yet"));
        table.getColumns().add(column("Name", QueueRow::name, 170));
        table.getColumns().add(column("Type", QueueRow::type, 80));
        table.getColumns().add(column("Available", q -> String.valueOf(q.available()), 75));
        table.getColumns().add(column("In flight", q -> String.valueOf(q.inFlight()), 70));
        table.getColumns().add(column("Delayed", q -> String.valueOf(q.delayed()), 65));
        table.getColumns().add(column("Dead-letter queue", q -> q.deadLetterTarget() == null ? ""
                : QueueRow.nameOf(q.deadLetterTarget()) + " (after " + q.maxReceiveCount() + ")", 160));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) table.getSelectionModel().select(b);
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, refresh, form, errorLabel("newQueueError", vm.newNameErrorProperty()), table,
                messageLabel("queuesMessage", vm.messageProperty(), vm.failedProperty()));
        box.setPadding(new Insets(8));
        return box;
    }

    private TableView<Map.Entry<String, String>> attributesPane() {
        TableView<Map.Entry<String, String>> table = new TableView<>(vm.attributes());
        table.setId("queueAttributes");
        table.getColumns().add(column("Attribute", Map.Entry::getKey, 260));
        table.getColumns().add(column("Value", Map.Entry::getValue, 420));
        return table;
    }

    private ScrollPane sendPane() {
        SendMessageViewModel send = vm.send();
        TextArea body = new TextArea();
        body.setId("sendBody");
        body.setPromptText("Message body");
        body.setPrefRowCount(6);
        body.textProperty().bindBidirectional(send.bodyProperty());
        TextField delay = field("sendDelay", "0", send.delayProperty());
        TextField group = field("sendGroupId", "Message group id", send.groupIdProperty());
        TextField dedup = field("sendDeduplicationId", "Deduplication id", send.deduplicationIdProperty());
        GridPane fifo = new GridPane();
        fifo.setHgap(8);
        fifo.setVgap(4);
        fifo.addRow(0, new Label("Message group id"), group);
        fifo.add(errorLabel("sendGroupError", send.groupErrorProperty()), 1, 1);
        fifo.addRow(2, new Label("Deduplication id"), dedup);
        fifo.add(errorLabel("sendDeduplicationError", send.deduplicationErrorProperty()), 1, 3);
        javafx.beans.binding.BooleanBinding isFifo = Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().fifo(), vm.selectedProperty());
        fifo.visibleProperty().bind(isFifo);
        fifo.managedProperty().bind(isFifo);
        HBox delayRow = new HBox(8, new Label("Delay (seconds)"), delay);
        delayRow.setAlignment(Pos.CENTER_LEFT);
        Button sendButton = new Button("Send message", new FontIcon(Feather.SEND));
        sendButton.setId("sendMessageButton");
        sendButton.getStyleClass().add(Styles.ACCENT);
        sendButton.disableProperty().bind(send.canSend().not());
        sendButton.setOnAction(e -> send.send());
        VBox box = new VBox(8, new Label("Body"), body, errorLabel("sendBodyError", send.bodyErrorProperty()),
                new AttributeRowsPane("send", send.attributes(), List.of("String", "Number", "Binary")),
                delayRow, errorLabel("sendDelayError", send.delayErrorProperty()), fifo, sendButton,
                messageLabel("sendResult", send.resultProperty(), send.failedProperty()));
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private VBox messagesPane() {
        QueueMessagesViewModel messages = vm.messages();
        Label note = new Label(QueueMessagesViewModel.PEEK_NOTE);
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Button peek = new Button("Peek messages", new FontIcon(Feather.EYE));
        peek.setId("peekButton");
        peek.setOnAction(e -> messages.peek());
        Button purge = new Button("Purge", new FontIcon(Feather.TRASH_2));
        purge.setId("purgeButton");
        purge.getStyleClass().add(Styles.DANGER);
        purge.setOnAction(e -> {
            QueueRow q = vm.selectedProperty().get();
            if (q != null && dialogs.confirm("Purge " + q.name() + "?", "Every message in the queue is deleted. "
                    + "This cannot be undone.", "Purge")) {
                messages.purge();
            }
        });
        HBox tools = new HBox(8, peek, purge);

        TableView<QueueMessagesViewModel.Peeked> table = new TableView<>(messages.peeked());
        table.setId("peekedMessages");
        table.setPlaceholder(new Label("Peek to see the messages"));
        table.getColumns().add(column("Body", QueueMessagesViewModel.Peeked::body, 260));
        table.getColumns().add(column("Attributes", p -> String.join(", ", p.attributes().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()), 170));
        table.getColumns().add(column("Receives", p -> String.valueOf(p.receiveCount()), 65));
        table.getColumns().add(column("Sent", p -> TIME.format(p.sent()), 140));
        table.getColumns().add(column("Message id", QueueMessagesViewModel.Peeked::messageId, 250));
        TextArea shown = new TextArea();
        shown.setId("peekedBody");
        shown.setEditable(false);
        shown.setPrefRowCount(5);
        shown.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> shown.setText(p == null ? ""
                : p.body() + "\n\n" + String.join("\n", p.systemAttributes().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).toList())));
        VBox.setVgrow(table, Priority.ALWAYS);

        ComboBox<String> target = new ComboBox<>(messages.redriveTargets());
        target.setId("redriveTarget");
        target.valueProperty().bindBidirectional(messages.redriveTargetProperty());
        target.setConverter(new StringConverter<>() {
            @Override public String toString(String arn) { return arn == null ? "" : QueueRow.nameOf(arn); }
            @Override public String fromString(String s) { return s; }
        });
        Button redrive = new Button("Start redrive", new FontIcon(Feather.CORNER_UP_LEFT));
        redrive.setId("redriveButton");
        redrive.disableProperty().bind(messages.canRedrive().not());
        redrive.setOnAction(e -> messages.startRedrive());
        Label progress = new Label();
        progress.setId("redriveProgress");
        progress.textProperty().bind(messages.progressProperty());
        HBox redriveRow = new HBox(8, new Label("Dead-letter queue of"), target, redrive, progress);
        redriveRow.setAlignment(Pos.CENTER_LEFT);
        javafx.beans.binding.BooleanBinding dlq = Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().isDeadLetterQueue(), vm.selectedProperty());
        redriveRow.visibleProperty().bind(dlq);
        redriveRow.managedProperty().bind(dlq);

        VBox box = new VBox(8, note, tools, redriveRow, table, shown,
                messageLabel("messagesMessage", messages.messageProperty(), messages.failedProperty()));
        box.setPadding(new Insets(8));
        return box;
    }
}
