package dev.lambdaconsole.simulators.mappings;

/** The poll-based sources this console maps, told from the event source ARN. */
public enum SourceKind {
    SQS("aws:sqs"), KINESIS("aws:kinesis"), DYNAMODB("aws:dynamodb");

    private final String eventSource;

    SourceKind(String eventSource) { this.eventSource = eventSource; }

    /** The records' {@code eventSource}. */
    public String eventSource() { return eventSource; }

    public boolean stream() { return this != SQS; }

    /** The kind of an ARN, or null when the ARN is not one of these sources. */
    public static SourceKind of(String arn) {
        if (arn == null) return null;
        String[] p = arn.split(":", 6);
        if (p.length < 6 || !p[0].equals("arn")) return null;
        return switch (p[2]) {
            case "sqs" -> SQS;
            case "kinesis" -> p[5].startsWith("stream/") ? KINESIS : null;
            case "dynamodb" -> p[5].matches("table/[^/]+/stream/.+") ? DYNAMODB : null;
            default -> null;
        };
    }
}
