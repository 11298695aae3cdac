package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The functions the trigger form tests add triggers to, and a plain HTTP client for the URLs they make. */
final class FormFunctions {
    /** Answers an API Gateway or Function URL request with the event's path and version. */
    static final String WEB = """
            import json
            def handler(event, context):
                path = event.get("rawPath") or event.get("path")
                return {"statusCode": 200, "headers": {"content-type": "application/json"},
                        "body": json.dumps({"path": path, "version": event.get("version"), "function": context.function_name})}
            """;
    /** An HTTP API REQUEST authorizer with simple responses: lets in requests with x-token: open. */
    static final String AUTHORIZER = """
            def handler(event, context):
                return {"isAuthorized": (event.get("headers") or {}).get("x-token") == "open"}
            """;

    private FormFunctions() { }

    static void create(TestConsole console, String name, String code) {
        console.runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler")
                .timeout(20).build(), CodeSource.files(Map.of("app.py", code)));
    }

    static String arn(TestConsole console, String name) { return console.runtime.engine().settings().functionArn(name); }

    /** GET url (with optional header pairs); "status body". */
    static String get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One AWSEvents operation over HTTP, as the AWS CLI sends it; "status body". */
    static String events(TestConsole console, String operation, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.services.endpointUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSEvents." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261203/us-east-1/events/aws4_request, "
                        + "SignedHeaders=host, Signature=0").build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
