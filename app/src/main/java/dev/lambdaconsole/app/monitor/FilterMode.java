package dev.lambdaconsole.app.monitor;

/** How the log viewer reads the filter text. */
public enum FilterMode {
    /** Text anywhere in the message ("Aa" decides case), through the store's substring index. */
    SUBSTRING("Substring", "Filter events (text anywhere in the message)"),
    /** A CloudWatch Logs filter pattern: terms, "phrases", ?any, -not, %regex%, { JSON }, [ fields ]. */
    PATTERN("Filter pattern", "CloudWatch filter pattern, e.g. ERROR -Retry or { $.level = \"ERROR\" }"),
    /** A Java regular expression found anywhere in the message. */
    REGEX("Regex", "Regular expression, e.g. timeout after \\d+ ms");

    private final String label;
    private final String prompt;

    FilterMode(String label, String prompt) {
        this.label = label;
        this.prompt = prompt;
    }

    public String prompt() { return prompt; }

    @Override
    public String toString() { return label; }
}
