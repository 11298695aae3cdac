package dev.lambdaconsole.runtime.runtimeapi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Runtime API as a runtime client meets it: paths, headers, status codes and limits of the spec. */
class RuntimeApiProtocolTest {
    static final String BASE = "/2018-06-01/runtime/";
    RuntimeApiServer server;
    RuntimeApiChannel channel;
    RawHttp http;

    @BeforeEach
    void open() throws Exception {
        server = new RuntimeApiServer();
        channel = server.open("127.0.0.1", "127.0.0.1", "fn");
        http = new RawHttp(channel.address());
    }

    @AfterEach
    void close() throws Exception {
        http.close();
        server.close();
    }

    static InvocationEvent event(String id) {
        return new InvocationEvent(id, "{\"k\":1}".getBytes(StandardCharsets.UTF_8), "application/json",
                1_700_000_000_000L, "arn:aws:lambda:us-east-1:000000000000:function:fn", "Root=1-abc;Sampled=0",
                "{\"custom\":{}}", null, null);
    }

    @Test
    void nextDeliversTheEventWithEveryHeader() throws Exception {
        CompletableFuture<RuntimeOutcome> result = channel.dispatch(event("req-1"));
        RawHttp.Reply next = http.send("GET", BASE + "invocation/next", Map.of(), null);
        assertThat(channel.ready()).isCompleted();
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"k\":1}");
        assertThat(next.headers()).containsEntry("lambda-runtime-aws-request-id", "req-1")
                .containsEntry("lambda-runtime-deadline-ms", "1700000000000")
                .containsEntry("lambda-runtime-invoked-function-arn", "arn:aws:lambda:us-east-1:000000000000:function:fn")
                .containsEntry("lambda-runtime-trace-id", "Root=1-abc;Sampled=0")
                .containsEntry("lambda-runtime-client-context", "{\"custom\":{}}")
                .doesNotContainKey("lambda-runtime-cognito-identity");
        RawHttp.Reply ok = http.send("POST", BASE + "invocation/req-1/response", Map.of("Content-Type", "text/plain"),
                "done".getBytes());
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.body()).isEqualTo("{\"status\":\"OK\"}");
        RuntimeOutcome.Success s = (RuntimeOutcome.Success) result.get(5, TimeUnit.SECONDS);
        assertThat(new String(s.body())).isEqualTo("done");
        assertThat(s.contentType()).isEqualTo("text/plain");
    }

    @Test
    void aWrongOrRepeatedRequestIdIsRejected() throws Exception {
        channel.dispatch(event("req-2"));
        http.send("GET", BASE + "invocation/next", Map.of(), null);
        RawHttp.Reply wrong = http.send("POST", BASE + "invocation/other/response", Map.of(), "{}".getBytes());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"errorType\":\"InvalidRequestID\"");
        assertThat(http.send("POST", BASE + "invocation/req-2/response", Map.of(), "{}".getBytes()).status()).isEqualTo(202);
        assertThat(http.send("POST", BASE + "invocation/req-2/response", Map.of(), "{}".getBytes()).status()).isEqualTo(400);
    }

    @Test
    void errorsArePassedThroughWithTheirType() throws Exception {
        CompletableFuture<RuntimeOutcome> result = channel.dispatch(event("req-3"));
        http.send("GET", BASE + "invocation/next", Map.of(), null);
        String body = "{\"errorMessage\":\"boom\",\"errorType\":\"KeyError\",\"stackTrace\":[]}";
        assertThat(http.send("POST", BASE + "invocation/req-3/error",
                Map.of("Lambda-Runtime-Function-Error-Type", "Unhandled"), body.getBytes()).status()).isEqualTo(202);
        RuntimeOutcome.FunctionError e = (RuntimeOutcome.FunctionError) result.get(5, TimeUnit.SECONDS);
        assertThat(new String(e.body())).isEqualTo(body);
        assertThat(e.errorType()).isEqualTo("Unhandled");
    }

    @Test
    void aResponseOverSixMegabytesIsRefusedAndReportedToTheInvoker() throws Exception {
        CompletableFuture<RuntimeOutcome> result = channel.dispatch(event("req-4"));
        http.send("GET", BASE + "invocation/next", Map.of(), null);
        byte[] big = new byte[RuntimeApiChannel.MAX_RESPONSE + 1];
        RawHttp.Reply reply = http.send("POST", BASE + "invocation/req-4/response", Map.of(), big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("RequestEntityTooLarge");
        RuntimeOutcome.FunctionError e = (RuntimeOutcome.FunctionError) result.get(5, TimeUnit.SECONDS);
        assertThat(e.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(new String(e.body())).contains("Response payload size (6291557 bytes) exceeded maximum allowed "
                + "payload size (6291556 bytes).");
    }

    @Test
    void aStreamedResponseReportsAMidStreamErrorInTrailers() throws Exception {
        CompletableFuture<RuntimeOutcome> result = channel.dispatch(event("req-5"));
        http.send("GET", BASE + "invocation/next", Map.of(), null);
        String error = "{\"errorMessage\":\"late\",\"errorType\":\"StreamError\"}";
        RawHttp.Reply reply = http.sendChunked(BASE + "invocation/req-5/response",
                Map.of("Lambda-Runtime-Function-Response-Mode", "streaming"), "partial",
                Map.of("Lambda-Runtime-Function-Error-Type", "StreamError",
                        "Lambda-Runtime-Function-Error-Body", Base64.getEncoder().encodeToString(error.getBytes())));
        assertThat(reply.status()).isEqualTo(202);
        RuntimeOutcome.FunctionError e = (RuntimeOutcome.FunctionError) result.get(5, TimeUnit.SECONDS);
        assertThat(e.errorType()).isEqualTo("StreamError");
        assertThat(new String(e.body())).isEqualTo(error);
    }

    @Test
    void aStreamedResponseWithoutErrorSucceeds() throws Exception {
        CompletableFuture<RuntimeOutcome> result = channel.dispatch(event("req-6"));
        http.send("GET", BASE + "invocation/next", Map.of(), null);
        http.sendChunked(BASE + "invocation/req-6/response", Map.of("Lambda-Runtime-Function-Response-Mode", "streaming"),
                "all of it", Map.of("X-Other", "1"));
        assertThat(new String(((RuntimeOutcome.Success) result.get(5, TimeUnit.SECONDS)).body())).isEqualTo("all of it");
        RawHttp.Reply bad = http.send("POST", BASE + "invocation/req-6/response",
                Map.of("Lambda-Runtime-Function-Response-Mode", "buffered"), "{}".getBytes());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("InvalidFunctionResponseMode");
    }

    @Test
    void initErrorFailsReadinessAndLaterCallsAreInvalidTransitions() throws Exception {
        String body = "{\"errorMessage\":\"Unable to import module 'x'\",\"errorType\":\"Runtime.ImportModuleError\"}";
        RawHttp.Reply reply = http.send("POST", BASE + "init/error",
                Map.of("Lambda-Runtime-Function-Error-Type", "Runtime.ImportModuleError"), body.getBytes());
        assertThat(reply.status()).isEqualTo(202);
        assertThatThrownBy(() -> channel.ready().get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InitErrorException.class);
        assertThat(http.send("GET", BASE + "invocation/next", Map.of(), null).status()).isEqualTo(403);
    }

    @Test
    void pingLogsAndTelemetry() throws Exception {
        assertThat(http.send("GET", "/2018-06-01/ping", Map.of(), null).body()).isEqualTo("pong");
        RawHttp.Reply logs = http.send("PUT", "/2020-08-15/logs", Map.of(), "{}".getBytes());
        assertThat(logs.status()).isEqualTo(202);
        assertThat(logs.body()).contains("Logs.NotSupported");
        assertThat(http.send("PUT", "/2022-07-01/telemetry", Map.of(), "{}".getBytes()).body())
                .contains("Telemetry.NotSupported");
    }

    @Test
    void eachEnvironmentHasItsOwnPortAndClosingReleasesIt() throws Exception {
        RuntimeApiChannel other = server.open("127.0.0.1", "127.0.0.1", "fn2");
        assertThat(other.address()).isNotEqualTo(channel.address()).startsWith("127.0.0.1:");
        assertThat(server.openEndpoints()).isEqualTo(2);
        other.close();
        assertThat(server.openEndpoints()).isEqualTo(1);
    }
}
