package dev.lambdaconsole.simulators.sns;

import java.util.Map;

/**
 * One published message as SNS delivers it.
 *
 * @param attributes {@code name -> {Type, Value}} (Binary values in base64), in the order sent
 * @param structured with MessageStructure=json: the message per protocol ({@code default}, {@code lambda}, {@code sqs})
 */
record SnsMessage(String messageId, String topicArn, String subject, String message, Map<String, String> structured,
                  Map<String, Attribute> attributes, String timestamp, String groupId, String deduplicationId,
                  String sequenceNumber) {
    record Attribute(String type, String value) { }

    /** The body a protocol receives. */
    String messageFor(String protocol) {
        if (structured == null) return message;
        String own = structured.get(protocol);
        return own != null ? own : structured.get("default");
    }
}
