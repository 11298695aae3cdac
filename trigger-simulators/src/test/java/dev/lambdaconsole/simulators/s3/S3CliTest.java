package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S3 on the shared endpoint of a real `serve`, through the AWS CLI v1.45 and Debian's v2.9 and curl: buckets as
 * workspace folders, objects, ranges, listings with prefixes and pages, copies, batch deletes, multipart uploads
 * with S3's ETag, notifications to a function (suffix rules, the exact record, overlaps), checksums, files dropped
 * into a bucket's folder, presigned URLs and virtual-host addressing.
 */
class S3CliTest {
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

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    static String s3(AwsCli cli, String... args) throws Exception {
        return cli.text(120, "s3", args);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void bucketsAreFoldersAndObjectsTheirFiles(int major) throws Exception {
        AwsCli cli = cli(major);
        String bucket = "photos-v" + major;
        assertThat(s3(cli, "mb", "s3://" + bucket)).contains("make_bucket: " + bucket);
        assertThat(workspace.resolve("buckets").resolve(bucket)).isDirectory();
        Path local = files.resolve("hello-" + major + ".txt");
        Files.writeString(local, "hello world\n");
        assertThat(s3(cli, "cp", local.toString(), "s3://" + bucket + "/summer 2026/beach.txt"))
                .contains("upload:");
        assertThat(workspace.resolve("buckets/" + bucket + "/summer 2026/beach.txt")).hasContent("hello world");
        assertThat(s3(cli, "ls", "s3://" + bucket, "--recursive")).contains("12 summer 2026/beach.txt");
        assertThat(s3(cli, "ls")).contains(bucket);
        assertThat(cli.fails("s3api", "create-bucket", "--bucket", bucket)).contains("BucketAlreadyOwnedByYou");
        assertThat(cli.fails("s3api", "create-bucket", "--bucket", "Bad_Name"))
                .contains("InvalidBucketName").contains("lower-case letters");
        assertThat(cli.fails("s3api", "head-bucket", "--bucket", "nowhere-" + major)).contains("404");
        assertThat(cli.fails("s3api", "get-object", "--bucket", bucket, "--key", "missing",
                files.resolve("x").toString())).contains("NoSuchKey");
        assertThat(cli.fails("s3api", "list-objects-v2", "--bucket", "nowhere-" + major)).contains("NoSuchBucket");
        assertThat(s3(cli, "rb", "s3://" + bucket)).contains("BucketNotEmpty");
        assertThat(s3(cli, "rm", "s3://" + bucket, "--recursive")).contains("delete: s3://" + bucket + "/summer 2026/beach.txt");
        assertThat(s3(cli, "rb", "s3://" + bucket)).contains("remove_bucket: " + bucket);
        assertThat(workspace.resolve("buckets").resolve(bucket)).doesNotExist();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void putGetRangeHeadCopyAndDeleteObjects(int major) throws Exception {
        AwsCli cli = cli(major);
        String bucket = "objects-v" + major;
        cli.call("s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration",
                "LocationConstraint=eu-west-1");
        assertThat(cli.call("s3api", "get-bucket-location", "--bucket", bucket).path("LocationConstraint").asText())
                .isEqualTo("eu-west-1");
        Path body = files.resolve("body-" + major);
        Files.writeString(body, "0123456789abcdefghij");
        JsonNode put = cli.call("s3api", "put-object", "--bucket", bucket, "--key", "a/b.txt", "--body", body.toString(),
                "--content-type", "text/plain", "--metadata", "color=blue");
        assertThat(put.get("ETag").asText()).isEqualTo("\"" + md5("0123456789abcdefghij") + "\"");
        Path out = files.resolve("range-" + major);
        JsonNode ranged = cli.call("s3api", "get-object", "--bucket", bucket, "--key", "a/b.txt", "--range", "bytes=5-9",
                out.toString());
        assertThat(out).hasContent("56789");
        assertThat(ranged.get("ContentRange").asText()).isEqualTo("bytes 5-9/20");
        assertThat(ranged.get("ContentLength").asInt()).isEqualTo(5);
        assertThat(cli.fails("s3api", "get-object", "--bucket", bucket, "--key", "a/b.txt", "--range", "bytes=50-60",
                out.toString())).contains("InvalidRange");
        JsonNode head = cli.call("s3api", "head-object", "--bucket", bucket, "--key", "a/b.txt");
        assertThat(head.get("ContentType").asText()).isEqualTo("text/plain");
        assertThat(head.get("ContentLength").asInt()).isEqualTo(20);
        assertThat(head.at("/Metadata/color").asText()).isEqualTo("blue");

        JsonNode copied = cli.call("s3api", "copy-object", "--bucket", bucket, "--key", "c/copy.txt", "--copy-source",
                bucket + "/a/b.txt");
        assertThat(copied.at("/CopyObjectResult/ETag").asText()).isEqualTo(put.get("ETag").asText());
        assertThat(cli.call("s3api", "head-object", "--bucket", bucket, "--key", "c/copy.txt").at("/Metadata/color")
                .asText()).as("metadata directive COPY").isEqualTo("blue");
        cli.call("s3api", "copy-object", "--bucket", bucket, "--key", "c/replaced.txt", "--copy-source",
                bucket + "/a/b.txt", "--metadata-directive", "REPLACE", "--metadata", "color=red");
        assertThat(cli.call("s3api", "head-object", "--bucket", bucket, "--key", "c/replaced.txt")
                .at("/Metadata/color").asText()).isEqualTo("red");

        JsonNode deleted = cli.call("s3api", "delete-objects", "--bucket", bucket, "--delete",
                "{\"Objects\":[{\"Key\":\"c/copy.txt\"},{\"Key\":\"c/replaced.txt\"},{\"Key\":\"never\"}]}");
        assertThat(deleted.path("Deleted")).extracting(n -> n.get("Key").asText())
                .containsExactlyInAnyOrder("c/copy.txt", "c/replaced.txt", "never");
        JsonNode quiet = cli.call("s3api", "delete-objects", "--bucket", bucket, "--delete",
                "{\"Objects\":[{\"Key\":\"a/b.txt\"}],\"Quiet\":true}");
        assertThat(quiet.path("Deleted")).isEmpty();
        assertThat(cli.call("s3api", "list-objects-v2", "--bucket", bucket).path("Contents")).isEmpty();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void listsWithPrefixDelimiterAndPages(int major) throws Exception {
        AwsCli cli = cli(major);
        String bucket = "lists-v" + major;
        cli.call("s3api", "create-bucket", "--bucket", bucket);
        Path body = files.resolve("small-" + major);
        Files.writeString(body, "x");
        for (String key : List.of("logs/2026/01/a.log", "logs/2026/02/b.log", "logs/2026/top.log", "logs/readme",
                "other/c", "a b+c.txt")) {
            cli.call("s3api", "put-object", "--bucket", bucket, "--key", key, "--body", body.toString());
        }
        JsonNode level = cli.call("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "logs/2026/",
                "--delimiter", "/");
        assertThat(level.path("Contents")).extracting(n -> n.get("Key").asText()).containsExactly("logs/2026/top.log");
        assertThat(level.path("CommonPrefixes")).extracting(n -> n.get("Prefix").asText())
                .containsExactly("logs/2026/01/", "logs/2026/02/");
        JsonNode top = cli.call("s3api", "list-objects-v2", "--bucket", bucket, "--delimiter", "/");
        assertThat(top.path("Contents")).extracting(n -> n.get("Key").asText()).containsExactly("a b+c.txt");
        assertThat(top.path("CommonPrefixes")).extracting(n -> n.get("Prefix").asText()).containsExactly("logs/", "other/");
        JsonNode paged = cli.call("s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2");
        assertThat(paged.path("Contents")).extracting(n -> n.get("Key").asText()).containsExactly("a b+c.txt",
                "logs/2026/01/a.log", "logs/2026/02/b.log", "logs/2026/top.log", "logs/readme", "other/c");
        JsonNode first = cli.call("s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "3");
        assertThat(first.path("Contents")).hasSize(3);
        JsonNode rest = cli.call("s3api", "list-objects-v2", "--bucket", bucket, "--starting-token",
                first.get("NextToken").asText());
        assertThat(rest.path("Contents")).extracting(n -> n.get("Key").asText())
                .containsExactly("logs/2026/top.log", "logs/readme", "other/c");
        JsonNode after = cli.call("s3api", "list-objects-v2", "--bucket", bucket, "--start-after", "logs/readme");
        assertThat(after.path("Contents")).extracting(n -> n.get("Key").asText()).containsExactly("other/c");
        JsonNode v1 = cli.call("s3api", "list-objects", "--bucket", bucket, "--prefix", "logs/", "--delimiter", "/");
        assertThat(v1.path("Contents")).extracting(n -> n.get("Key").asText()).containsExactly("logs/readme");
        assertThat(v1.path("CommonPrefixes")).extracting(n -> n.get("Prefix").asText()).containsExactly("logs/2026/");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void syncUploadsAndDownloadsAFolder(int major) throws Exception {
        AwsCli cli = cli(major);
        String bucket = "sync-v" + major;
        s3(cli, "mb", "s3://" + bucket);
        Path site = Files.createDirectories(files.resolve("site-" + major));
        Files.writeString(site.resolve("index.html"), "<h1>hi</h1>");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/main.css"), "body{}");
        assertThat(s3(cli, "sync", site.toString(), "s3://" + bucket + "/www")).contains("upload:");
        assertThat(workspace.resolve("buckets/" + bucket + "/www/css/main.css")).hasContent("body{}");
        assertThat(s3(cli, "sync", site.toString(), "s3://" + bucket + "/www")).as("nothing changed").doesNotContain("upload:");
        Path back = files.resolve("back-" + major);
        s3(cli, "sync", "s3://" + bucket + "/www", back.toString());
        assertThat(back.resolve("index.html")).hasContent("<h1>hi</h1>");
        assertThat(back.resolve("css/main.css")).hasContent("body{}");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aLargeCopyIsAMultipartUploadWithS3sEtagAndItsEvent(int major) throws Exception {
        AwsCli cli = cli(major);
        String bucket = "big-v" + major;
        String fn = "bigrec" + major;
        Path out = files.resolve("big-events-" + major + ".jsonl");
        S3Fixture.createFunction(cli, fn, out);
        s3(cli, "mb", "s3://" + bucket);
        cli.call("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration",
                "{\"LambdaFunctionConfigurations\":[{\"Id\":\"all\",\"LambdaFunctionArn\":\"" + S3Fixture.functionArn(fn)
                        + "\",\"Events\":[\"s3:ObjectCreated:CompleteMultipartUpload\"]}]}");
        byte[] data = new byte[20_000_000];
        new Random(major).nextBytes(data);
        Path big = files.resolve("big-" + major + ".bin");
        Files.write(big, data);
        assertThat(s3(cli, "cp", big.toString(), "s3://" + bucket + "/big.bin")).contains("upload:");
        String etag = S3Fixture.multipartEtag(data, 8 * 1024 * 1024);
        assertThat(cli.call("s3api", "head-object", "--bucket", bucket, "--key", "big.bin").get("ETag").asText())
                .isEqualTo("\"" + etag + "\"");
        assertThat(Files.mismatch(workspace.resolve("buckets/" + bucket + "/big.bin"), big)).isEqualTo(-1);
        Path down = files.resolve("down-" + major + ".bin");
        s3(cli, "cp", "s3://" + bucket + "/big.bin", down.toString());
        assertThat(Files.mismatch(down, big)).as("byte for byte").isEqualTo(-1);
        if (major == 1) {
            assertThat(cli.call("s3api", "head-object", "--bucket", bucket, "--key", "big.bin", "--checksum-mode",
                    "ENABLED").get("ChecksumCRC32").asText()).as("S3's composite checksum").endsWith("-3");
        }
        assertThat(s3(cli, "cp", "s3://" + bucket + "/big.bin", "s3://" + bucket + "/copy.bin")).contains("copy:");
        assertThat(Files.mismatch(workspace.resolve("buckets/" + bucket + "/copy.bin"), big)).as("UploadPartCopy")
                .isEqualTo(-1);
        await().atMost(Duration.ofSeconds(60)).until(() -> S3Fixture.received(out).size() >= 2);
        JsonNode record = S3Fixture.received(out).get(0);
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(20_000_000L);
        assertThat(record.at("/s3/object/eTag").asText()).isEqualTo(etag);
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("big.bin");
        assertThat(S3Fixture.received(out).get(1).at("/s3/object/key").asText()).as("a multipart copy")
                .isEqualTo("copy.bin");
        assertThat(cli.call("s3api", "list-multipart-uploads", "--bucket", bucket).path("Uploads")).isEmpty();
    }

    @Test
    void aSuffixRuleTriggersOnOneObjectAndNotAnotherWithTheExactRecord() throws Exception {
        AwsCli cli = cli(1);
        String bucket = "notify";
        Path out = files.resolve("notify.jsonl");
        S3Fixture.createFunction(cli, "jpgs", out);
        cli.call("s3api", "create-bucket", "--bucket", bucket);
        String config = "{\"LambdaFunctionConfigurations\":[{\"Id\":\"jpg-created\",\"LambdaFunctionArn\":\""
                + S3Fixture.functionArn("jpgs") + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":"
                + "{\"FilterRules\":[{\"Name\":\"suffix\",\"Value\":\".jpg\"}]}}}]}";
        cli.call("s3api", "put-bucket-notification-configuration", "--bucket", bucket, "--notification-configuration", config);
        JsonNode got = cli.call("s3api", "get-bucket-notification-configuration", "--bucket", bucket);
        assertThat(got.at("/LambdaFunctionConfigurations/0/Id").asText()).isEqualTo("jpg-created");
        assertThat(got.at("/LambdaFunctionConfigurations/0/Filter/Key/FilterRules/0/Value").asText()).isEqualTo(".jpg");
        Path photo = files.resolve("photo.jpg");
        Files.writeString(photo, "not really a jpeg");
        Path text = files.resolve("notes.txt");
        Files.writeString(text, "notes");
        JsonNode put = cli.call("s3api", "put-object", "--bucket", bucket, "--key", "summer 2026/beach@noon.jpg",
                "--body", photo.toString());
        cli.call("s3api", "put-object", "--bucket", bucket, "--key", "summer 2026/notes.txt", "--body", text.toString());
        cli.call("s3api", "put-object", "--bucket", bucket, "--key", "summer 2026/beach@noon.jpg", "--body", photo.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> S3Fixture.received(out).size() >= 2);
        Thread.sleep(1500);
        List<JsonNode> records = S3Fixture.received(out);
        assertThat(records).as("only the .jpg puts").hasSize(2);
        JsonNode r = records.get(0);
        assertThat(r.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(r.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(r.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(r.get("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(r.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(r.at("/userIdentity/principalId").asText()).isEqualTo("AWS:test");
        assertThat(r.at("/requestParameters/sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(r.at("/responseElements/x-amz-request-id").asText()).matches("[0-9A-F]{16}");
        assertThat(r.at("/responseElements/x-amz-id-2").asText()).isNotEmpty();
        assertThat(r.at("/s3/s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(r.at("/s3/configurationId").asText()).isEqualTo("jpg-created");
        assertThat(r.at("/s3/bucket/name").asText()).isEqualTo(bucket);
        assertThat(r.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::notify");
        assertThat(r.at("/s3/bucket/ownerIdentity/principalId").asText()).isNotEmpty();
        assertThat(r.at("/s3/object/key").asText()).isEqualTo("summer+2026/beach%40noon.jpg");
        assertThat(r.at("/s3/object/size").isNumber()).isTrue();
        assertThat(r.at("/s3/object/size").asLong()).isEqualTo(17);
        assertThat(r.at("/s3/object/eTag").asText()).isEqualTo(put.get("ETag").asText().replace("\"", ""));
        String first = r.at("/s3/object/sequencer").asText();
        String second = records.get(1).at("/s3/object/sequencer").asText();
        assertThat(first).matches("[0-9A-F]+");
        assertThat(second.compareTo(first)).as("sequencers increase per key").isPositive();
    }

    @Test
    void overlappingConfigurationsAndMissingFunctionsAreRejectedAsS3Does() throws Exception {
        AwsCli cli = cli(1);
        cli.call("s3api", "create-bucket", "--bucket", "overlaps");
        S3Fixture.createFunction(cli, "overlapfn", files.resolve("overlap.jsonl"));
        String arn = S3Fixture.functionArn("overlapfn");
        String overlapping = "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\"" + arn
                + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"prefix\","
                + "\"Value\":\"images/\"}]}}},{\"LambdaFunctionArn\":\"" + arn + "\",\"Events\":[\"s3:ObjectCreated:Put\"],"
                + "\"Filter\":{\"Key\":{\"FilterRules\":[{\"Name\":\"prefix\",\"Value\":\"images/raw/\"}]}}}]}";
        assertThat(cli.fails("s3api", "put-bucket-notification-configuration", "--bucket", "overlaps",
                "--notification-configuration", overlapping)).contains("InvalidArgument")
                .contains("Configurations overlap. Configurations on the same bucket cannot share a common event type.");
        String disjoint = overlapping.replace("images/raw/", "videos/");
        cli.call("s3api", "put-bucket-notification-configuration", "--bucket", "overlaps", "--notification-configuration",
                disjoint);
        assertThat(cli.call("s3api", "get-bucket-notification-configuration", "--bucket", "overlaps")
                .path("LambdaFunctionConfigurations")).hasSize(2);
        assertThat(cli.fails("s3api", "put-bucket-notification-configuration", "--bucket", "overlaps",
                "--notification-configuration", "{\"LambdaFunctionConfigurations\":[{\"LambdaFunctionArn\":\""
                        + S3Fixture.functionArn("nobody") + "\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"))
                .contains("Unable to validate the following destination configurations");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aTopicConfigurationPublishesEachRecordToTheLocalTopic(int major) throws Exception {
        AwsCli cli = cli(major);
        String url = cli.call("sqs", "create-queue", "--queue-name", "s3-fanout-v" + major).get("QueueUrl").asText();
        String topic = cli.call("sns", "create-topic", "--name", "uploads-v" + major).get("TopicArn").asText();
        cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                "arn:aws:sqs:us-east-1:000000000000:s3-fanout-v" + major);
        cli.call("s3api", "create-bucket", "--bucket", "fanout-v" + major);
        cli.call("s3api", "put-bucket-notification-configuration", "--bucket", "fanout-v" + major,
                "--notification-configuration", "{\"TopicConfigurations\":[{\"Id\":\"t\",\"TopicArn\":\"" + topic
                        + "\",\"Events\":[\"s3:ObjectCreated:*\"]}]}");
        assertThat(cli.call("s3api", "get-bucket-notification-configuration", "--bucket", "fanout-v" + major)
                .at("/TopicConfigurations/0/TopicArn").asText()).isEqualTo(topic);
        Path body = files.resolve("fanout.txt");
        Files.writeString(body, "fan");
        cli.call("s3api", "put-object", "--bucket", "fanout-v" + major, "--key", "a b.txt", "--body", body.toString());
        JsonNode message = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode m = cli.call("sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "1").path("Messages");
            return m.isArray() && !m.isEmpty() ? m.get(0) : null;
        }, m -> m != null);
        JsonNode envelope = dev.lambdaconsole.runtime.util.Json.MAPPER.readTree(message.get("Body").asText());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        JsonNode record = dev.lambdaconsole.runtime.util.Json.MAPPER.readTree(envelope.get("Message").asText())
                .at("/Records/0");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("a+b.txt");
        assertThat(record.at("/s3/configurationId").asText()).isEqualTo("t");
    }

    @Test
    void aQueueConfigurationSendsTheTestEventAndThenEachRecordToTheLocalQueue() throws Exception {
        AwsCli cli = cli(1);
        String url = cli.call("sqs", "create-queue", "--queue-name", "s3-events").get("QueueUrl").asText();
        cli.call("s3api", "create-bucket", "--bucket", "queued");
        cli.call("s3api", "put-bucket-notification-configuration", "--bucket", "queued", "--notification-configuration",
                "{\"QueueConfigurations\":[{\"Id\":\"q\",\"QueueArn\":\"arn:aws:sqs:us-east-1:000000000000:s3-events\","
                        + "\"Events\":[\"s3:ObjectRemoved:*\"]}]}");
        assertThat(cli.fails("s3api", "put-bucket-notification-configuration", "--bucket", "queued",
                "--notification-configuration", "{\"TopicConfigurations\":[{\"TopicArn\":\"arn:aws:sns:us-east-1:"
                        + "000000000000:t\",\"Events\":[\"s3:ObjectCreated:*\"]}]}")).contains("InvalidArgument")
                .contains("Unable to validate the following destination configurations");
        assertThat(cli.fails("s3api", "put-bucket-notification-configuration", "--bucket", "queued",
                "--notification-configuration", "{\"QueueConfigurations\":[{\"QueueArn\":\"arn:aws:sqs:us-east-1:"
                        + "000000000000:nowhere\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"))
                .contains("Unable to validate the following destination configurations");
        Path body = files.resolve("queued.txt");
        Files.writeString(body, "q");
        cli.call("s3api", "put-object", "--bucket", "queued", "--key", "gone.txt", "--body", body.toString());
        cli.call("s3api", "delete-object", "--bucket", "queued", "--key", "gone.txt");
        java.util.List<String> bodies = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode m : cli.call("sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "1",
                    "--max-number-of-messages", "10").path("Messages")) {
                bodies.add(m.get("Body").asText());
            }
            return bodies.size() >= 2;
        });
        assertThat(bodies.get(0)).contains("\"Event\":\"s3:TestEvent\"").contains("\"Bucket\":\"queued\"");
        JsonNode record = dev.lambdaconsole.runtime.util.Json.MAPPER.readTree(bodies.get(1)).at("/Records/0");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("gone.txt");
        assertThat(record.at("/s3/object").has("size")).isFalse();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aWrongContentMd5IsBadDigest(int major) throws Exception {
        AwsCli cli = cli(major);
        cli.call("s3api", "create-bucket", "--bucket", "digests-v" + major);
        Path body = files.resolve("digest-" + major);
        Files.writeString(body, "payload");
        String wrong = java.util.Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                .digest("other".getBytes(StandardCharsets.UTF_8)));
        assertThat(cli.fails("s3api", "put-object", "--bucket", "digests-v" + major, "--key", "k", "--body",
                body.toString(), "--content-md5", wrong)).contains("BadDigest");
        assertThat(cli.fails("s3api", "head-object", "--bucket", "digests-v" + major, "--key", "k")).contains("404");
    }

    @Test
    void aFileDroppedIntoTheFolderIsAPutAndItsDeletionARemove() throws Exception {
        AwsCli cli = cli(1);
        Path out = files.resolve("dropped.jsonl");
        S3Fixture.createFunction(cli, "dropfn", out);
        cli.call("s3api", "create-bucket", "--bucket", "dropbox");
        cli.call("s3api", "put-bucket-notification-configuration", "--bucket", "dropbox", "--notification-configuration",
                "{\"LambdaFunctionConfigurations\":[{\"Id\":\"any\",\"LambdaFunctionArn\":\"" + S3Fixture.functionArn("dropfn")
                        + "\",\"Events\":[\"s3:ObjectCreated:*\",\"s3:ObjectRemoved:*\"]}]}");
        Path via = files.resolve("via-api.txt");
        Files.writeString(via, "api");
        cli.call("s3api", "put-object", "--bucket", "dropbox", "--key", "api.txt", "--body", via.toString());
        Path dropped = workspace.resolve("buckets/dropbox/in box/report.csv");
        Files.createDirectories(dropped.getParent());
        Files.writeString(dropped, "a,b\n1,2\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> S3Fixture.received(out).size() >= 2);
        JsonNode list = cli.call("s3api", "list-objects-v2", "--bucket", "dropbox");
        assertThat(list.path("Contents")).extracting(n -> n.get("Key").asText()).containsExactly("api.txt", "in box/report.csv");
        JsonNode droppedEntry = list.path("Contents").get(1);
        assertThat(droppedEntry.get("ETag").asText()).isEqualTo("\"" + md5("a,b\n1,2\n") + "\"");
        assertThat(cli.call("s3api", "head-object", "--bucket", "dropbox", "--key", "in box/report.csv",
                "--checksum-mode", "ENABLED").get("ChecksumCRC64NVME").asText())
                .isEqualTo(Checksums.CRC64NVME.of("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        Files.delete(dropped);
        await().atMost(Duration.ofSeconds(30)).until(() -> S3Fixture.received(out).size() >= 3);
        Thread.sleep(1500);
        List<JsonNode> records = S3Fixture.received(out);
        assertThat(records).extracting(r -> r.get("eventName").asText() + " " + r.at("/s3/object/key").asText())
                .as("the API's own put once, the dropped file's put and delete").containsExactly(
                        "ObjectCreated:Put api.txt", "ObjectCreated:Put in+box/report.csv",
                        "ObjectRemoved:Delete in+box/report.csv");
        assertThat(records.get(1).at("/s3/object/eTag").asText()).isEqualTo(md5("a,b\n1,2\n"));
        assertThat(records.get(2).at("/s3/object").has("eTag")).isFalse();
        assertThat(cli.call("s3api", "list-objects-v2", "--bucket", "dropbox").path("Contents")).hasSize(1);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void curlGetsAPresignedUrlAndAVirtualHostAddressedObject(int major) throws Exception {
        AwsCli cli = cli(major);
        String shared = "shared-v" + major;
        cli.call("s3api", "create-bucket", "--bucket", shared);
        Path body = files.resolve("shared.txt");
        Files.writeString(body, "shared text");
        cli.call("s3api", "put-object", "--bucket", shared, "--key", "docs/readme.txt", "--body", body.toString(),
                "--content-type", "text/plain");
        String url = s3(cli, "presign", "s3://" + shared + "/docs/readme.txt", "--expires-in", "300").trim();
        assertThat(url).as("SigV2 (v1 in us-east-1) or SigV4 (v2) query signature").containsAnyOf("X-Amz-Credential=", "Signature=");
        String presigned = S3Fixture.curl(url);
        assertThat(presigned).startsWith("HTTP/1.1 200").contains("shared text").containsIgnoringCase("ETag:");
        String port = serve.url().substring(serve.url().lastIndexOf(':') + 1);
        String virtual = S3Fixture.curl("-H", "Host: " + shared + ".localhost:" + port, serve.url() + "/docs/readme.txt");
        assertThat(virtual).startsWith("HTTP/1.1 200").contains("shared text").containsIgnoringCase("Content-Type: text/plain");
        String virtualS3 = S3Fixture.curl("-H", "Host: " + shared + ".s3.us-east-1.amazonaws.com", serve.url() + "/docs/readme.txt",
                "-r", "0-5");
        assertThat(virtualS3).startsWith("HTTP/1.1 206").contains("\r\n\r\nshared").doesNotContain("shared text");
        String etag = cli.call("s3api", "head-object", "--bucket", shared, "--key", "docs/readme.txt").get("ETag").asText();
        assertThat(S3Fixture.curl("-H", "If-None-Match: " + etag, serve.url() + "/" + shared + "/docs/readme.txt"))
                .startsWith("HTTP/1.1 304");
        assertThat(S3Fixture.curl("-H", "If-Match: \"other\"", serve.url() + "/" + shared + "/docs/readme.txt"))
                .startsWith("HTTP/1.1 412").contains("PreconditionFailed");
        assertThat(S3Fixture.curl(serve.url() + "/" + shared + "/docs/readme.txt?response-content-type=application/json"))
                .containsIgnoringCase("Content-Type: application/json");
        String browser = S3Fixture.curl(serve.url() + "/" + shared + "/docs/readme.txt");
        assertThat(browser).as("an unsigned path-style GET").startsWith("HTTP/1.1 200").contains("shared text");
        String missing = S3Fixture.curl(serve.url() + "/" + shared + "/docs/none.txt");
        assertThat(missing).startsWith("HTTP/1.1 404").contains("<Code>NoSuchKey</Code>")
                .contains("<Key>docs/none.txt</Key>");
    }

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
