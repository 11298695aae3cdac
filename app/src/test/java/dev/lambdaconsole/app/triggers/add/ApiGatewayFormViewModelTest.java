package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.ApiType;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.Authorization;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.Choice;
import dev.lambdaconsole.app.triggers.add.ApiGatewayFormViewModel.Mode;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ApiGatewayFormViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        FormFunctions.create(console, "shop", FormFunctions.WEB);
        FormFunctions.create(console, "gate", FormFunctions.AUTHORIZER);
    }

    @AfterAll
    static void stop() { console.close(); }

    static ApiGatewayFormViewModel form() {
        ApiGatewayFormViewModel vm = new ApiGatewayFormViewModel("shop", () -> console.simulators.apiGateway(),
                () -> console.runtime.workspace().functions().stream().map(FunctionConfig::functionName).toList(),
                name -> FormFunctions.arn(console, name), console.tasks);
        vm.load();
        return vm;
    }

    static String added(ApiGatewayFormViewModel vm) {
        AtomicReference<String> out = new AtomicReference<>();
        vm.add().onSuccess(out::set).onFailure(e -> out.set("failed: " + e.getMessage()));
        return out.get();
    }

    static Choice api(ApiGatewayFormViewModel vm, String name) {
        return vm.apiChoices().get().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyFieldIsCheckedWithApiGatewaysRules() {
        ApiGatewayFormViewModel vm = form();
        assertThat(vm.apiNameProperty().get()).isEqualTo("shop-API");
        assertThat(vm.pathProperty().get()).isEqualTo("/shop");
        assertThat(vm.validProperty().get()).isTrue();
        vm.apiNameProperty().set(" ");
        assertThat(vm.apiError().get()).isEqualTo("Name is required: enter the new API's name");
        vm.apiNameProperty().set("n".repeat(129));
        assertThat(vm.apiError().get()).isEqualTo("The API's name must be at most 128 characters");
        vm.apiNameProperty().set("shop-API");
        vm.pathProperty().set("orders");
        assertThat(vm.pathError().get()).startsWith("Invalid route key ANY orders: a route key is $default or an HTTP method");
        vm.pathProperty().set("/{proxy+}/items");
        assertThat(vm.pathError().get()).endsWith("a greedy path variable ({name+}) must be the last part of the path");
        vm.pathProperty().set("/{proxy+}");
        assertThat(vm.pathError().get()).isEmpty();

        vm.typeProperty().set(ApiType.REST);
        vm.pathProperty().set("/orders/a b");
        assertThat(vm.pathError().get()).startsWith("Resource's path part only allow a-zA-Z0-9._-").endsWith("(got 'a b')");
        vm.pathProperty().set("/orders/{id}");
        assertThat(vm.pathError().get()).isEmpty();
        vm.stageProperty().set("prod stage");
        assertThat(vm.stageError().get()).isEqualTo("Stage name only allows a-zA-Z0-9_- (got 'prod stage')");
        vm.stageProperty().set("prod");

        vm.authorizationProperty().set(Authorization.EXISTING);
        assertThat(vm.authorizerError().get()).startsWith("A new API has no authorizers yet");
        vm.authorizationProperty().set(Authorization.NEW);
        assertThat(vm.authorizerError().get()).isEqualTo("Choose the function that authorizes the requests");
        assertThat(vm.functions().get()).contains("gate", "shop");
        vm.authorizerFunctionProperty().set("gate");
        assertThat(vm.authorizerError().get()).isEmpty();

        vm.modeProperty().set(Mode.EXISTING);
        assertThat(vm.apiError().get()).isIn("There is no REST API yet: create a new one", "Choose an API");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void aNewHttpApiRouteReachesTheFunctionAndAnExistingRouteIsRefused() {
        ApiGatewayFormViewModel vm = form();
        vm.apiNameProperty().set("orders-http");
        vm.methodProperty().set("GET");
        vm.pathProperty().set("/orders");
        String summary = added(vm);
        assertThat(summary).startsWith("HTTP API ").contains(": GET /orders invokes shop at http://");
        assertThat(vm.invokeUrl().get()).matches("http://[a-z0-9]{10}\\.execute-api\\.localhost:\\d+/orders");
        assertThat(vm.pathStyleUrl().get()).contains("/_aws/execute-api/").endsWith("/orders");
        String answer = FormFunctions.get(vm.pathStyleUrl().get());
        assertThat(answer).startsWith("200 ").contains("\"path\": \"/orders\"", "\"version\": \"2.0\"", "\"function\": \"shop\"");

        ApiGatewayFormViewModel next = form();
        next.modeProperty().set(Mode.EXISTING);
        next.existingApiProperty().set(api(next, "orders-http"));
        next.methodProperty().set("GET");
        next.pathProperty().set("/orders");
        assertThat(next.pathError().get()).isEqualTo("Route with key GET /orders already exists for this API");
        next.methodProperty().set("POST");
        next.payloadVersionProperty().set("1.0");
        assertThat(next.validProperty().get()).isTrue();
        assertThat(added(next)).contains(": POST /orders invokes shop");
        assertThat(next.invokeUrl().get()).isEqualTo(vm.invokeUrl().get());
    }

    @Test
    void aNewRequestAuthorizerGuardsTheRoute() {
        ApiGatewayFormViewModel vm = form();
        vm.apiNameProperty().set("guarded");
        vm.pathProperty().set("/private");
        vm.authorizationProperty().set(Authorization.NEW);
        vm.authorizerFunctionProperty().set("gate");
        assertThat(added(vm)).contains(": ANY /private invokes shop");
        assertThat(FormFunctions.get(vm.pathStyleUrl().get())).startsWith("403 ");
        assertThat(FormFunctions.get(vm.pathStyleUrl().get(), "x-token", "open")).startsWith("200 ").contains("\"path\": \"/private\"");

        ApiGatewayFormViewModel next = form();
        next.modeProperty().set(Mode.EXISTING);
        next.existingApiProperty().set(api(next, "guarded"));
        next.authorizationProperty().set(Authorization.EXISTING);
        assertThat(next.authorizerChoices().get()).extracting(Choice::name).containsExactly("gate-authorizer");
        assertThat(next.authorizerError().get()).isEqualTo("Choose an authorizer");
        next.existingAuthorizerProperty().set(next.authorizerChoices().get().get(0));
        assertThat(next.authorizerError().get()).isEmpty();
    }

    @Test
    void aNewRestApiIsDeployedToItsStageAndReachesTheFunction() {
        ApiGatewayFormViewModel vm = form();
        vm.typeProperty().set(ApiType.REST);
        vm.apiNameProperty().set("orders-rest");
        vm.pathProperty().set("/orders/{id}");
        assertThat(vm.stageProperty().get()).isEqualTo("default");
        String summary = added(vm);
        assertThat(summary).startsWith("REST API ").contains(": ANY /orders/{id} invokes shop");
        assertThat(vm.invokeUrl().get()).matches("http://[a-z0-9]{10}\\.execute-api\\.localhost:\\d+/default/orders/\\{id}");
        String url = vm.pathStyleUrl().get().replace("{id}", "42");
        assertThat(FormFunctions.get(url)).startsWith("200 ").contains("\"path\": \"/orders/42\"", "\"function\": \"shop\"");

        ApiGatewayFormViewModel next = form();
        next.typeProperty().set(ApiType.REST);
        next.modeProperty().set(Mode.EXISTING);
        next.existingApiProperty().set(api(next, "orders-rest"));
        next.pathProperty().set("/orders/{id}");
        assertThat(next.pathError().get()).isEqualTo("Method already exists for this resource: ANY /orders/{id}");
        next.methodProperty().set("GET");
        next.pathProperty().set("/orders");
        assertThat(added(next)).contains(": GET /orders invokes shop");
        assertThat(FormFunctions.get(next.pathStyleUrl().get())).startsWith("200 ").contains("\"path\": \"/orders\"");
    }
}
