package dev.lambdaconsole.editor;

/**
 * A piece of editor behaviour (highlighting, brackets, find bar, ...) that plugs into a
 * {@link CodeEditor} and can be taken out again.
 */
public interface EditorFeature {

    void install(CodeEditor editor);

    void uninstall(CodeEditor editor);
}
