package dev.lambdaconsole.simulators.patterns;

/**
 * The three AWS pattern languages built on the same matcher, with what each accepts and how each reports a
 * pattern it refuses.
 */
public enum Dialect {
    /** EventBridge rules and {@code TestEventPattern}: every operator; a key "a.b" also reaches {@code {"a":{"b":…}}}. */
    EVENTBRIDGE("InvalidEventPatternException", true, true, true),
    /** SNS subscription filter policies (attributes or body): no wildcard; at most 5 keys and 150 combinations. */
    SNS_FILTER_POLICY("InvalidParameter", false, true, false),
    /** Lambda event source mapping FilterCriteria: no wildcard, no cidr; one generic error message. */
    LAMBDA_FILTER("InvalidParameterValueException", false, false, false);

    private final String errorCode;
    private final boolean wildcard;
    private final boolean cidr;
    private final boolean dottedKeys;

    Dialect(String errorCode, boolean wildcard, boolean cidr, boolean dottedKeys) {
        this.errorCode = errorCode;
        this.wildcard = wildcard;
        this.cidr = cidr;
        this.dottedKeys = dottedKeys;
    }

    public String errorCode() { return errorCode; }

    boolean allowsWildcard() { return wildcard; }

    boolean allowsCidr() { return cidr; }

    /** Whether a pattern key containing dots also matches the nested fields it names (EventBridge, observed). */
    boolean dottedKeys() { return dottedKeys; }

    /** The message AWS answers for a pattern refused for {@code reason}. */
    String message(String reason) {
        return switch (this) {
            case EVENTBRIDGE -> "Event pattern is not valid. Reason: " + reason;
            case SNS_FILTER_POLICY -> reason.startsWith("Filter policy scope ")
                    ? "Invalid parameter: " + reason : "Invalid parameter: FilterPolicy: " + reason;
            case LAMBDA_FILTER -> "Invalid filter pattern definition.";
        };
    }

    InvalidPatternException invalid(String reason) {
        return new InvalidPatternException(this, reason);
    }
}
