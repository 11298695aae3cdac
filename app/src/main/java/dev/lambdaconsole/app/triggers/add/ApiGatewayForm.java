package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.config.Forms;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.ApiType;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.Authorization;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.Choice;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.Mode;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** Add trigger → API Gateway: an HTTP or REST API (new or existing) whose route or method invokes the function. */
public final class ApiGatewayForm implements TriggerForm {
    private final ApiGatewayFormViewModel vm;
    private Node node;

    public ApiGatewayForm(ConsoleServices services, String function) {
        vm = new ApiGatewayFormViewModel(function, () -> services.simulators().apiGateway(),
                () -> services.workspace().functions().stream().map(FunctionConfig::functionName).toList(),
                name -> services.engine().settings().functionArn(name), services.tasks());
        vm.load();
    }

    public ApiGatewayFormViewModel viewModel() { return vm; }

    @Override public String id() { return "apigateway"; }
    @Override public String title() { return "API Gateway"; }
    @Override public Ikon icon() { return Feather.GLOBE; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }

    @Override
    public Node node() {
        if (node == null) node = build();
        return node;
    }

    private Node build() {
        ComboBox<ApiType> type = FormNodes.choice("apiType", List.of(ApiType.HTTP, ApiType.REST), vm.typeProperty(),
                t -> t == ApiType.HTTP ? "HTTP API" : "REST API");
        ComboBox<Mode> mode = FormNodes.choice("apiMode", List.of(Mode.NEW, Mode.EXISTING), vm.modeProperty(),
                m -> m == Mode.NEW ? "Create a new API" : "Use existing API");
        ObservableBooleanValue creating = Bindings.equal(vm.modeProperty(), Mode.NEW);
        ObservableBooleanValue http = Bindings.equal(vm.typeProperty(), ApiType.HTTP);
        TextField name = FormNodes.text("apiName", 30, vm.apiNameProperty());
        ComboBox<Choice> existing = FormNodes.choice("apiExisting", vm.apiChoices().get(), vm.existingApiProperty(),
                Choice::toString);
        FormNodes.items(existing, vm.apiChoices());
        HBox apiRow = new HBox(8, FormNodes.showWhen(name, creating),
                FormNodes.showWhen(existing, Bindings.not(creating)));

        ComboBox<String> method = FormNodes.choice("apiMethod", ApiGatewayFormViewModel.METHODS, vm.methodProperty(), s -> s);
        TextField path = FormNodes.text("apiPath", 30, vm.pathProperty());
        HBox routeRow = new HBox(8, method, path);
        routeRow.setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> payload = FormNodes.choice("apiPayload", List.of("2.0", "1.0"), vm.payloadVersionProperty(), s -> s);
        TextField stage = FormNodes.text("apiStage", 20, vm.stageProperty());

        ComboBox<Authorization> auth = FormNodes.choice("apiAuth", List.of(Authorization.values()), vm.authorizationProperty(),
                a -> switch (a) {
                    case NONE -> "NONE (open)";
                    case EXISTING -> "An existing Lambda authorizer of the API";
                    case NEW -> "A new REQUEST authorizer";
                });
        ComboBox<Choice> authorizer = FormNodes.choice("apiAuthorizer", vm.authorizerChoices().get(),
                vm.existingAuthorizerProperty(), Choice::toString);
        FormNodes.items(authorizer, vm.authorizerChoices());
        ComboBox<String> authorizerFunction = FormNodes.choice("apiAuthorizerFunction", vm.functions().get(),
                vm.authorizerFunctionProperty(), s -> s);
        FormNodes.items(authorizerFunction, vm.functions());
        HBox authRow = new HBox(8, auth,
                FormNodes.showWhen(authorizer, Bindings.equal(vm.authorizationProperty(), Authorization.EXISTING)),
                FormNodes.showWhen(authorizerFunction, Bindings.equal(vm.authorizationProperty(), Authorization.NEW)));

        TextField invoke = new TextField();
        invoke.setId("apiInvokeUrl");
        invoke.setEditable(false);
        invoke.textProperty().bind(vm.invokeUrl());
        return FormNodes.body(
                Forms.error(vm.loadError(), "apiLoadError"),
                FormNodes.field("API type", type, null, null, null),
                FormNodes.field("API", new HBox(8, mode, apiRow), vm.apiError(), "apiError", null),
                FormNodes.field("Route", routeRow, vm.pathError(), "apiPathError",
                        "A method and a path, e.g. ANY /orders, GET /orders/{id} or ANY /{proxy+}."),
                FormNodes.showWhen(FormNodes.field("Payload format version", payload, null, null,
                        "2.0 is the HTTP API event; 1.0 the REST-style event."), http),
                FormNodes.showWhen(FormNodes.field("Stage", stage, vm.stageError(), "apiStageError",
                        "The stage the API is deployed to."), Bindings.not(http)),
                FormNodes.field("Authorization", authRow, vm.authorizerError(), "apiAuthError", null),
                FormNodes.showWhen(FormNodes.field("Invoke URL", invoke, null, null, null),
                        Bindings.isNotEmpty(vm.invokeUrl())));
    }
}
