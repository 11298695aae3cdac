package dev.lambdaconsole.app.create;

import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.model.LambdaRuntime.Family;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The runtime list as the Lambda console shows it: the latest version of each language first ("Latest
 * supported"), then the older versions, newest first ("Other supported"), with names such as "Node.js 22.x".
 */
public final class RuntimeChoices {
    public static final String LATEST = "Latest supported";
    public static final String OTHER = "Other supported";
    private static final List<Family> FAMILY_ORDER = List.of(Family.NODE, Family.PYTHON, Family.RUBY, Family.JAVA,
            Family.DOTNET, Family.PROVIDED);

    private RuntimeChoices() { }

    /** The given runtimes in the console's order. */
    public static List<LambdaRuntime> ordered(Collection<LambdaRuntime> runtimes) {
        Comparator<LambdaRuntime> byFamily = Comparator.comparingInt(r -> FAMILY_ORDER.indexOf(r.family()));
        Comparator<LambdaRuntime> newestFirst = Comparator.comparingInt(LambdaRuntime::ordinal).reversed();
        List<LambdaRuntime> latest = new ArrayList<>();
        List<LambdaRuntime> other = new ArrayList<>();
        for (LambdaRuntime r : runtimes) (isLatest(r, runtimes) ? latest : other).add(r);
        latest.sort(byFamily);
        other.sort(byFamily.thenComparing(newestFirst));
        latest.addAll(other);
        return latest;
    }

    /** "Latest supported" for the newest runtime of its language among {@code offered}, else "Other supported". */
    public static String group(LambdaRuntime runtime, Collection<LambdaRuntime> offered) {
        return isLatest(runtime, offered) ? LATEST : OTHER;
    }

    private static boolean isLatest(LambdaRuntime runtime, Collection<LambdaRuntime> offered) {
        return offered.stream().noneMatch(o -> o.family() == runtime.family() && o.ordinal() > runtime.ordinal());
    }

    /** The name the console shows, e.g. "Python 3.13", "Node.js 22.x", "Amazon Linux 2023". */
    public static String displayName(LambdaRuntime runtime) {
        return switch (runtime.family()) {
            case PYTHON -> "Python " + runtime.languageVersion();
            case NODE -> "Node.js " + runtime.languageVersion() + ".x";
            case JAVA -> "Java " + runtime.languageVersion() + (runtime == LambdaRuntime.JAVA_8_AL2 ? " on Amazon Linux 2" : "");
            case RUBY -> "Ruby " + runtime.languageVersion();
            case DOTNET -> ".NET " + runtime.languageVersion();
            case PROVIDED -> runtime == LambdaRuntime.PROVIDED_AL2 ? "Amazon Linux 2" : "Amazon Linux 2023";
        };
    }

    /**
     * What to know before choosing a runtime here, or empty: .NET runs only on its official image (nothing stands
     * in for it locally), so the note names that image.
     */
    public static String note(LambdaRuntime runtime) {
        if (runtime == null || runtime.family() != Family.DOTNET) return "";
        return "needs the official image (public.ecr.aws/lambda/" + runtime.officialImageTag() + ")";
    }

    /** The language of a family as the console names it. */
    public static String language(Family family) {
        return switch (family) {
            case PYTHON -> "Python";
            case NODE -> "Node.js";
            case JAVA -> "Java";
            case RUBY -> "Ruby";
            case DOTNET -> ".NET";
            case PROVIDED -> "Custom runtime";
        };
    }
}
