package dev.lambdaconsole.app.code;

import java.util.List;
import java.util.stream.Collectors;

/** The Java sources did not compile: nothing was deployed. */
public final class CompileFailedException extends RuntimeException {
    private final List<CompileProblem> problems;

    public CompileFailedException(List<CompileProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<CompileProblem> problems() { return problems; }

    private static String summary(List<CompileProblem> problems) {
        String count = problems.size() == 1 ? "1 error" : problems.size() + " errors";
        return "The Java code did not compile (" + count + "):\n"
                + problems.stream().map(CompileProblem::toString).collect(Collectors.joining("\n"));
    }
}
