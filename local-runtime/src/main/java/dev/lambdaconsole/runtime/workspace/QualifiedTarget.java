package dev.lambdaconsole.runtime.workspace;

/**
 * What a qualifier names: a version, or an alias and the versions its invocations go to. An alias with a weight
 * sends each invocation to {@code additionalVersion} when a uniform draw r in [0, 1) is below the weight, else to
 * {@code version}, as Lambda does.
 *
 * @param qualifier         {@code $LATEST}, a version number or an alias name, as the caller named it
 * @param alias             the alias's name, or null when the qualifier is a version
 * @param version           the version every invocation runs unless the draw picks the additional one
 * @param additionalVersion the alias's additional version, or null
 * @param additionalWeight  the share of invocations the additional version gets (0 without one)
 */
public record QualifiedTarget(String functionName, String qualifier, String alias, String version,
                              String additionalVersion, double additionalWeight) {

    /** The version one invocation runs, given its draw r in [0, 1). */
    public String pick(double r) {
        return additionalVersion != null && r < additionalWeight ? additionalVersion : version;
    }

    /** Whether the qualifier is an alias. */
    public boolean isAlias() { return alias != null; }
}
