package dev.lambdaconsole.app.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real AWS CLI against a test console's endpoint (what a user types), and the functions of these tests. */
public final class Aws {
    private final String endpoint;

    public Aws(TestConsole console) {
        this.endpoint = console.services.endpointUrl();
        if (!Files.isExecutable(Path.of("/usr/bin/aws")) && !onPath()) {
            // CI installs it (.ci/run): there a missing CLI fails the test instead of skipping what it guards
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("The AWS CLI is missing in CI");
            Assumptions.abort("The AWS CLI is not installed (apt-get install awscli)");
        }
    }

    private static boolean onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "aws"))) return true;
        }
        return false;
    }

    /** {@code aws SERVICE ARGS --endpoint-url … --output json}: its JSON answer (empty object for none). */
    public JsonNode call(String service, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws",
                service));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.remove("AWS_ENDPOINT_URL");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("aws failed: " + cmd + "\n" + out);
        }
        return out.isBlank() ? Json.object() : Json.MAPPER.readTree(out);
    }

    /** A queue's ARN, created. */
    String queue(String name) throws Exception {
        String url = call("sqs", "create-queue", "--queue-name", name).get("QueueUrl").asText();
        return call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn")
                .at("/Attributes/QueueArn").asText();
    }

    /** A bucket whose notification configuration sends created .csv objects to {@code functionArn}. */
    void bucketNotifying(Path files, String bucket, String functionArn) throws Exception {
        call("s3api", "create-bucket", "--bucket", bucket);
        Path config = files.resolve(bucket + "-notification.json");
        Files.writeString(config, "{\"LambdaFunctionConfigurations\":[{\"Id\":\"csv\",\"LambdaFunctionArn\":\""
                + functionArn + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":"
                + "[{\"Name\":\"suffix\",\"Value\":\".csv\"}]}}}]}");
        call("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration",
                "file://" + config);
    }

    /** A Python function that returns its event. */
    static void function(TestConsole console, String name) {
        console.runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler")
                .build(), CodeSource.files(Map.of("app.py", "def handler(event, context):\n    return event\n")));
    }
}
