package dev.lambdaconsole.app.triggers.patterns;

/**
 * The tester's answer: whether the sample matched and why not, or what is wrong with the pattern or the event.
 *
 * @param kind    the outcome
 * @param summary one line, e.g. "Matched" or "Not matched"
 * @param reason  which field failed which condition, or the error with its position; null when matched
 */
public record Verdict(Kind kind, String summary, String reason) {
    public enum Kind { MATCHED, NOT_MATCHED, INVALID_PATTERN, INVALID_EVENT }

    static Verdict matched(String detail) { return new Verdict(Kind.MATCHED, "Matched", detail); }

    static Verdict notMatched(String reason) { return new Verdict(Kind.NOT_MATCHED, "Not matched", reason); }

    static Verdict invalidPattern(String reason) { return new Verdict(Kind.INVALID_PATTERN, "The pattern is not valid", reason); }

    static Verdict invalidEvent(String reason) { return new Verdict(Kind.INVALID_EVENT, "The event is not valid JSON", reason); }
}
