package dev.lambdaconsole.app.common;

/** What a page may ask of the main window: navigate, restart the engine after a settings change, switch theme. */
public interface ShellActions {
    void showFunctions();

    void openFunction(String name);

    void showCreateFunction();

    void showSettings();

    /** The local services (buckets, queues, topics, buses, schedules, streams, APIs). */
    void showServices();

    /**
     * Opens a function's page on one of its tabs ("codeTab", "testTab", "monitorTab", "configurationTab", "aliasesTab",
     * "versionsTab").
     */
    void openFunction(String name, String tabId);

    /** Opens a function's Monitor tab with one invocation (by request id) selected. */
    void openInvocation(String function, String requestId);

    /** Saves the settings and applies them: theme at once, engine settings by restarting the engine in the background. */
    void applySettings(ConsoleSettings settings);
}
