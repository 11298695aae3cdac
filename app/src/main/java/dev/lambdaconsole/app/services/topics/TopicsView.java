package dev.lambdaconsole.app.services.topics;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.services.AttributeRowsPane;
import dev.lambdaconsole.app.services.FxServiceDialogs;
import dev.lambdaconsole.app.services.ServiceDialogs;
import dev.lambdaconsole.simulators.sns.SnsService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

import static dev.lambdaconsole.app.services.queues.QueuesView.column;
import static dev.lambdaconsole.app.services.queues.QueuesView.errorLabel;
import static dev.lambdaconsole.app.services.queues.QueuesView.messageLabel;

/** The Topics section: topics on the left; the selected topic's subscriptions and publish form on the right. */
public final class TopicsView extends SplitPane {
    private final TopicsViewModel vm;
    private ServiceDialogs dialogs = new FxServiceDialogs(this);

    public TopicsView(TopicsViewModel vm) {
        this.vm = vm;
        setId("topicsView");
        VBox right = new VBox(12, subscriptionsPane(), publishPane());
        right.setPadding(new Insets(8));
        right.disableProperty().bind(vm.selectedProperty().isNull());
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        getItems().addAll(listPane(), scroll);
        setDividerPositions(0.38);
        vm.refresh();
    }

    /** Who answers the confirmations (windows, unless a test answers). */
    public void setDialogs(ServiceDialogs dialogs) { this.dialogs = dialogs; }

    private VBox listPane() {
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("topicsRefreshButton");
        refresh.setOnAction(e -> vm.refresh());
        TextField name = new TextField();
        name.setId("newTopicField");
        name.setPromptText("new-topic-name");
        name.textProperty().bindBidirectional(vm.newNameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        CheckBox fifo = new CheckBox("FIFO");
        fifo.setId("newTopicFifo");
        fifo.selectedProperty().bindBidirectional(vm.newFifoProperty());
        Button create = new Button("Create topic", new FontIcon(Feather.PLUS));
        create.setId("createTopicButton");
        create.disableProperty().bind(vm.canCreate().not());
        create.setOnAction(e -> vm.create());
        HBox form = new HBox(8, name, fifo, create);
        form.setAlignment(Pos.CENTER_LEFT);
        TableView<SnsService.TopicInfo> table = new TableView<>(vm.topics());
        table.setId("topicTable");
        table.setPlaceholder(new Label("No topics yet"));
        table.getColumns().add(column("Name", SnsService.TopicInfo::name, 150));
        table.getColumns().add(column("Type", t -> t.fifo() ? "FIFO" : "Standard", 75));
        table.getColumns().add(column("ARN", SnsService.TopicInfo::arn, 300));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) table.getSelectionModel().select(b);
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, refresh, form, errorLabel("newTopicError", vm.newNameErrorProperty()), table,
                messageLabel("topicsMessage", vm.messageProperty(), vm.failedProperty()));
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox subscriptionsPane() {
        Label title = new Label("Subscriptions");
        title.getStyleClass().add(Styles.TITLE_4);
        TableView<SnsService.SubscriptionInfo> table = new TableView<>(vm.subscriptions());
        table.setId("subscriptionTable");
        table.setPlaceholder(new Label("No subscriptions (add them with the AWS CLI, or as a trigger of a function)"));
        table.setPrefHeight(180);
        table.getColumns().add(column("Protocol", SnsService.SubscriptionInfo::protocol, 70));
        table.getColumns().add(column("Endpoint", SnsService.SubscriptionInfo::endpoint, 300));
        table.getColumns().add(column("Raw delivery", s -> s.rawDelivery() ? "yes" : "no", 90));
        table.getColumns().add(column("Filter policy", s -> s.filterPolicy() == null ? "" : s.filterPolicy(), 220));
        Button unsubscribe = new Button("Unsubscribe", new FontIcon(Feather.X_CIRCLE));
        unsubscribe.setId("unsubscribeButton");
        unsubscribe.getStyleClass().add(Styles.DANGER);
        unsubscribe.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        unsubscribe.setOnAction(e -> {
            SnsService.SubscriptionInfo s = table.getSelectionModel().getSelectedItem();
            if (s != null && dialogs.confirm("Unsubscribe " + TopicsViewModel.endpointName(s) + "?",
                    "The topic stops delivering to " + s.endpoint() + ".", "Unsubscribe")) {
                vm.unsubscribe(s);
            }
        });
        return new VBox(6, title, table, unsubscribe);
    }

    private VBox publishPane() {
        PublishViewModel p = vm.publish();
        Label title = new Label("Publish message");
        title.getStyleClass().add(Styles.TITLE_4);
        TextField subject = new TextField();
        subject.setId("publishSubject");
        subject.setPromptText("Subject (optional)");
        subject.textProperty().bindBidirectional(p.subjectProperty());
        TextArea message = new TextArea();
        message.setId("publishMessage");
        message.setPromptText("Message");
        message.setPrefRowCount(6);
        message.textProperty().bindBidirectional(p.messageProperty());
        CheckBox json = new CheckBox("Message structure: JSON (one message per protocol, with a \"default\")");
        json.setId("publishJson");
        json.selectedProperty().bindBidirectional(p.jsonStructureProperty());
        TextField group = new TextField();
        group.setId("publishGroupId");
        group.textProperty().bindBidirectional(p.groupIdProperty());
        TextField dedup = new TextField();
        dedup.setId("publishDeduplicationId");
        dedup.textProperty().bindBidirectional(p.deduplicationIdProperty());
        GridPane fifo = new GridPane();
        fifo.setHgap(8);
        fifo.setVgap(4);
        fifo.addRow(0, new Label("Message group id"), group);
        fifo.add(errorLabel("publishGroupError", p.groupErrorProperty()), 1, 1);
        fifo.addRow(2, new Label("Deduplication id"), dedup);
        fifo.add(errorLabel("publishDeduplicationError", p.deduplicationErrorProperty()), 1, 3);
        BooleanBinding isFifo = Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().fifo(), vm.selectedProperty());
        fifo.visibleProperty().bind(isFifo);
        fifo.managedProperty().bind(isFifo);
        Button publish = new Button("Publish", new FontIcon(Feather.SEND));
        publish.setId("publishButton");
        publish.getStyleClass().add(Styles.ACCENT);
        publish.disableProperty().bind(p.canPublish().not());
        publish.setOnAction(e -> p.publish());
        return new VBox(8, title, subject, errorLabel("publishSubjectError", p.subjectErrorProperty()), message,
                errorLabel("publishMessageError", p.messageErrorProperty()), json,
                new AttributeRowsPane("publish", p.attributes(), List.of("String", "String.Array", "Number", "Binary")),
                fifo, publish, messageLabel("publishResult", p.resultProperty(), p.failedProperty()));
    }
}
