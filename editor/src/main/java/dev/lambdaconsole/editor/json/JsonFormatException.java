package dev.lambdaconsole.editor.json;

import dev.lambdaconsole.editor.problems.Diagnostic;

/** The text could not be formatted because it is not valid JSON. */
public final class JsonFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    public JsonFormatException(Diagnostic diagnostic) {
        super(diagnostic.toString());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
