package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionUrlFormViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        FormFunctions.create(console, "web", FormFunctions.WEB);
        FormFunctions.create(console, "rules", FormFunctions.WEB);
    }

    @AfterAll
    static void stop() { console.close(); }

    static FunctionUrlFormViewModel form(String function) {
        FunctionUrlFormViewModel vm = new FunctionUrlFormViewModel(function, () -> console.simulators.functionUrls(),
                console.tasks);
        vm.load();
        return vm;
    }

    @Test
    void corsRulesAreAwssAndOnlyApplyWhenCorsIsOn() {
        FunctionUrlFormViewModel vm = form("rules");
        vm.allowMethodsProperty().set("GET, OPTIONS");
        assertThat(vm.methodsError().get()).as("CORS off").isEmpty();
        vm.corsProperty().set(true);
        assertThat(vm.methodsError().get()).isEqualTo("1 validation error detected: Value 'OPTIONS' at "
                + "'cors.allowMethods.2.member' failed to satisfy constraint: Member must have length less than or equal to 6");
        vm.allowMethodsProperty().set("GET, POST, PUT, PATCH, DELETE, HEAD, *");
        assertThat(vm.methodsError().get()).isEqualTo("1 validation error detected: Value at 'cors.allowMethods' failed "
                + "to satisfy constraint: Member must have length less than or equal to 6");
        vm.allowMethodsProperty().set("GET, FETCH");
        assertThat(vm.methodsError().get()).startsWith("Invalid method 'FETCH'");
        vm.allowMethodsProperty().set("get, post");
        assertThat(vm.methodsError().get()).isEmpty();
        vm.allowOriginsProperty().set("https://" + "a".repeat(250));
        assertThat(vm.originsError().get()).contains("'cors.allowOrigins.1.member'").endsWith("less than or equal to 253");
        vm.allowOriginsProperty().set("https://app.example.com");
        vm.allowHeadersProperty().set("x-" + "h".repeat(1023));
        assertThat(vm.headersError().get()).endsWith("less than or equal to 1024");
        vm.allowHeadersProperty().set("x-token");
        vm.exposeHeadersProperty().set(String.join(",", java.util.Collections.nCopies(101, "x")));
        assertThat(vm.exposeError().get()).isEqualTo("1 validation error detected: Value at 'cors.exposeHeaders' failed "
                + "to satisfy constraint: Member must have length less than or equal to 100");
        vm.exposeHeadersProperty().set("x-custom");
        vm.maxAgeProperty().set("86401");
        assertThat(vm.maxAgeError().get()).isEqualTo("1 validation error detected: Value '86401' at 'cors.maxAge' failed "
                + "to satisfy constraint: Member must have value less than or equal to 86400");
        vm.maxAgeProperty().set("-1");
        assertThat(vm.maxAgeError().get()).endsWith("Member must have value greater than or equal to 0");
        vm.maxAgeProperty().set("ten");
        assertThat(vm.maxAgeError().get()).startsWith("Max age is a whole number");
        assertThat(vm.validProperty().get()).isFalse();
        vm.maxAgeProperty().set("600");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.body()).isEqualTo(Json.MAPPER.valueToTree(java.util.Map.of("AuthType", "NONE", "InvokeMode", "BUFFERED",
                "Cors", java.util.Map.of("AllowOrigins", java.util.List.of("https://app.example.com"),
                        "AllowMethods", java.util.List.of("GET", "POST"), "AllowHeaders", java.util.List.of("x-token"),
                        "ExposeHeaders", java.util.List.of("x-custom"), "MaxAge", 600, "AllowCredentials", false))));
    }

    @Test
    void addCreatesTheUrlThatReachesTheFunctionThenRefusesASecondAndOffersUpdate() {
        FunctionUrlFormViewModel vm = form("web");
        assertThat(vm.existsProperty().get()).isFalse();
        assertThat(vm.url().get()).isEmpty();
        vm.corsProperty().set(true);
        vm.allowOriginsProperty().set("https://app.example.com");
        AtomicReference<String> summary = new AtomicReference<>();
        vm.add().onSuccess(summary::set).onFailure(e -> summary.set("failed: " + e));
        assertThat(summary.get()).startsWith("Function URL http://").endsWith("(auth NONE, BUFFERED)");
        String url = vm.url().get();
        assertThat(url).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:\\d+/");
        assertThat(vm.validProperty().get()).isFalse();

        String urlId = url.substring(7, 39);
        String answer = FormFunctions.get(console.simulators.apiGateway().urls().functionUrlPathStyle(urlId) + "hello");
        assertThat(answer).startsWith("200 ").contains("\"path\": \"/hello\"", "\"function\": \"web\"");

        FunctionUrlFormViewModel again = form("web");
        assertThat(again.existsProperty().get()).isTrue();
        assertThat(again.url().get()).isEqualTo(url);
        assertThat(again.message().get()).startsWith("This function already has a Function URL");
        assertThat(again.corsProperty().get()).isTrue();
        assertThat(again.allowOriginsProperty().get()).isEqualTo("https://app.example.com");
        assertThat(again.validProperty().get()).isFalse();
        again.authTypeProperty().set("AWS_IAM");
        again.update();
        assertThat(again.message().get()).isEqualTo("Updated: auth AWS_IAM, BUFFERED, CORS configured");
        assertThat(console.simulators.functionUrls().orElseThrow().functionUrlConfig("web").orElseThrow()
                .get("AuthType").asText()).isEqualTo("AWS_IAM");
    }
}
