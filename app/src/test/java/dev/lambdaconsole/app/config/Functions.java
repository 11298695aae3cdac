package dev.lambdaconsole.app.config;

import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.app.shell.TestConsole;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Functions for the Configuration tests, and what the AWS CLI would send to the console's endpoint. */
final class Functions {
    /** Prints its environment (as a user debugging configuration would) and returns the parts the tests check. */
    static final String ENV_PRINTER = """
            import json, os
            def handler(event, context):
                print(json.dumps(dict(os.environ), sort_keys=True))
                return {"greeting": os.environ.get("GREETING"),
                        "memory": os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")}
            """;

    private Functions() { }

    static FunctionConfig create(TestConsole console, String name) {
        return console.runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", ENV_PRINTER)));
    }

    /** A new function's Configuration tab model, loaded (the tests' task runner is synchronous). */
    static ConfigurationViewModel configuration(TestConsole console, String name) {
        create(console, name);
        ConfigurationViewModel vm = new ConfigurationViewModel(name, console.services.workspace(),
                console.services.engine().settings(), console.tasks);
        vm.load();
        return vm;
    }

    /** Adds a row to an environment or tags table, as typed into its two cells. */
    static KeyValueRow row(KeyValueViewModel table, String key, String value) {
        KeyValueRow row = table.add();
        row.keyProperty().set(key);
        row.valueProperty().set(value);
        return row;
    }

    static InvocationResult invoke(TestConsole console, String name) {
        return console.services.engine().invokeSync(InvocationRequest.of(name, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    /** An HTTP call to the endpoint, as `aws lambda ... --endpoint-url` makes it; returns the status and body. */
    static String call(TestConsole console, String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.services.endpointUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
