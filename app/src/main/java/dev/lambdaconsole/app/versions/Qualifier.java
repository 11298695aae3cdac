package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;

import java.util.Locale;
import java.util.Map;

/**
 * One thing an invocation can name after the function: {@code $LATEST}, a published version or an alias, with the
 * words a chooser shows for it ("Version 2 · fix the rounding", "Alias live → 1 (90 %), 2 (10 %)").
 *
 * @param value the qualifier as the Lambda API takes it ({@code $LATEST}, {@code "2"}, {@code "live"})
 */
public record Qualifier(String value, Kind kind, String label) {
    /** ALL: no qualifier chosen, for filters (Monitor lists every invocation); its value is null. */
    public enum Kind { ALL, LATEST, VERSION, ALIAS }

    public static final Qualifier LATEST = new Qualifier(FunctionVersion.LATEST, Kind.LATEST, "$LATEST");
    public static final Qualifier ALL = new Qualifier(null, Kind.ALL, "All versions and aliases");

    public static Qualifier version(FunctionVersion v) {
        String description = v.config().description();
        return new Qualifier(v.version(), Kind.VERSION, "Version " + v.version()
                + (description == null || description.isBlank() ? "" : " · " + description));
    }

    public static Qualifier alias(Alias a) {
        return new Qualifier(a.name(), Kind.ALIAS, "Alias " + a.name() + " → " + routing(a));
    }

    /** Where an alias sends its invocations: "3", or "1 (90 %), 2 (10 %)" with an additional version. */
    public static String routing(Alias a) {
        Map.Entry<String, Double> extra = a.weights().entrySet().stream().findFirst().orElse(null);
        if (extra == null) return a.functionVersion();
        return String.format(Locale.ROOT, "%s (%s %%), %s (%s %%)", a.functionVersion(),
                percent(1 - extra.getValue()), extra.getKey(), percent(extra.getValue()));
    }

    /** A weight (0 to 1) as a percentage with at most one decimal: 0.1 → "10", 0.125 → "12.5". */
    static String percent(double weight) {
        double p = Math.round(weight * 1000) / 10.0;
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }

    public boolean isAlias() { return kind == Kind.ALIAS; }

    @Override
    public String toString() { return label; }
}
