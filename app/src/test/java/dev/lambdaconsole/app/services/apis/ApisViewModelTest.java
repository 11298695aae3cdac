package dev.lambdaconsole.app.services.apis;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceFixtures;
import dev.lambdaconsole.app.shell.TestConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApisViewModelTest {
    @TempDir Path workspace;
    @TempDir Path state;
    TestConsole console;
    ApisViewModel vm;

    @BeforeEach
    void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        vm = model();
    }

    ApisViewModel model() {
        return new ApisViewModel(console.simulators::apiGateway, () -> console.simulators.functionUrls().orElse(null), state, console.tasks);
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void routesAndFunctionUrlsAreListedWithTheirUrls() throws Exception {
        String fn = ServiceFixtures.function(console, "web", ServiceFixtures.WEB);
        String api = ServiceFixtures.httpApi(console, "shop", fn, "GET /items/{id}");
        ServiceFixtures.control(console.simulators.functionUrls().orElseThrow().endpoints().get(1), "POST",
                "/2021-10-31/functions/web/url", "{\"AuthType\":\"NONE\"}");
        vm.refresh();
        int port = java.net.URI.create(console.services.endpointUrl()).getPort();
        assertThat(vm.endpoints()).hasSize(2);
        ApisViewModel.EndpointRow route = vm.endpoints().get(0);
        assertThat(route.kind()).isEqualTo("HTTP API");
        assertThat(route.name()).isEqualTo("shop (" + api + ")");
        assertThat(route.stage()).isEqualTo("$default");
        assertThat(route.url()).isEqualTo("http://" + api + ".execute-api.localhost:" + port + "/items/{id}");
        assertThat(route.pathStyleUrl()).isEqualTo("http://127.0.0.1:" + port + "/_aws/execute-api/" + api + "/items/{id}");
        ApisViewModel.EndpointRow url = vm.endpoints().get(1);
        assertThat(url.kind()).isEqualTo("Function URL");
        assertThat(url.url()).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:" + port + "/");

        vm.use(route);
        assertThat(vm.methodProperty().get()).isEqualTo("GET");
        assertThat(vm.urlError().get()).isEqualTo("replace the path variable {…} with a value");
        vm.send();
        assertThat(vm.status().get()).isEqualTo("Not sent: fix the fields marked above");
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void aRequestToAnApiIsAnsweredAndKeptInTheHistory() throws Exception {
        String fn = ServiceFixtures.function(console, "web", ServiceFixtures.WEB);
        String api = ServiceFixtures.httpApi(console, "shop", fn, "ANY /items/{id}");
        int port = java.net.URI.create(console.services.endpointUrl()).getPort();
        String browserUrl = "http://" + api + ".execute-api.localhost:" + port + "/items/7?x=1";
        vm.urlProperty().set(browserUrl);
        vm.methodProperty().set("POST");
        vm.addHeader().nameProperty().set("Host");
        assertThat(vm.headersError().get()).isEqualTo("header 1: Host is set by the client itself");
        vm.headers().get(0).nameProperty().set("X-Trace");
        vm.headers().get(0).valueProperty().set("abc");
        assertThat(vm.headersError().get()).isEmpty();
        HeaderRow type = vm.addHeader();
        type.nameProperty().set("Content-Type");
        type.valueProperty().set("application/json");
        vm.bodyProperty().set("{\"qty\": 2}");
        vm.send();
        assertThat(vm.status().get()).matches("200 · \\d+ ms");
        assertThat(vm.sentTo().get()).isEqualTo("Sent to http://127.0.0.1:" + port + "/_aws/execute-api/" + api
                + "/items/7?x=1 (a browser or curl uses " + browserUrl + ")");
        assertThat(vm.responseHeaders().get()).contains("x-served-by: web");
        assertThat(vm.responseBody().get()).isEqualTo("{\n  \"method\" : \"POST\",\n  \"path\" : \"/items/7\",\n"
                + "  \"body\" : \"{\\\"qty\\\": 2}\"\n}");
        assertThat(vm.history()).singleElement().satisfies(h -> {
            assertThat(h.summary()).startsWith("POST " + browserUrl + " → 200 (");
            assertThat(h.headers()).containsExactly(new SentRequest.Header("X-Trace", "abc"),
                    new SentRequest.Header("Content-Type", "application/json"));
        });

        vm.urlProperty().set("http://" + api + ".execute-api.localhost:" + port + "/nowhere");
        vm.methodProperty().set("GET");
        vm.send();
        assertThat(vm.status().get()).startsWith("404 · ");
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.history().get(0).status()).as("newest first").isEqualTo(404);

        vm.open(vm.history().get(1));
        assertThat(vm.urlProperty().get()).isEqualTo(browserUrl);
        assertThat(vm.methodProperty().get()).isEqualTo("POST");
        assertThat(vm.bodyProperty().get()).isEqualTo("{\"qty\": 2}");
        assertThat(vm.headers()).extracting(HeaderRow::name).containsExactly("X-Trace", "Content-Type");
        assertThat(vm.status().get()).startsWith("200 · ");

        ApisViewModel next = model();
        next.loadHistory();
        assertThat(next.history()).extracting(SentRequest::status).containsExactly(404, 200);
    }

    @Test
    void aFunctionUrlIsReachedThroughItsPathStyleForm() throws Exception {
        ServiceFixtures.function(console, "web", ServiceFixtures.WEB);
        String url = ServiceFixtures.control(console.simulators.functionUrls().orElseThrow().endpoints().get(1), "POST",
                "/2021-10-31/functions/web/url", "{\"AuthType\":\"NONE\"}").get("FunctionUrl").asText();
        vm.urlProperty().set(url + "hello");
        vm.send();
        assertThat(vm.status().get()).matches("200 · \\d+ ms");
        assertThat(vm.responseBody().get()).contains("\"path\" : \"/hello\"");
        assertThat(vm.sentTo().get()).contains("/_aws/lambda-url/");
    }

    @Test
    void onlyLocalhostNamesAreRewritten() {
        assertThat(LocalUrls.sendable("http://abc123.execute-api.localhost:9001/prod/a?b=1"))
                .isEqualTo("http://127.0.0.1:9001/_aws/execute-api/abc123/prod/a?b=1");
        assertThat(LocalUrls.sendable("http://abc.lambda-url.eu-west-1.localhost:9001/"))
                .isEqualTo("http://127.0.0.1:9001/_aws/lambda-url/abc/");
        assertThat(LocalUrls.sendable("http://127.0.0.1:9001/x")).isEqualTo("http://127.0.0.1:9001/x");
        assertThat(LocalUrls.sendable("https://example.com/x")).isEqualTo("https://example.com/x");
        assertThat(ApisViewModel.urlProblem("ftp://x")).isEqualTo("the URL starts with http:// or https://");
    }
}
