package dev.lambdaconsole.simulators.triggers;

/** The sources that invoke a function, as the Lambda console names them. */
public enum TriggerKind {
    S3("S3"), SQS("SQS"), SNS("SNS"), EVENTBRIDGE_RULE("EventBridge (CloudWatch Events)"),
    SCHEDULE("EventBridge schedule"), API_GATEWAY("API Gateway"), FUNCTION_URL("Function URL"),
    KINESIS("Kinesis"), DYNAMODB("DynamoDB"), LOGS("CloudWatch Logs");

    private final String label;

    TriggerKind(String label) { this.label = label; }

    /** The source's name for lists and the overview, e.g. "API Gateway". */
    public String label() { return label; }
}
