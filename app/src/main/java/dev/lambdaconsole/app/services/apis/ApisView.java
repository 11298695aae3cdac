package dev.lambdaconsole.app.services.apis;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import static dev.lambdaconsole.app.services.ServiceControls.area;
import static dev.lambdaconsole.app.services.ServiceControls.bar;
import static dev.lambdaconsole.app.services.ServiceControls.button;
import static dev.lambdaconsole.app.services.ServiceControls.column;
import static dev.lambdaconsole.app.services.ServiceControls.error;
import static dev.lambdaconsole.app.services.ServiceControls.field;
import static dev.lambdaconsole.app.services.ServiceControls.heading;
import static dev.lambdaconsole.app.services.ServiceControls.output;
import static dev.lambdaconsole.app.services.ServiceControls.refresh;
import static dev.lambdaconsole.app.services.ServiceControls.row;
import static dev.lambdaconsole.app.services.ServiceControls.table;
import static dev.lambdaconsole.app.services.ServiceControls.text;

/** The APIs' routes and the Function URLs with their invoke URLs; a request sender with its history. */
public final class ApisView extends BorderPane {
    private final VBox headerRows = new VBox(4);

    public ApisView(ApisViewModel vm) {
        setId("apisView");
        setPadding(new Insets(8));
        TableView<ApisViewModel.EndpointRow> endpoints = table("endpointsTable", vm.endpoints(),
                "No APIs or Function URLs (aws apigatewayv2 create-api …, aws lambda create-function-url-config …)");
        endpoints.getColumns().add(column("Kind", 90, ApisViewModel.EndpointRow::kind));
        endpoints.getColumns().add(column("API or function", 160, ApisViewModel.EndpointRow::name));
        endpoints.getColumns().add(column("Stage", 80, ApisViewModel.EndpointRow::stage));
        endpoints.getColumns().add(column("Route", 140, ApisViewModel.EndpointRow::route));
        endpoints.getColumns().add(column("Invoke URL", 330, ApisViewModel.EndpointRow::url));
        endpoints.getColumns().add(column("Path-style URL", 360, ApisViewModel.EndpointRow::pathStyleUrl));
        endpoints.setPrefHeight(170);
        endpoints.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.use(now));

        ComboBox<String> method = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ApisViewModel.METHODS));
        method.setId("methodChoice");
        method.valueProperty().bindBidirectional(vm.methodProperty());
        TextField url = field("requestUrlField", vm.urlProperty(), "http://{api-id}.execute-api.localhost:9001/items");
        HBox.setHgrow(url, Priority.ALWAYS);
        vm.headers().addListener((ListChangeListener<HeaderRow>) c -> showHeaders(vm));
        VBox request = new VBox(6, heading("Send a request"),
                new HBox(6, method, url, button("sendRequestButton", "Send", Feather.SEND, vm::send)),
                error("requestUrlError", vm.urlError()),
                new HBox(8, new Label("Headers"), button("addHeaderButton", "Add header", Feather.PLUS, () -> vm.addHeader())),
                headerRows, error("headersError", vm.headersError()),
                row("Body", area("requestBodyArea", vm.bodyProperty(), 4), null),
                text("sentToLabel", vm.sentTo()),
                text("responseStatus", vm.status()),
                row("Response headers", output("responseHeadersArea", vm.responseHeaders(), 4), null),
                row("Response body", output("responseBodyArea", vm.responseBody(), 8), null));
        ScrollPane requestScroll = new ScrollPane(request);
        requestScroll.setFitToWidth(true);

        ListView<SentRequest> history = new ListView<>(vm.history());
        history.setId("historyList");
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SentRequest item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.summary());
            }
        });
        history.setOnMouseClicked(e -> vm.open(history.getSelectionModel().getSelectedItem()));
        VBox historyBox = new VBox(6, heading("History"), history);
        VBox.setVgrow(history, Priority.ALWAYS);
        SplitPane lower = new SplitPane(requestScroll, historyBox);
        lower.setDividerPositions(0.68);
        VBox top = new VBox(6, bar("APIs and Function URLs", refresh("apisRefresh", vm::refresh)), endpoints,
                text("apisMessage", vm.message()));
        setTop(top);
        setCenter(lower);
        BorderPane.setMargin(lower, new Insets(8, 0, 0, 0));
        showHeaders(vm);
    }

    private void showHeaders(ApisViewModel vm) {
        headerRows.getChildren().clear();
        for (HeaderRow r : vm.headers()) {
            TextField name = new TextField();
            name.setPromptText("Name");
            name.getStyleClass().add("header-name");
            name.textProperty().bindBidirectional(r.nameProperty());
            TextField value = new TextField();
            value.setPromptText("Value");
            value.getStyleClass().add("header-value");
            value.textProperty().bindBidirectional(r.valueProperty());
            HBox.setHgrow(value, Priority.ALWAYS);
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.setOnAction(e -> vm.removeHeader(r));
            headerRows.getChildren().add(new HBox(6, name, value, remove));
        }
    }

    public static ServiceSection section(ConsoleServices services) {
        var sim = services.simulators();
        ApisViewModel vm = new ApisViewModel(sim::apiGateway, () -> sim.functionUrls().orElse(null), services.stateDir(), services.tasks());
        ApisView view = new ApisView(vm);
        vm.refresh();
        vm.loadHistory();
        return new ServiceSection("apisSection", "APIs", Feather.GLOBE, view, null);
    }
}
