package dev.lambdaconsole.app.triggers.patterns;

import java.util.List;

/** The four pattern languages the tester knows, each with the library's sample events that suit it. */
public enum PatternDialect {
    EVENT_PATTERN("EventBridge event pattern", List.of("eventbridge custom-event", "eventbridge scheduled-event",
            "s3 put", "sqs receive-message")),
    SNS_FILTER_POLICY("SNS filter policy", List.of("sns notification")),
    LAMBDA_FILTER("Lambda filter criteria", List.of("sqs receive-message", "sqs receive-message-fifo",
            "kinesis get-records", "dynamodb insert", "dynamodb update", "dynamodb remove")),
    LOGS_FILTER("CloudWatch Logs filter pattern", List.of("cloudwatch logs"));

    private final String title;
    private final List<String> samples;

    PatternDialect(String title, List<String> samples) {
        this.title = title;
        this.samples = samples;
    }

    public String title() { return title; }

    /** "source type" of the event library's templates, the first the default. */
    public List<String> samples() { return samples; }

    @Override
    public String toString() { return title; }
}
