package dev.lambdaconsole.simulators.patterns;

/**
 * Whether an event matched a pattern and, if not, why: the first field and condition that failed, e.g.
 * {@code detail.amount: 5 is not > 10}.
 */
public record Match(boolean matched, String reason) {
    static final Match MATCHED = new Match(true, null);

    static Match failed(String reason) { return new Match(false, reason); }

    @Override
    public String toString() { return matched ? "matched" : "no match: " + reason; }
}
