package dev.lambdaconsole.app.shell;

/** What a page may ask of the main window: navigate, restart the engine after a settings change, switch theme. */
public interface ShellActions {
    void showFunctions();

    void openFunction(String name);

    void showCreateFunction();

    void showSettings();

    /** Saves the settings and applies them: theme at once, engine settings by restarting the engine in the background. */
    void applySettings(ConsoleSettings settings);
}
