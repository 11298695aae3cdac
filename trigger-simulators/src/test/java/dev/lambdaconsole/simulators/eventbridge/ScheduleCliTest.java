package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.simulators.RecordingFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real firing: a {@code rate(1 minute)} rule made with the AWS CLI v2 invokes its function with the scheduled
 * event at the next minute (at most ~65 s; the scheduler's timing is unit-tested on a set clock in RuleSchedulerTest).
 */
class ScheduleCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        serve.url();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    @Test
    void aRateOfOneMinuteFiresTheScheduledEvent() throws Exception {
        AwsCli cli = AwsCli.version(2, files).endpoint(serve.url());
        Path out = files.resolve("tick.jsonl");
        String fn = RecordingFunction.create(cli, "tick", out);
        Instant created = Instant.now();
        String ruleArn = cli.call("events", "put-rule", "--name", "every-minute", "--schedule-expression",
                "rate(1 minute)").get("RuleArn").asText();
        Instant answered = Instant.now();
        cli.call("events", "put-targets", "--rule", "every-minute", "--targets", "[{\"Id\":\"fn\",\"Arn\":\"" + fn + "\"}]");
        assertThat(cli.call("events", "describe-rule", "--name", "every-minute").get("ScheduleExpression").asText())
                .isEqualTo("rate(1 minute)");

        List<JsonNode> events = RecordingFunction.await(out, 1, Duration.ofSeconds(75), workspace, serve.output);
        JsonNode e = events.get(0);
        assertThat(e.get("version").asText()).isEqualTo("0");
        assertThat(e.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(e.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(e.get("source").asText()).isEqualTo("aws.events");
        assertThat(e.get("account").asText()).matches("\\d{12}");
        assertThat(e.get("region").asText()).isEqualTo("us-east-1");
        assertThat(e.get("resources")).hasSize(1);
        assertThat(e.get("resources").get(0).asText()).isEqualTo(ruleArn);
        assertThat(e.get("detail").isObject() && e.get("detail").isEmpty()).isTrue();
        // the minute after the rule's minute, to the second (the rule was made between created and answered)
        assertThat(e.get("time").asText()).isIn(
                created.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).toString(),
                answered.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).toString());
        cli.call("events", "disable-rule", "--name", "every-minute");
    }
}
