package dev.lambdaconsole.app.shell;

/**
 * Where the window is: one of the console's pages, or a function's page on one of its tabs (optionally with one
 * invocation to show in Monitor). Navigation is state of the shell's ViewModel; the window renders it.
 */
public record Destination(Kind kind, String function, String tab, String requestId) {
    public enum Kind { FUNCTIONS, CREATE_FUNCTION, SERVICES, LAYERS, SETTINGS, FUNCTION }

    public static Destination page(Kind kind) { return new Destination(kind, "", "", ""); }

    public static Destination function(String name, String tab, String requestId) {
        return new Destination(Kind.FUNCTION, name, tab == null || tab.isBlank() ? "codeTab" : tab,
                requestId == null ? "" : requestId);
    }

    /** The function shown, or "" on another page. */
    public String openFunction() { return kind == Kind.FUNCTION ? function : ""; }
}
