package dev.lambdaconsole.simulators.push;

import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push deliveries on a real engine (process backend): queued, then completed by the engine's asynchronous
 * outcome — success, retries exhausted after 1 + 2 attempts — or an error when the function cannot be invoked;
 * each state reaches listeners and the JSON-lines history.
 */
class PushDeliveriesTest {
    @TempDir Path dir;
    LocalRuntime runtime;
    PushDeliveries deliveries;

    @BeforeEach
    void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(dir.resolve("ws")).withBackend("process")
                .withPort(0).withServices(List.of())
                .withSettings(EngineSettings.defaults().withAsyncRetryDelays(List.of(Duration.ofMillis(50)))));
        for (String name : List.of("ok", "boom")) {
            runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12")
                    .handler("lambda_function.lambda_handler").build(), CodeSource.files(Map.of("lambda_function.py",
                    "def lambda_handler(e, c):\n    if e.get('fail'):\n        raise ValueError('no')\n    return e\n")));
        }
        deliveries = new PushDeliveries(runtime.engine(), dir.resolve("state"));
    }

    @AfterEach
    void stop() {
        deliveries.close();
        runtime.close();
    }

    @Test
    void anAsynchronousDeliveryIsQueuedThenSucceeds() throws Exception {
        List<PushDelivery> seen = new CopyOnWriteArrayList<>();
        deliveries.subscribe(seen::add);
        PushDelivery queued = deliveries.invokeAsync("s3", "arn:aws:s3:::b", "ok", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(queued.status()).isEqualTo(PushDelivery.QUEUED);
        assertThat(queued.requestId()).isNotBlank();
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.recent("arn:aws:s3:::b").get(0).status()
                .equals(PushDelivery.SUCCESS));
        PushDelivery done = deliveries.recent("arn:aws:s3:::b").get(0);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.requestId()).isEqualTo(queued.requestId());
        assertThat(done.event()).isEqualTo("{\"n\":1}");
        assertThat(done.invocationType()).isEqualTo("Event");
        assertThat(seen).extracting(PushDelivery::status).containsExactly(PushDelivery.QUEUED, PushDelivery.SUCCESS);
        Path history = dir.resolve("state").resolve(PushDeliveries.FILE);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(history) && Files.readAllLines(history).size() == 2);
        List<String> lines = Files.readAllLines(history);
        assertThat(Json.MAPPER.readTree(lines.get(1)).get("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aFailingFunctionIsRetriedTwiceThenMarkedExhausted() {
        deliveries.invokeAsync("sns", "arn:aws:sns:us-east-1:000000000000:t", "boom",
                "{\"fail\":true}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.recent("arn:aws:sns:us-east-1:000000000000:t")
                .get(0).status().equals(PushDelivery.RETRIES_EXHAUSTED));
        assertThat(deliveries.recent("arn:aws:sns:us-east-1:000000000000:t").get(0).attempts()).isEqualTo(3);
    }

    @Test
    void aMissingFunctionIsRecordedAsAnErrorNotThrown() {
        PushDelivery d = deliveries.invokeAsync("events", "arn:rule", "nobody", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(d.status()).isEqualTo(PushDelivery.ERROR);
        assertThat(d.detail()).contains("nobody");
        assertThat(deliveries.recent(x -> x.source().equals("events"))).singleElement()
                .extracting(PushDelivery::status).isEqualTo(PushDelivery.ERROR);
    }

    @Test
    void aSynchronousDeliveryIsRecordedAsItsSourceSaysIt() {
        deliveries.record(PushDelivery.sync("apigateway", "arn:api", "ok", "req-1", PushDelivery.SUCCESS, 200, 1.5,
                null, "{}"));
        assertThat(deliveries.recent("arn:api")).singleElement().satisfies(d -> {
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.invocationType()).isEqualTo("RequestResponse");
        });
    }
}
