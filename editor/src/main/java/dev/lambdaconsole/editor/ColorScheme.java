package dev.lambdaconsole.editor;

import javafx.scene.paint.Color;

/** The editor's colour schemes: each is a stylesheet defining the {@code -syntax-*} colours. */
public enum ColorScheme {
    LIGHT("editor-light.css", Color.web("#f2f5fb")),
    DARK("editor-dark.css", Color.web("#2a2d35"));

    private final String stylesheet;
    private final Color currentLine;

    ColorScheme(String stylesheet, Color currentLine) {
        this.stylesheet = stylesheet;
        this.currentLine = currentLine;
    }

    public String stylesheetUrl() {
        return ColorScheme.class.getResource(stylesheet).toExternalForm();
    }

    /** Fill behind the line the caret is on. */
    public Color currentLineFill() {
        return currentLine;
    }
}
