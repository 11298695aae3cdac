package dev.lambdaconsole.simulators.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.ActiveMQEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFrontEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.IoTButtonEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsStreamsInputPreprocessingEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import com.amazonaws.services.lambda.runtime.events.LambdaDestinationEvent;
import com.amazonaws.services.lambda.runtime.events.LexEvent;
import com.amazonaws.services.lambda.runtime.events.RabbitMQEvent;
import com.amazonaws.services.lambda.runtime.events.S3BatchEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SecretsManagerRotationEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The second half of the library's events, read by aws-lambda-java-serialization exactly as the Java runtime reads
 * them (its Jackson set-up and mixins), with the key fields a handler would use.
 */
class EventDeserializationMoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventLibrary library = EventLibrary.load();

    private <T> T read(Class<T> type, String source, String eventType) {
        String json = render(source, eventType);
        return LambdaEventSerializers.serializerFor(type, getClass().getClassLoader()).fromJson(json);
    }

    private String render(String source, String eventType) {
        return library.generate(source, eventType, Map.of()).toString();
    }

    private static String text(ByteBuffer data) {
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static void assertRecent(Instant instant) {
        assertThat(instant).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    @Test
    void kinesisRecordsCarryTheDataBase64AndArriveNow() {
        KinesisEvent.KinesisEventRecord record = read(KinesisEvent.class, "kinesis", "get-records").getRecords().get(0);

        assertThat(text(record.getKinesis().getData())).isEqualTo("{\"orderId\":42,\"status\":\"PAID\"}");
        assertThat(record.getKinesis().getPartitionKey()).isEqualTo("order-42");
        assertThat(record.getEventSourceARN()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/orders-stream");
        assertThat(record.getEventID()).isEqualTo("shardId-000000000000:" + record.getKinesis().getSequenceNumber());
        assertRecent(record.getKinesis().getApproximateArrivalTimestamp().toInstant());
    }

    @Test
    void firehoseRecordsDecodeAndStreamSourcedOnesCarryKinesisMetadata() {
        KinesisFirehoseEvent plain = read(KinesisFirehoseEvent.class, "kinesis", "kinesis-firehose");
        KinesisFirehoseEvent fromStream = read(KinesisFirehoseEvent.class, "kinesis", "streams-as-source");
        KinesisFirehoseEvent apache = read(KinesisFirehoseEvent.class, "kinesis", "apachelog");

        assertThat(text(plain.getRecords().get(0).getData())).isEqualTo("{\"orderId\":42,\"status\":\"PAID\"}");
        assertThat(plain.getDeliveryStreamArn()).isEqualTo("arn:aws:firehose:us-east-1:123456789012:deliverystream/orders-delivery");
        assertRecent(Instant.ofEpochMilli(plain.getRecords().get(0).getApproximateArrivalTimestamp()));
        assertThat(fromStream.getRecords().get(0).getKinesisRecordMetadata()).containsEntry("partitionKey", "order-42");
        assertThat(text(apache.getRecords().get(0).getData())).startsWith("203.0.113.7 - - [").contains("\"GET /index.html HTTP/1.1\" 200");
    }

    @Test
    void firehoseCloudWatchLogsRecordIsGzippedSubscriptionJson() throws IOException {
        KinesisFirehoseEvent event = read(KinesisFirehoseEvent.class, "kinesis", "cloudwatch-logs-processor");
        ByteBuffer data = event.getRecords().get(0).getData();
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);

        JsonNode logs;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            logs = JSON.readTree(in);
        }
        assertThat(logs.path("messageType").asText()).isEqualTo("DATA_MESSAGE");
        assertThat(logs.path("logGroup").asText()).isEqualTo("/aws/lambda/orders");
        assertThat(logs.path("logEvents").get(0).path("message").asText()).isEqualTo("ERROR order 42 failed validation");
    }

    @Test
    void analyticsPreprocessingCarriesTheStreamRecord() throws IOException {
        var event = read(KinesisAnalyticsStreamsInputPreprocessingEvent.class, "kinesis", "analytics-dynamodb");
        var record = event.getRecords().get(0);

        assertThat(event.getApplicationArn()).isEqualTo("arn:aws:kinesisanalytics:us-east-1:123456789012:application/orders-analytics");
        assertThat(record.getKinesisStreamRecordMetadata().getPartitionKey()).isEqualTo("order-42");
        assertThat(JSON.readTree(text(record.getData())).path("SENSOR").asText()).isEqualTo("sensor-17");
    }

    @Test
    void snsNotificationKeepsSubjectMessageAndAttributes() {
        SNSEvent.SNSRecord record = read(SNSEvent.class, "sns", "notification").getRecords().get(0);

        assertThat(record.getEventSource()).isEqualTo("aws:sns");
        assertThat(record.getSNS().getTopicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:order-events");
        assertThat(record.getSNS().getSubject()).isEqualTo("Order shipped");
        assertThat(record.getSNS().getMessage()).isEqualTo("{\"orderId\":42,\"status\":\"SHIPPED\"}");
        assertThat(record.getSNS().getMessageAttributes().get("eventType").getValue()).isEqualTo("order.shipped");
        assertThat(record.getSNS().getUnsubscribeUrl()).startsWith("https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
        assertRecent(record.getSNS().getTimestamp().toDate().toInstant());
    }

    @Test
    void sqsMessagesCarryTheMd5OfTheirBodyAndFifoAttributes() throws NoSuchAlgorithmException {
        SQSEvent.SQSMessage standard = read(SQSEvent.class, "sqs", "receive-message").getRecords().get(0);
        SQSEvent.SQSMessage fifo = read(SQSEvent.class, "sqs", "receive-message-fifo").getRecords().get(0);

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(standard.getBody().getBytes(StandardCharsets.UTF_8)));
        assertThat(standard.getMd5OfBody()).isEqualTo(md5);
        assertThat(standard.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders-queue");
        assertRecent(Instant.ofEpochMilli(Long.parseLong(standard.getAttributes().get("SentTimestamp"))));
        assertThat(fifo.getEventSourceArn()).endsWith(":orders-queue.fifo");
        assertThat(fifo.getAttributes()).containsEntry("MessageGroupId", "customer-7")
                .containsEntry("MessageDeduplicationId", "order-42-paid").containsKey("SequenceNumber");
        assertThat(fifo.getMessageId()).isNotEqualTo(standard.getMessageId());
    }

    @Test
    void s3NotificationsCarryFormEncodedKeysAndDeletesHaveNoSize() throws IOException {
        JsonNode deletedObject = JSON.readTree(render("s3", "delete")).path("Records").get(0).path("s3").path("object");
        S3EventNotificationRecord put = read(S3Event.class, "s3", "put").getRecords().get(0);
        S3EventNotificationRecord delete = read(S3Event.class, "s3", "delete").getRecords().get(0);

        assertThat(put.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(put.getS3().getObject().getKey()).isEqualTo("uploads/Summer+Trip/IMG+0042.jpg");
        assertThat(put.getS3().getObject().getUrlDecodedKey()).isEqualTo("uploads/Summer Trip/IMG 0042.jpg");
        assertThat(put.getS3().getObject().getSizeAsLong()).isEqualTo(284731L);
        assertThat(put.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::photo-uploads");
        assertRecent(put.getEventTime().toDate().toInstant());
        assertThat(delete.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(deletedObject.has("size")).isFalse();
        assertThat(deletedObject.has("eTag")).isFalse();
        assertThat(delete.getS3().getObject().getSequencer()).isEqualTo("0067D3F2A51B9C4E21");
    }

    @Test
    void s3RestoreLifecycleAndRekognitionEventsAreS3Events() {
        S3EventNotificationRecord restore = read(S3Event.class, "s3", "restore-completed").getRecords().get(0);
        S3EventNotificationRecord expiry = read(S3Event.class, "s3", "lifecycle-expiration").getRecords().get(0);
        S3EventNotificationRecord image = read(S3Event.class, "rekognition", "s3-request").getRecords().get(0);

        assertThat(restore.getEventName()).isEqualTo("ObjectRestore:Completed");
        assertThat(restore.getEventVersion()).isEqualTo("2.3");
        assertThat(restore.getS3().getObject().getUrlDecodedKey()).isEqualTo("archive/2019/ledger.parquet");
        assertThat(expiry.getEventName()).isEqualTo("LifecycleExpiration:Delete");
        assertThat(expiry.getUserIdentity().getPrincipalId()).isEqualTo("s3.amazonaws.com");
        assertThat(image.getS3().getObject().getKey()).isEqualTo("faces/Team+Photo.jpg");
    }

    @Test
    void s3BatchInvocationHasATaskWithAnEncodedKey() {
        S3BatchEvent event = read(S3BatchEvent.class, "s3", "batch-invocation");

        assertThat(event.getInvocationSchemaVersion()).isEqualTo("1.0");
        assertThat(event.getTasks().get(0).getS3Key()).isEqualTo("reports/2025/March+summary.csv");
        assertThat(event.getTasks().get(0).getS3BucketArn()).isEqualTo("arn:aws:s3:::photo-uploads");
        assertThat(event.getJob().getId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void lexV1EventsNameTheIntentAndItsSlots() {
        LexEvent car = read(LexEvent.class, "lex", "book-car");
        LexEvent flowers = read(LexEvent.class, "lex", "order-flowers");

        assertThat(car.getCurrentIntent().getName()).isEqualTo("BookCar");
        assertThat(car.getCurrentIntent().getSlots()).containsEntry("PickUpCity", "Lisbon").containsEntry("CarType", "midsize");
        assertThat(car.getInvocationSource()).isEqualTo("DialogCodeHook");
        assertThat(car.getBot().getName()).isEqualTo("BookTrip");
        assertThat(flowers.getInvocationSource()).isEqualTo("FulfillmentCodeHook");
        assertThat(flowers.getCurrentIntent().getSlots()).containsEntry("FlowerType", "tulips");
    }

    @Test
    void kafkaRecordsAreGroupedByTopicPartitionWithBase64Values() {
        KafkaEvent msk = read(KafkaEvent.class, "kafka", "msk");
        KafkaEvent selfManaged = read(KafkaEvent.class, "kafka", "self-managed");
        KafkaEvent.KafkaEventRecord record = msk.getRecords().get("orders-0").get(0);

        assertThat(msk.getEventSource()).isEqualTo("aws:kafka");
        assertThat(msk.getEventSourceArn()).startsWith("arn:aws:kafka:us-east-1:123456789012:cluster/orders-cluster/");
        assertThat(decoded(record.getValue())).isEqualTo("{\"orderId\":42,\"status\":\"PAID\"}");
        assertThat(decoded(record.getKey())).isEqualTo("order-42");
        assertThat(record.getOffset()).isEqualTo(1587L);
        assertThat(new String(record.getHeaders().get(0).get("source"), StandardCharsets.UTF_8)).isEqualTo("checkout");
        assertRecent(Instant.ofEpochMilli(record.getTimestamp()));
        assertThat(selfManaged.getEventSource()).isEqualTo("SelfManagedKafka");
        assertThat(selfManaged.getRecords()).containsKey("orders-0");
    }

    @Test
    void mqMessagesCarryBase64Bodies() {
        ActiveMQEvent active = read(ActiveMQEvent.class, "mq", "activemq");
        RabbitMQEvent rabbit = read(RabbitMQEvent.class, "mq", "rabbitmq");

        assertThat(active.getEventSource()).isEqualTo("aws:mq");
        assertThat(active.getMessages().get(0).getDestination().getPhysicalName()).isEqualTo("orders");
        assertThat(decoded(active.getMessages().get(0).getData())).isEqualTo("{\"orderId\":42,\"status\":\"PAID\"}");
        assertThat(rabbit.getEventSource()).isEqualTo("aws:rmq");
        RabbitMQEvent.RabbitMessage message = rabbit.getRmqMessagesByQueue().get("orders::/").get(0);
        assertThat(decoded(message.getData())).isEqualTo("{\"orderId\":42,\"status\":\"PAID\"}");
        assertThat(message.getBasicProperties().getBodySize()).isEqualTo(30);
    }

    @Test
    void cognitoUserPoolTriggersNameTheirSourceAndUser() {
        var signUp = read(CognitoUserPoolPreSignUpEvent.class, "cognito-user-pool", "pre-sign-up");
        var confirmed = read(CognitoUserPoolPostConfirmationEvent.class, "cognito-user-pool", "post-confirmation");
        var token = read(CognitoUserPoolPreTokenGenerationEvent.class, "cognito-user-pool", "pre-token-generation");
        var message = read(CognitoUserPoolCustomMessageEvent.class, "cognito-user-pool", "custom-message");

        assertThat(signUp.getTriggerSource()).isEqualTo("PreSignUp_SignUp");
        assertThat(signUp.getUserPoolId()).isEqualTo("us-east-1_Qx7Lm3ZkA");
        assertThat(signUp.getRequest().getUserAttributes()).containsEntry("email", "maria.silva@example.com");
        assertThat(signUp.getResponse().getAutoConfirmUser()).isFalse();
        assertThat(confirmed.getRequest().getUserAttributes()).containsEntry("cognito:user_status", "CONFIRMED");
        assertThat(token.getRequest().getGroupConfiguration().getGroupsToOverride()).containsExactly("customers");
        assertThat(message.getRequest().getCodeParameter()).isEqualTo("{####}");
        assertThat(message.getTriggerSource()).isEqualTo("CustomMessage_SignUp");
    }

    @Test
    void webSocketEventsCarryRouteEventTypeAndConnection() {
        var connect = read(APIGatewayV2WebSocketEvent.class, "apigateway-websocket", "connect");
        var message = read(APIGatewayV2WebSocketEvent.class, "apigateway-websocket", "message");
        var disconnect = read(APIGatewayV2WebSocketEvent.class, "apigateway-websocket", "disconnect");

        assertThat(connect.getRequestContext().getRouteKey()).isEqualTo("$connect");
        assertThat(connect.getRequestContext().getEventType()).isEqualTo("CONNECT");
        assertThat(connect.getHeaders()).containsEntry("Sec-WebSocket-Version", "13");
        assertThat(message.getRequestContext().getRouteKey()).isEqualTo("sendmessage");
        assertThat(message.getBody()).isEqualTo("{\"action\":\"sendmessage\",\"text\":\"hello\"}");
        assertThat(message.getRequestContext().getConnectionId()).isEqualTo(connect.getRequestContext().getConnectionId());
        assertRecent(Instant.ofEpochMilli(message.getRequestContext().getRequestTimeEpoch()));
        assertThat(disconnect.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
    }

    @Test
    void functionUrlRequestIsPayload2WithDefaultRouteAndStage() {
        var event = read(APIGatewayV2HTTPEvent.class, "lambda-url", "request");

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("$default");
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(event.getRequestContext().getDomainName()).isEqualTo("a7kq3xz9mfw2c5hn8rtb4ydj6pu1sv0e.lambda-url.us-east-1.on.aws");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getQueryStringParameters()).containsEntry("lang", "en");
        assertThat(event.getRawQueryString()).isEqualTo("lang=en");
        assertThat(event.getBody()).isEqualTo("{\"item\":\"book\",\"qty\":1}");
        assertRecent(Instant.ofEpochMilli(event.getRequestContext().getTimeEpoch()));
    }

    @Test
    void destinationRecordsCarryConditionRequestAndResponse() {
        var success = read(LambdaDestinationEvent.class, "lambda", "destination-on-success");
        var failure = read(LambdaDestinationEvent.class, "lambda", "destination-on-failure");

        assertThat(success.getRequestContext().getCondition()).isEqualTo("Success");
        assertThat(success.getRequestPayload()).containsEntry("orderId", 42);
        assertThat(success.getResponsePayload()).isInstanceOf(Map.class);
        assertRecent(success.getTimestamp().toDate().toInstant());
        assertThat(failure.getRequestContext().getCondition()).isEqualTo("RetriesExhausted");
        assertThat(failure.getRequestContext().getApproximateInvokeCount()).isEqualTo(3);
        assertThat(failure.getResponseContext()).asString().contains("functionError=Unhandled");
    }

    @Test
    void cloudFrontEventsCarryRequestHeadersAndResponses() {
        var viewer = read(CloudFrontEvent.class, "cloudfront", "viewer-request");
        var origin = read(CloudFrontEvent.class, "cloudfront", "origin-response");

        var request = viewer.getRecords().get(0).getCf().getRequest();
        assertThat(request.getUri()).isEqualTo("/products/index.html");
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getHeaders().get("host").get(0).getValue()).isEqualTo("d1k2x3m4n5p6q7.cloudfront.net");
        assertThat(viewer.getRecords().get(0).getCf().getConfig().getDistributionId()).isEqualTo("E2QWRUHAPOMQZL");
        assertThat(origin.getRecords().get(0).getCf().getResponse().getStatus()).isEqualTo("200");
    }

    @Test
    void dynamoDbInsertHasNewImageAndRemoveHasOldImage() {
        var insert = read(DynamodbEvent.class, "dynamodb", "insert").getRecords().get(0);
        var remove = read(DynamodbEvent.class, "dynamodb", "remove").getRecords().get(0);

        assertThat(insert.getEventName()).isEqualTo("INSERT");
        assertThat(insert.getDynamodb().getNewImage().get("Total").getN()).isEqualTo("19.99");
        assertThat(insert.getDynamodb().getKeys().get("OrderId").getS()).isEqualTo("ord-0042");
        assertThat(insert.getDynamodb().getOldImage()).isNull();
        assertRecent(insert.getDynamodb().getApproximateCreationDateTime().toInstant());
        assertThat(remove.getEventName()).isEqualTo("REMOVE");
        assertThat(remove.getDynamodb().getOldImage().get("Customer").getS()).isEqualTo("maria.silva");
        assertThat(remove.getDynamodb().getNewImage()).isNull();
    }

    @Test
    void secretsManagerRotationNamesTheStepAndSecret() {
        var event = read(SecretsManagerRotationEvent.class, "secretsmanager", "rotation");

        assertThat(event.getStep()).isEqualTo("createSecret");
        assertThat(event.getSecretId()).startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-");
        assertThat(event.getClientRequestToken()).matches("[0-9a-f-]{36}");
    }

    @Test
    void iotButtonAndEventBridgeEnvelopes() {
        var button = read(IoTButtonEvent.class, "iot", "button");
        var custom = read(ScheduledEvent.class, "eventbridge", "custom-event");
        var scheduled = read(ScheduledEvent.class, "eventbridge", "scheduled-event");

        assertThat(button.getClickType()).isEqualTo("SINGLE");
        assertThat(custom.getDetailType()).isEqualTo("OrderPlaced");
        assertThat(custom.getSource()).isEqualTo("com.example.orders");
        assertThat(custom.getDetail()).containsEntry("orderId", 42).containsEntry("currency", "EUR");
        assertRecent(custom.getTime().toDate().toInstant());
        assertThat(scheduled.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(scheduled.getSource()).isEqualTo("aws.events");
        assertThat(scheduled.getResources()).containsExactly("arn:aws:events:us-east-1:123456789012:rule/nightly-report");
        assertThat(scheduled.getDetail()).isEmpty();
    }
}
