package dev.lambdaconsole.runtime.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions and aliases through the real AWS CLI (v2 and v1) and the SDK for Java v2 against the local endpoint
 * (process backend): publish, list, aliases with weighted routing, qualified invokes and reads, and Lambda's
 * precondition failures.
 */
class VersionsAliasesCliIT {
    static final String ACCOUNT_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
    @TempDir static Path workspace;
    @TempDir static Path files;
    static TestRuntime rt;
    static LambdaClient sdk;

    @BeforeAll
    static void start() {
        rt = new TestRuntime(workspace);
        sdk = LambdaClient.builder().endpointOverride(URI.create(rt.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        if (sdk != null) sdk.close();
        if (rt != null) rt.close();
    }

    /** A folder with a Python handler that answers {@code code}. */
    static Path code(String name, String code) throws Exception {
        Path dir = Files.createDirectories(files.resolve(name + "-" + code));
        Files.writeString(dir.resolve("app.py"), "def handler(event, context):\n"
                + "    return {\"code\": \"" + code + "\", \"version\": context.function_version}\n");
        return dir;
    }

    /** create-function, publish v1, change the code, publish v2: the two versions' code differs. */
    static void twoVersions(AwsCli cli, String name) throws Exception {
        cli.create(name, "python3.12", "app.handler", code(name, "one"));
        JsonNode v1 = cli.lambda("publish-version", "--function-name", name, "--description", "first");
        assertThat(v1.get("Version").asText()).isEqualTo("1");
        assertThat(v1.get("FunctionArn").asText()).isEqualTo(ACCOUNT_ARN + name + ":1");
        assertThat(v1.get("Description").asText()).isEqualTo("first");
        assertThat(v1.get("State").asText()).isEqualTo("Active");
        cli.lambda("update-function-code", "--function-name", name, "--zip-file", cli.zip(name + "-two", code(name, "two")));
        JsonNode v2 = cli.lambda("publish-version", "--function-name", name);
        assertThat(v2.get("Version").asText()).isEqualTo("2");
        assertThat(v2.get("CodeSha256").asText()).isNotEqualTo(v1.get("CodeSha256").asText());
        JsonNode again = cli.lambda("publish-version", "--function-name", name, "--description", "nothing changed");
        assertThat(again.get("Version").asText()).as("unchanged code and configuration: the last version").isEqualTo("2");
        assertThat(again.get("RevisionId").asText()).isEqualTo(v2.get("RevisionId").asText());
    }

    @Test
    void weightedAliasSendsItsShareToTheSecondVersion() throws Exception {
        AwsCli cli = new AwsCli(files).endpoint(rt.url());
        twoVersions(cli, "weighted");
        JsonNode alias = cli.lambda("create-alias", "--function-name", "weighted", "--name", "live",
                "--function-version", "1", "--routing-config", "{\"AdditionalVersionWeights\": {\"2\": 0.3}}");
        assertThat(alias.get("AliasArn").asText()).isEqualTo(ACCOUNT_ARN + "weighted:live");
        assertThat(alias.at("/RoutingConfig/AdditionalVersionWeights/2").asDouble()).isEqualTo(0.3);

        int n = 1000;
        int onSecond = 0;
        for (int i = 0; i < n; i++) {
            InvokeResponse r = sdk.invoke(b -> b.functionName("weighted").qualifier("live")
                    .payload(SdkBytes.fromUtf8String("{}")));
            JsonNode body = Json.MAPPER.readTree(r.payload().asByteArray());
            assertThat(r.executedVersion()).isIn("1", "2");
            assertThat(body.get("version").asText()).isEqualTo(r.executedVersion());
            assertThat(body.get("code").asText()).isEqualTo(r.executedVersion().equals("1") ? "one" : "two");
            if (r.executedVersion().equals("2")) onSecond++;
        }
        assertThat(onSecond).as("invocations on version 2 of " + n).isBetween(250, 350);

        JsonNode viaCli = cli.invoke("weighted", "{}", "--qualifier", "live");
        assertThat(viaCli.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(viaCli.get("ExecutedVersion").asText()).isIn("1", "2");
        JsonNode second = cli.invoke("weighted:2", "{}");
        assertThat(second.get("ExecutedVersion").asText()).isEqualTo("2");
        assertThat(second.get("_body").asText()).contains("\"code\": \"two\"");
        assertThat(cli.invoke("weighted", "{}").get("ExecutedVersion").asText()).isEqualTo("$LATEST");

        // each version logs to its own streams, named [N] as in Lambda
        rt.runtime().logs().flush();
        JsonNode streams = cli.call("logs", "describe-log-streams", "--log-group-name", "/aws/lambda/weighted");
        List<String> names = new ArrayList<>();
        streams.get("logStreams").forEach(s -> names.add(s.get("logStreamName").asText()));
        assertThat(names).anyMatch(s -> s.matches("\\d{4}/\\d\\d/\\d\\d/\\[1\\][0-9a-f]{32}"))
                .anyMatch(s -> s.matches("\\d{4}/\\d\\d/\\d\\d/\\[2\\][0-9a-f]{32}"))
                .anyMatch(s -> s.contains("/[$LATEST]"));
    }

    @Test
    void listVersionsAndGetAliasAsAwsShowsThem() throws Exception {
        for (int major : new int[] {2, 1}) {
            AwsCli cli = AwsCli.version(major, files).endpoint(rt.url());
            String name = "listed-v" + major;
            twoVersions(cli, name);
            JsonNode listed = cli.lambda("list-versions-by-function", "--function-name", name);
            List<String> versions = new ArrayList<>();
            List<String> arns = new ArrayList<>();
            listed.get("Versions").forEach(v -> {
                versions.add(v.get("Version").asText());
                arns.add(v.get("FunctionArn").asText());
            });
            assertThat(versions).as(cli.versionText()).containsExactly("$LATEST", "1", "2");
            assertThat(arns).containsExactly(ACCOUNT_ARN + name + ":$LATEST", ACCOUNT_ARN + name + ":1",
                    ACCOUNT_ARN + name + ":2");
            assertThat(listed.get("Versions").get(1).get("Description").asText()).isEqualTo("first");

            cli.lambda("create-alias", "--function-name", name, "--name", "prod", "--function-version", "2",
                    "--description", "production");
            JsonNode alias = cli.lambda("get-alias", "--function-name", name, "--name", "prod");
            assertThat(alias.get("AliasArn").asText()).isEqualTo(ACCOUNT_ARN + name + ":prod");
            assertThat(alias.get("Name").asText()).isEqualTo("prod");
            assertThat(alias.get("FunctionVersion").asText()).isEqualTo("2");
            assertThat(alias.get("Description").asText()).isEqualTo("production");
            assertThat(alias.get("RevisionId").asText()).matches("[0-9a-f-]{36}");
            assertThat(alias.has("RoutingConfig")).isFalse();
            assertThat(cli.lambda("list-aliases", "--function-name", name).get("Aliases")).hasSize(1);

            JsonNode viaAlias = cli.lambda("get-function-configuration", "--function-name", name, "--qualifier", "prod");
            assertThat(viaAlias.get("Version").asText()).isEqualTo("2");
            assertThat(viaAlias.get("FunctionArn").asText()).isEqualTo(ACCOUNT_ARN + name + ":prod");
            JsonNode v1 = cli.lambda("get-function", "--function-name", name + ":1");
            assertThat(v1.at("/Configuration/Version").asText()).isEqualTo("1");
            assertThat(v1.at("/Code/Location").asText()).endsWith("/" + name + "/1.zip");
            assertThat(cli.fails("lambda", "get-function", "--function-name", name, "--qualifier", "9"))
                    .contains("ResourceNotFoundException").contains(ACCOUNT_ARN + name + ":9");

            assertThat(cli.fails("lambda", "delete-function", "--function-name", name, "--qualifier", "2"))
                    .as("an alias points at it").contains("ResourceConflictException");
            cli.lambda("delete-function", "--function-name", name, "--qualifier", "1");
            assertThat(cli.lambda("list-versions-by-function", "--function-name", name).get("Versions")).hasSize(2);
        }
        ListVersionsByFunctionResponse page = sdk.listVersionsByFunction(b -> b.functionName("listed-v2").maxItems(1));
        assertThat(page.versions()).extracting(FunctionConfiguration::version).containsExactly("$LATEST");
        assertThat(page.nextMarker()).isNotNull();
        ListVersionsByFunctionResponse rest = sdk.listVersionsByFunction(b -> b.functionName("listed-v2")
                .marker(page.nextMarker()));
        assertThat(rest.versions()).extracting(FunctionConfiguration::version).containsExactly("2");
        assertThat(rest.nextMarker()).isNull();
    }

    @Test
    void publishOnCreateAndCodeUpdateAndTheAliasErrors() throws Exception {
        AwsCli cli = new AwsCli(files).endpoint(rt.url());
        JsonNode created = cli.lambda("create-function", "--function-name", "published", "--runtime", "python3.12",
                "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/lambda", "--zip-file",
                cli.zip("published-one", code("published", "one")), "--publish");
        assertThat(created.get("Version").asText()).isEqualTo("1");
        assertThat(created.get("FunctionArn").asText()).isEqualTo(ACCOUNT_ARN + "published:1");
        JsonNode updated = cli.lambda("update-function-code", "--function-name", "published", "--zip-file",
                cli.zip("published-two", code("published", "two")), "--publish");
        assertThat(updated.get("Version").asText()).isEqualTo("2");
        assertThat(cli.invoke("published", "{}", "--qualifier", "1").get("_body").asText()).contains("\"code\": \"one\"");

        cli.lambda("create-alias", "--function-name", "published", "--name", "live", "--function-version", "1");
        assertThat(cli.fails("lambda", "create-alias", "--function-name", "published", "--name", "live",
                "--function-version", "2")).contains("ResourceConflictException")
                .contains("Alias already exists: " + ACCOUNT_ARN + "published:live");
        assertThat(cli.fails("lambda", "get-alias", "--function-name", "published", "--name", "gone"))
                .contains("ResourceNotFoundException").contains("Alias not found: " + ACCOUNT_ARN + "published:gone");
        assertThat(cli.fails("lambda", "create-alias", "--function-name", "published", "--name", "canary",
                "--function-version", "1", "--routing-config", "{\"AdditionalVersionWeights\": {\"2\": 1.5}}"))
                .contains("ValidationException");
        assertThat(cli.fails("lambda", "create-alias", "--function-name", "published", "--name", "canary",
                "--function-version", "7")).contains("ResourceNotFoundException");
        assertThat(cli.fails("lambda", "invoke", "--function-name", "published", "--qualifier", "gone",
                files.resolve("gone.json").toString())).contains("ResourceNotFoundException")
                .contains(ACCOUNT_ARN + "published:gone");
        assertThat(cli.fails("lambda", "delete-function", "--function-name", "published", "--qualifier", "live"))
                .contains("InvalidParameterValueException");
        cli.lambda("delete-alias", "--function-name", "published", "--name", "live");
        assertThat(cli.lambda("list-aliases", "--function-name", "published").get("Aliases")).isEmpty();
    }

    @Test
    void aStaleRevisionIdIsAPreconditionFailure() throws Exception {
        for (int major : new int[] {2, 1}) {
            AwsCli cli = AwsCli.version(major, files).endpoint(rt.url());
            String name = "guarded-v" + major;
            twoVersions(cli, name);
            JsonNode alias = cli.lambda("create-alias", "--function-name", name, "--name", "live",
                    "--function-version", "1");
            String revision = alias.get("RevisionId").asText();
            JsonNode moved = cli.lambda("update-alias", "--function-name", name, "--name", "live",
                    "--function-version", "2", "--revision-id", revision);
            assertThat(moved.get("FunctionVersion").asText()).isEqualTo("2");
            assertThat(cli.fails("lambda", "update-alias", "--function-name", name, "--name", "live",
                    "--function-version", "1", "--revision-id", revision))
                    .as(cli.versionText()).contains("PreconditionFailedException");
            assertThat(cli.lambda("get-alias", "--function-name", name, "--name", "live").get("FunctionVersion")
                    .asText()).isEqualTo("2");

            String latestRevision = cli.lambda("get-function", "--function-name", name).at("/Configuration/RevisionId")
                    .asText();
            cli.lambda("update-function-configuration", "--function-name", name, "--timeout", "9");
            assertThat(cli.fails("lambda", "publish-version", "--function-name", name, "--revision-id", latestRevision))
                    .contains("PreconditionFailedException");
            assertThat(cli.fails("lambda", "publish-version", "--function-name", name, "--code-sha256", "AAAA"))
                    .contains("InvalidParameterValueException");
        }
    }
}
