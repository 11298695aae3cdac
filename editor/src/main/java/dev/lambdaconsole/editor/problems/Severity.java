package dev.lambdaconsole.editor.problems;

/** How bad a {@link Diagnostic} is; the name is also its style class suffix ({@code problem-error}). */
public enum Severity {
    ERROR, WARNING, INFO;

    public String styleClass() {
        return "problem-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
