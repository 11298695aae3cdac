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
    private final String version;
    private String url;

    /** Finds the CLI (Debian's v2 when present, else the one on PATH); {@code files} receives zips and invoke outputs. */
    public AwsCli(Path files) throws Exception {
        this(files, Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws");
    }

    private AwsCli(Path files, String aws) throws Exception {
        this.files = files;
        this.aws = aws;
        String version = "";
        try {
            version = run(List.of(aws, "--version")).trim();
        } catch (IOException | AssertionError e) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("The AWS CLI is missing in CI: " + aws, e);
            Assumptions.abort("The AWS CLI is not installed (apt-get install awscli; pip install awscli for v1)");
        }
        this.v2 = version.startsWith("aws-cli/2");
        this.version = version;
    }

    /**
     * The CLI of major version 1 or 2: both are on our machines (Debian's v2.9 at /usr/bin/aws with an older
     * botocore, and v1 with a current botocore first on PATH or under pyenv), and they speak different protocols.
     */
    public static AwsCli version(int major, Path files) throws Exception {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/aws"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            candidates.add(Path.of(dir, "aws").toString());
        }
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (var versions = Files.list(pyenv)) {
                versions.map(v -> v.resolve("bin/aws").toString()).sorted().forEach(candidates::add);
            }
        }
        for (String candidate : candidates) {
            if (!Files.isExecutable(Path.of(candidate))) continue;
            try {
                if (run(List.of(candidate, "--version")).trim().startsWith("aws-cli/" + major + ".")) {
                    return new AwsCli(files, candidate);
                }
            } catch (IOException | AssertionError e) {
                // not this one
            }
        }
        if ("true".equals(System.getenv("CI"))) throw new AssertionError("No AWS CLI v" + major + " in " + candidates);
        Assumptions.abort("No AWS CLI v" + major + " found (v2: apt-get install awscli; v1: pip install awscli)");
        throw new IllegalStateException();
    }

    /** e.g. "aws-cli/1.45.11 Python/3.11.7 ...". */
    public String versionText() { return version; }

    public boolean isV2() { return v2; }

    /** {@code aws SERVICE ARGS --endpoint-url URL --output json}, its JSON answer (the call must succeed). */
    public JsonNode call(String service, String... args) throws Exception {
        String out = run(command(service, args));
        return out.isBlank() ? Json.object() : Json.MAPPER.readTree(out);
    }

    /** {@code aws SERVICE ARGS} expected to fail: its output (the CLI's error message). */
    public String fails(String service, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(service, args)).redirectErrorStream(true);
        environment(pb.environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("Timed out: " + out);
        assertThat(p.exitValue()).as("exit status of a call expected to fail; output:\n" + out).isNotZero();
        return out;
    }

    /** {@code aws SERVICE ARGS} with its plain text output (e.g. {@code logs tail}), killed after {@code seconds}. */
    public String text(int seconds, String service, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(service, args)).redirectErrorStream(true);
        environment(pb.environment());
        Path out = files.resolve("out-" + System.nanoTime() + ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return Files.readString(out);
    }

    /** Starts {@code aws SERVICE ARGS} (e.g. {@code logs tail --follow}) writing to a file; the caller stops it. */
    public Process start(Path output, String service, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(service, args)).redirectErrorStream(true);
        environment(pb.environment());
        pb.redirectOutput(output.toFile());
        return pb.start();
    }

    private List<String> command(String service, String... args) {
        List<String> cmd = new ArrayList<>(List.of(aws, service));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", url, "--output", "json"));
        return cmd;
    }

    /** The endpoint the next calls go to. */
    public AwsCli endpoint(String endpointUrl) {
        this.url = endpointUrl;
        return this;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment(pb.environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("Command failed (" + p.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }

    private static void environment(Map<String, String> env) {
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.remove("AWS_ENDPOINT_URL");
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
