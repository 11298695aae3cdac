package dev.lambdaconsole.editor;

/** The editor's colour schemes: each is a stylesheet defining the {@code -syntax-*} colours. */
public enum ColorScheme {
    LIGHT("editor-light.css"),
    DARK("editor-dark.css");

    private final String stylesheet;
    ColorScheme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public String stylesheetUrl() {
        return ColorScheme.class.getResource(stylesheet).toExternalForm();
    }
}
