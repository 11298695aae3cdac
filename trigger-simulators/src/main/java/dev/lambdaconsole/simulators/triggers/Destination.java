package dev.lambdaconsole.simulators.triggers;

/**
 * Where a function's results go: an asynchronous invocation destination, or an event source mapping's on-failure
 * destination.
 *
 * @param source for {@link Condition#MAPPING_ON_FAILURE}: the mapping's trigger name (queue, stream); else null
 */
public record Destination(Kind kind, String arn, String name, Condition condition, String source) {
    public enum Kind {
        SQS("SQS queue"), SNS("SNS topic"), LAMBDA("Lambda function"), EVENT_BUS("EventBridge event bus"), S3("S3 bucket");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }

        /** The kind of a destination ARN, or null for an ARN of no destination service. */
        public static Kind of(String arn) {
            if (arn == null) return null;
            if (arn.startsWith("arn:aws:sqs:")) return SQS;
            if (arn.startsWith("arn:aws:sns:")) return SNS;
            if (arn.startsWith("arn:aws:lambda:")) return LAMBDA;
            if (arn.startsWith("arn:aws:events:")) return EVENT_BUS;
            if (arn.startsWith("arn:aws:s3:")) return S3;
            return null;
        }
    }

    public enum Condition {
        ON_SUCCESS("On success"), ON_FAILURE("On failure"),
        MAPPING_ON_FAILURE("On failure (mapping)");

        private final String label;

        Condition(String label) { this.label = label; }

        public String label() { return label; }
    }
}
