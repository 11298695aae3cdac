package dev.lambdaconsole.editor.problems;

import dev.lambdaconsole.editor.syntax.Language;

/** The default {@link Checker} for each language; {@link Checker#NONE} where there is none. */
public final class Checkers {

    private Checkers() {
    }

    public static Checker forLanguage(Language language) {
        return switch (language) {
            case PYTHON -> new PythonChecker();
            case JAVASCRIPT -> new JavaScriptChecker();
            case JAVA -> new JavaChecker();
            case JSON -> new JsonChecker();
            default -> Checker.NONE;
        };
    }
}
