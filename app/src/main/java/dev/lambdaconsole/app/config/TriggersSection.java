package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.triggers.TriggersViewModel;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Triggers as an entry of the Configuration sections: it has no form to save (each action applies at once), so
 * it is never dirty; its pane follows the sources by itself.
 */
final class TriggersSection extends SectionViewModel<Void> {
    private final TriggersViewModel triggers;

    TriggersSection(String function, TaskRunner tasks, TriggersViewModel triggers) {
        super("Triggers", function, tasks);
        this.triggers = triggers;
    }

    TriggersViewModel triggers() { return triggers; }

    @Override protected Void read() { return null; }
    @Override protected void show(Void state) { }
    @Override protected Object formState() { return ""; }
    @Override protected Object formOf(Void state) { return ""; }
    @Override protected List<String> validate() { return List.of(); }
    @Override protected Callable<Void> saveWork() { return () -> null; }
}
