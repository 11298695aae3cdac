package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.problems.Checker;
import dev.lambdaconsole.editor.problems.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's own checker plus the errors of the last failed build for this file, shown only while the text is
 * still the one that was compiled (after an edit they may no longer be true; the next Deploy tells).
 */
final class CompileChecker implements Checker {
    private final Checker base;
    private final List<Diagnostic> compileErrors;
    private final String compiledText;

    CompileChecker(Checker base, List<Diagnostic> compileErrors, String compiledText) {
        this.base = base;
        this.compileErrors = List.copyOf(compileErrors);
        this.compiledText = compiledText;
    }

    @Override
    public List<Diagnostic> check(String source) {
        List<Diagnostic> out = new ArrayList<>(base.check(source));
        if (source.equals(compiledText)) {
            for (Diagnostic d : compileErrors) {
                boolean known = out.stream().anyMatch(o -> o.line() == d.line() && o.message().equals(d.message()));
                if (!known) out.add(d);
            }
        }
        return out;
    }
}
