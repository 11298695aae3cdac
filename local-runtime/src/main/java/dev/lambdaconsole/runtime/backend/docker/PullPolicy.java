package dev.lambdaconsole.runtime.backend.docker;

import java.util.Locale;

/**
 * When the Docker backend pulls an official AWS base image: when it is not in the engine (the default), once per
 * engine start even when it is (to pick up a newer one), or never (only images already present are used).
 * Whatever the policy, a runtime without a usable official image runs on the locally built Debian image.
 */
public enum PullPolicy {
    IF_MISSING("missing"), ALWAYS("always"), NEVER("never");

    private final String option;

    PullPolicy(String option) {
        this.option = option;
    }

    /** The word used on the command line and in the system property: missing, always or never. */
    public String option() { return option; }

    /** Reads {@code missing}, {@code always} or {@code never} (any case; {@code if_missing} too). */
    public static PullPolicy parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (v) {
            case "missing", "if_missing" -> IF_MISSING;
            case "always" -> ALWAYS;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException("the pull policy must be missing, always or never (got '"
                    + value + "')");
        };
    }
}
