package dev.lambdaconsole.simulators.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library has every source and type of {@code sam local generate-event} (26 sources, 68 types) under the same
 * names, and the events SAM lacks.
 */
class EventCatalogueTest {
    static final String SAM = """
            alexa-skills-kit: end-session intent-answer intent-getnewfact intent-mycoloris intent-recipe start-session
            alexa-smart-home: smart-home-control-turn-off-request smart-home-control-turn-on-request smart-home-discovery-request
            alb: request
            apigateway: authorizer request-authorizer aws-proxy http-api-proxy
            appsync: resolver
            batch: get-job submit-job
            cloudformation: create-request
            cloudfront: ab-test access-request-in-response http-redirect modify-querystring modify-response-header multiple-remote-calls-aggregate-response normalize-querystring-to-improve-cache-hit redirect-on-viewer-country redirect-unauthenticated-users response-generation serve-object-on-viewer-device simple-remote-call
            cloudwatch: logs scheduled-event
            codecommit: repository
            codepipeline: job
            cognito: sync-trigger
            config: item-change-notification oversized-item-change-notification periodic-rule
            connect: contact-flow-event
            dynamodb: update
            kinesis: get-records kinesis-firehose analytics analytics-compressed analytics-dynamodb analytics-kpl apachelog cloudwatch-logs-processor streams-as-source syslog
            lex: book-car book-hotel make-appointment order-flowers
            lex-v2: banking-bot book-car book-hotel
            rekognition: s3-request
            s3: batch-invocation delete put
            sagemaker: ground-truth-pre-human ground-truth-annotation-consolidation
            ses: email-receiving
            sns: notification
            sqs: receive-message
            stepfunctions: error
            workmail: email
            """;
    static final String EXTRAS = """
            eventbridge: custom-event
            lambda-url: request
            apigateway-websocket: connect message disconnect
            cognito-user-pool: pre-sign-up post-confirmation pre-token-generation custom-message
            kafka: msk self-managed
            mq: activemq rabbitmq
            secretsmanager: rotation
            iot: rule
            dynamodb: insert remove
            sqs: receive-message-fifo
            s3: restore-completed lifecycle-expiration
            lambda: destination-on-success destination-on-failure stream-on-failure
            cloudfront: viewer-request viewer-response origin-request origin-response
            """;
    final EventLibrary library = EventLibrary.load();

    static List<String> pairs(String table) {
        List<String> out = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.split(":");
            for (String type : parts[1].trim().split(" ")) out.add(parts[0].trim() + " " + type);
        }
        return out;
    }

    List<String> present() {
        return library.types().stream().map(t -> t.source() + " " + t.type()).toList();
    }

    @Test
    void everySamSourceAndType() {
        List<String> sam = pairs(SAM);
        assertThat(sam).hasSize(68);
        assertThat(sam.stream().map(p -> p.split(" ")[0]).distinct()).hasSize(26);
        assertThat(present()).containsAll(sam);
    }

    @Test
    void theEventsSamLacks() {
        assertThat(present()).containsAll(pairs(EXTRAS));
    }

    @Test
    void everyTypeIsDescribedAndItsSourceToo() {
        assertThat(library.types()).allSatisfy(t -> assertThat(t.description()).as(t.source() + " " + t.type()).isNotBlank());
        assertThat(library.sources()).allSatisfy(s -> assertThat(library.sourceDescription(s)).isNotEqualTo(s));
    }
}
