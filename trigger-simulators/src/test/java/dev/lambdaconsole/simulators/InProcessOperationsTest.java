package dev.lambdaconsole.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.apigateway.ApiGatewayService;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.functionurls.FunctionUrlService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain-Java operations the console calls: the same rules and the same AWS errors as on the wire. */
class InProcessOperationsTest {
    @TempDir static Path workspace;
    static final SimulatorServices simulators = new SimulatorServices();
    static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withBackend("process")
                .withPort(0).withServices(List.of(simulators)));
        runtime.workspace().create(FunctionConfig.builder("target").runtime("python3.12").handler("app.handler").build(),
                CodeSource.files(Map.of("app.py", "def handler(event, context):\n    return event\n")));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void eventBridgeRulesAndTargetsInProcess() {
        EventBridgeService events = simulators.eventBridge().orElseThrow();
        assertThat(EventBridgeService.ruleNameProblem("orders.placed-1")).isEmpty();
        assertThat(EventBridgeService.ruleNameProblem("my rule")).contains("1 validation error detected: Value 'my rule' "
                + "at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertThat(EventBridgeService.ruleNameProblem("x".repeat(65))).isPresent();

        ObjectNode rule = Json.object().put("Name", "every-5").put("ScheduleExpression", "rate(5 minutes)");
        String arn = events.call("PutRule", rule).get("RuleArn").asText();
        assertThat(arn).endsWith(":rule/every-5");
        ObjectNode targets = Json.object().put("Rule", "every-5");
        targets.putArray("Targets").addObject().put("Id", "target").put("Arn",
                runtime.engine().settings().functionArn("target"));
        assertThat(events.call("PutTargets", targets).get("FailedEntryCount").asInt()).isZero();
        assertThat(events.call("ListTargetsByRule", Json.object().put("Rule", "every-5")).get("Targets").get(0)
                .get("Id").asText()).isEqualTo("target");
        assertThat(events.call("ListRules", Json.object()).get("Rules")).extracting(n -> n.get("Name").asText())
                .contains("every-5");
        assertThat(events.call("ListEventBuses", Json.object()).get("EventBuses").get(0).get("Name").asText())
                .isEqualTo("default");
        assertThatThrownBy(() -> events.call("PutRule", Json.object().put("Name", "at-once")
                .put("ScheduleExpression", "at(2030-01-01T00:00:00)")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("Parameter ScheduleExpression is not valid."));
    }

    @Test
    void apiGatewayControlPlaneInProcess() {
        ApiGatewayService apis = simulators.apiGateway();
        assertThat(ApiGatewayService.routeKeyProblem("ANY /{proxy+}")).isEmpty();
        assertThat(ApiGatewayService.routeKeyProblem("GET orders")).hasValueSatisfying(m ->
                assertThat(m).startsWith("Invalid route key GET orders"));
        assertThat(ApiGatewayService.routeKeyProblem("GET /{proxy+}/items")).hasValueSatisfying(m ->
                assertThat(m).contains("a greedy path variable ({name+}) must be the last part of the path"));
        assertThat(ApiGatewayService.resourcePathProblem("/orders/{id}")).isEmpty();
        assertThat(ApiGatewayService.resourcePathProblem("/orders/a b")).hasValueSatisfying(m ->
                assertThat(m).startsWith("Resource's path part only allow").endsWith("(got 'a b')"));
        assertThat(ApiGatewayService.resourcePathProblem("/{proxy+}/x")).contains(
                "Cannot create a child of a resource with a greedy path variable");

        JsonNode api = apis.call("POST", "/v2/apis", Json.object().put("name", "shop").put("protocolType", "HTTP"));
        String id = api.get("apiId").asText();
        assertThat(api.get("apiEndpoint").asText()).isEqualTo(apis.urls().apiEndpoint(id));
        assertThat(apis.call("GET", "/v2/apis", null).get("items")).extracting(n -> n.get("name").asText()).contains("shop");
        assertThatThrownBy(() -> apis.call("POST", "/v2/apis/" + id + "/routes", Json.object().put("routeKey", "GET x")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.code()).isEqualTo("BadRequestException"));
        assertThatThrownBy(() -> apis.call("GET", "/v2/apis/nope", null))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void functionUrlConfigsInProcess() {
        FunctionUrlService urls = simulators.functionUrls().orElseThrow();
        assertThat(urls.functionUrlConfig("target")).isEmpty();
        JsonNode created = urls.createFunctionUrlConfig("target", Json.object().put("AuthType", "NONE"));
        assertThat(created.get("FunctionUrl").asText()).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:\\d+/");
        assertThatThrownBy(() -> urls.createFunctionUrlConfig("target", Json.object().put("AuthType", "NONE")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("ResourceConflictException");
                    assertThat(e.getMessage()).contains("FunctionUrlConfig exists for this Lambda function");
                });
        assertThatThrownBy(() -> urls.updateFunctionUrlConfig("target", Json.object().put("AuthType", "OPEN")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.getMessage())
                        .contains("failed to satisfy constraint: Member must satisfy enum value set: [AWS_IAM, NONE]"));
        assertThat(urls.updateFunctionUrlConfig("target", Json.object().put("AuthType", "AWS_IAM")).get("AuthType")
                .asText()).isEqualTo("AWS_IAM");
        assertThat(urls.functionUrlConfig("target").orElseThrow().get("FunctionUrl").asText())
                .isEqualTo(created.get("FunctionUrl").asText());
    }
}
