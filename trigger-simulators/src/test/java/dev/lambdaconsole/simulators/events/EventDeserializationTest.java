package dev.lambdaconsole.simulators.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFrontEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.CodeCommitEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoEvent;
import com.amazonaws.services.lambda.runtime.events.ConfigEvent;
import com.amazonaws.services.lambda.runtime.events.ConnectEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first half of the library's events (SAM's alexa … dynamodb sources), read by aws-lambda-java-serialization
 * exactly as the Java runtime reads them, with the key fields a handler would use. One row per event type.
 */
class EventDeserializationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventLibrary LIBRARY = EventLibrary.load();
    private static final java.util.Set<String> WITH_RESPONSE = java.util.Set.of(
            "viewer-response", "origin-response", "access-request-in-response", "modify-response-header");

    /** One event type, the class the runtime gives the handler, and what the handler must find in it. */
    record Row<T>(String source, String type, Class<T> clazz, Consumer<T> check) {
        @Override
        public String toString() {
            return source + " " + type + " as " + clazz.getSimpleName();
        }

        void verify() {
            String json = LIBRARY.generate(source, type, Map.of()).toString();
            T event = LambdaEventSerializers.serializerFor(clazz, EventDeserializationTest.class.getClassLoader()).fromJson(json);
            assertThat(event).isNotNull();
            check.accept(event);
        }
    }

    private static <T> Row<T> row(String source, String type, Class<T> clazz, Consumer<T> check) {
        return new Row<>(source, type, clazz, check);
    }

    static Stream<Row<?>> rows() {
        Stream<Row<?>> fixed = Stream.of(
                row("apigateway", "aws-proxy", APIGatewayProxyRequestEvent.class, e -> {
                    assertThat(e.getHttpMethod()).isEqualTo("POST");
                    assertThat(e.getPath()).isEqualTo("/orders/42");
                    assertThat(e.getResource()).isEqualTo("/orders/{orderId}");
                    assertThat(e.getPathParameters()).containsEntry("orderId", "42");
                    assertThat(e.getMultiValueHeaders().get("Accept")).containsExactly("application/json");
                    e.getHeaders().forEach((name, value) -> assertThat(e.getMultiValueHeaders().get(name)).containsExactly(value));
                    assertThat(e.getBody()).isEqualTo("{\"item\":\"book\",\"quantity\":1}");
                    assertThat(e.getIsBase64Encoded()).isFalse();
                    assertThat(e.getRequestContext().getStage()).isEqualTo("prod");
                    assertThat(e.getRequestContext().getPath()).isEqualTo("/prod/orders/42");
                    assertThat(e.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.25");
                    assertRecent(Instant.ofEpochMilli(e.getRequestContext().getRequestTimeEpoch()));
                }),
                row("apigateway", "http-api-proxy", APIGatewayV2HTTPEvent.class, e -> {
                    assertThat(e.getVersion()).isEqualTo("2.0");
                    assertThat(e.getRouteKey()).isEqualTo("POST /orders/{orderId}");
                    assertThat(e.getRawPath()).isEqualTo("/orders/42");
                    assertThat(e.getCookies()).contains("theme=dark");
                    assertThat(e.getHeaders()).containsEntry("content-type", "application/json");
                    assertThat(e.getQueryStringParameters()).containsEntry("tag", "a,b");
                    assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
                    assertThat(e.getRequestContext().getStage()).isEqualTo("$default");
                    assertRecent(Instant.ofEpochMilli(e.getRequestContext().getTimeEpoch()));
                }),
                row("apigateway", "authorizer", APIGatewayCustomAuthorizerEvent.class, e -> {
                    assertThat(e.getType()).isEqualTo("TOKEN");
                    assertThat(e.getAuthorizationToken()).isEqualTo("Bearer allow-me");
                    assertThat(e.getMethodArn()).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/orders");
                }),
                row("apigateway", "request-authorizer", APIGatewayCustomAuthorizerEvent.class, e -> {
                    assertThat(e.getType()).isEqualTo("REQUEST");
                    assertThat(e.getMethodArn()).endsWith("/prod/GET/orders/42");
                    assertThat(e.getHttpMethod()).isEqualTo("GET");
                    assertThat(e.getHeaders()).containsEntry("Authorization", "Bearer allow-me");
                    assertThat(e.getPathParameters()).containsEntry("orderId", "42");
                    assertThat(e.getRequestContext().getRequestId()).isNotBlank();
                }),
                row("alb", "request", ApplicationLoadBalancerRequestEvent.class, e -> {
                    assertThat(e.getHttpMethod()).isEqualTo("GET");
                    assertThat(e.getPath()).isEqualTo("/orders");
                    assertThat(e.getRequestContext().getElb().getTargetGroupArn())
                            .isEqualTo("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-orders/6d0ecf831eec9f09");
                    assertThat(e.getQueryStringParameters()).containsEntry("status", "PAID");
                    assertThat(e.getIsBase64Encoded()).isFalse();
                }),
                row("cloudwatch", "logs", CloudWatchLogsEvent.class, e -> {
                    JsonNode doc = gunzipJson(e.getAwsLogs().getData());
                    assertThat(doc.get("logGroup").asText()).isEqualTo("/aws/lambda/orders");
                    assertThat(doc.at("/logEvents/0/message").asText()).isEqualTo("ERROR order 42 failed: payment declined");
                    assertThat(doc.at("/logEvents/0/id").asText()).hasSize(56).containsOnlyDigits();
                }),
                row("cloudwatch", "scheduled-event", ScheduledEvent.class, e -> {
                    assertThat(e.getDetailType()).isEqualTo("Scheduled Event");
                    assertThat(e.getSource()).isEqualTo("aws.events");
                    assertThat(e.getResources()).containsExactly("arn:aws:events:us-east-1:123456789012:rule/nightly-cleanup");
                    assertRecent(Instant.ofEpochMilli(e.getTime().getMillis()));
                    assertThat(e.getDetail()).isEmpty();
                }),
                row("codecommit", "repository", CodeCommitEvent.class, e -> {
                    CodeCommitEvent.Record r = e.getRecords().get(0);
                    assertThat(r.getEventSourceArn()).isEqualTo("arn:aws:codecommit:us-east-1:123456789012:orders-service");
                    assertThat(r.getCodeCommit().getReferences().get(0).getRef()).isEqualTo("refs/heads/main");
                    assertThat(r.getCodeCommit().getReferences().get(0).getCommit()).hasSize(40);
                    assertThat(r.getEventTotalParts()).isEqualTo(1);
                    assertRecent(Instant.ofEpochMilli(r.getEventTime().getMillis()));
                }),
                row("cognito", "sync-trigger", CognitoEvent.class, e -> {
                    assertThat(e.getVersion()).isEqualTo(2);
                    assertThat(e.getEventType()).isEqualTo("SyncTrigger");
                    assertThat(e.getDatasetRecords().get("theme").getNewValue()).isEqualTo("dark");
                    assertThat(e.getDatasetRecords().get("theme").getOp()).isEqualTo("replace");
                }),
                row("cloudformation", "create-request", CloudFormationCustomResourceEvent.class, e -> {
                    assertThat(e.getRequestType()).isEqualTo("Create");
                    assertThat(e.getResourceType()).isEqualTo("Custom::SeedData");
                    assertThat(e.getResponseUrl()).startsWith("https://");
                    assertThat(e.getServiceToken()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:seed-data");
                    assertThat(e.getResourceProperties()).containsEntry("TableName", "orders");
                }),
                row("connect", "contact-flow-event", ConnectEvent.class, e -> {
                    assertThat(e.getName()).isEqualTo("ContactFlowEvent");
                    assertThat(e.getDetails().getContactData().getCustomerEndpoint().getAddress()).isEqualTo("+12065550100");
                    assertThat(e.getDetails().getContactData().getChannel()).isEqualTo("VOICE");
                    assertThat(e.getDetails().getParameters()).containsEntry("lookup", "order-status");
                }),
                row("dynamodb", "update", DynamodbEvent.class, e -> {
                    DynamodbEvent.DynamodbStreamRecord r = e.getRecords().get(0);
                    assertThat(r.getEventName()).isEqualTo("MODIFY");
                    assertThat(r.getEventSourceARN()).startsWith("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/");
                    assertThat(r.getDynamodb().getOldImage().get("Status").getS()).isEqualTo("PENDING");
                    assertThat(r.getDynamodb().getNewImage().get("Status").getS()).isEqualTo("PAID");
                    assertThat(r.getDynamodb().getNewImage().get("Total").getN()).isEqualTo("59.90");
                    assertThat(r.getDynamodb().getNewImage().get("Tags").getSS()).containsExactly("gift", "priority");
                    assertRecent(r.getDynamodb().getApproximateCreationDateTime().toInstant());
                }));
        Stream<Row<?>> config = Stream.of("item-change-notification", "oversized-item-change-notification", "periodic-rule")
                .map(type -> row("config", type, ConfigEvent.class, e -> {
                    JsonNode invoking = parse(e.getInvokingEvent());
                    assertThat(invoking.get("messageType").asText()).isEqualTo(switch (type) {
                        case "item-change-notification" -> "ConfigurationItemChangeNotification";
                        case "oversized-item-change-notification" -> "OversizedConfigurationItemChangeNotification";
                        default -> "ScheduledNotification";
                    });
                    assertThat(parse(e.getRuleParameters()).get("mode").asText()).isEqualTo("strict");
                    assertThat(e.getConfigRuleName()).isEqualTo("s3-bucket-versioning-enabled");
                    assertThat(e.getResultToken()).isNotBlank();
                }));
        Stream<Row<?>> cloudfront = LIBRARY.types().stream().filter(t -> t.source().equals("cloudfront"))
                .map(t -> row("cloudfront", t.type(), CloudFrontEvent.class, e -> {
                    CloudFrontEvent.CF cf = e.getRecords().get(0).getCf();
                    assertThat(cf.getConfig().getDistributionId()).isEqualTo(defaultOf(t, "distribution-id"));
                    assertThat(cf.getRequest().getUri()).isEqualTo(defaultOf(t, "uri"));
                    assertThat(cf.getRequest().getClientIp()).isEqualTo(defaultOf(t, "client-ip"));
                    assertThat(cf.getRequest().getHeaders().get("host").get(0).getValue())
                            .isEqualTo(defaultOf(t, "distribution-domain"));
                    if (WITH_RESPONSE.contains(t.type())) {
                        assertThat(cf.getResponse().getStatus()).isEqualTo("200");
                        assertThat(cf.getResponse().getHeaders().get("content-type").get(0).getKey()).isEqualTo("Content-Type");
                    } else {
                        assertThat(cf.getResponse()).isNull();
                    }
                }));
        return Stream.of(fixed, config, cloudfront).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theJavaRuntimeReadsTheEvent(Row<?> row) {
        row.verify();
    }

    private static String defaultOf(EventType type, String param) {
        return type.params().stream().filter(p -> p.name().equals(param)).findFirst()
                .orElseThrow(() -> new AssertionError(type.source() + " " + type.type() + " has no --" + param))
                .defaultValue();
    }

    private static void assertRecent(Instant instant) {
        assertThat(instant).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode gunzipJson(String base64) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
