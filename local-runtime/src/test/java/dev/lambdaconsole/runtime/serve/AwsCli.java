package dev.lambdaconsole.runtime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeArchive;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real AWS CLI against an endpoint, with throw-away credentials. In CI (CI=true) a missing CLI fails the
 * test; elsewhere the test is aborted with what to install.
 */
public final class AwsCli {
    private final String aws;
    private final boolean v2;
    private final Path files;
    private String url;

    /** Finds the CLI; {@code files} receives zips and invoke outputs. */
    public AwsCli(Path files) throws Exception {
        this.files = files;
        this.aws = Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws";
        String version = "";
        try {
            version = run(List.of(aws, "--version")).trim();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("The AWS CLI is missing in CI", e);
            Assumptions.abort("The AWS CLI is not installed (apt-get install awscli)");
        }
        this.v2 = version.startsWith("aws-cli/2");
    }

    /** The endpoint the next calls go to. */
    public AwsCli endpoint(String endpointUrl) {
        this.url = endpointUrl;
        return this;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("Command failed (" + p.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }

    /** {@code aws lambda ARGS --endpoint-url URL --output json}, its JSON answer. */
    public JsonNode lambda(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aws, "lambda"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", url, "--output", "json"));
        String out = run(cmd);
        return out.isBlank() ? Json.object() : Json.MAPPER.readTree(out);
    }

    /** {@code aws lambda invoke}: the answer's metadata, and the response body under "_body". */
    public JsonNode invoke(String name, String payload, String... extra) throws Exception {
        Path outFile = files.resolve(name + "-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("invoke", "--function-name", name, "--payload", payload));
        if (v2) args.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
        args.addAll(List.of(extra));
        args.add(outFile.toString());
        JsonNode meta = lambda(args.toArray(String[]::new));
        ((ObjectNode) meta).put("_body", Files.exists(outFile) ? Files.readString(outFile) : "");
        return meta;
    }

    /** The folder zipped, as a fileb:// argument. */
    public String zip(String name, Path folder) throws IOException {
        Path zip = files.resolve(name + ".zip");
        Files.write(zip, CodeArchive.zip(folder));
        return "fileb://" + zip;
    }

    /** {@code aws lambda create-function} from a folder of code; asserts the answer names the function. */
    public void create(String name, String runtime, String handler, Path code) throws Exception {
        JsonNode created = lambda("create-function", "--function-name", name, "--runtime", runtime, "--handler", handler,
                "--role", "arn:aws:iam::000000000000:role/lambda", "--zip-file", zip(name, code));
        assertThat(created.get("FunctionName").asText()).isEqualTo(name);
        assertThat(created.get("Runtime").asText()).isEqualTo(runtime);
    }
}
