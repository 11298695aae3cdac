package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.FunctionValidator;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * General configuration: description, memory, ephemeral storage and timeout, checked as they are typed with
 * the engine's rules. Saving retires the function's warm environments, so the next invocation runs with the
 * new values.
 */
public final class GeneralViewModel extends SectionViewModel<FunctionConfig> {
    private final Workspace workspace;
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty memory = new SimpleStringProperty("");
    private final StringProperty ephemeral = new SimpleStringProperty("");
    private final StringProperty timeout = new SimpleStringProperty("");
    private final Map<String, ReadOnlyStringWrapper> errors = Map.of("Description", new ReadOnlyStringWrapper(""),
            "MemorySize", new ReadOnlyStringWrapper(""), "EphemeralStorage.Size", new ReadOnlyStringWrapper(""),
            "Timeout", new ReadOnlyStringWrapper(""));
    private static final Map<String, String> LABELS = Map.of("Description", "Description", "MemorySize", "Memory",
            "EphemeralStorage.Size", "Ephemeral storage", "Timeout", "Timeout");
    private FunctionConfig current;

    public GeneralViewModel(String function, Workspace workspace, TaskRunner tasks) {
        super("General configuration", function, tasks);
        this.workspace = workspace;
        for (StringProperty p : List.of(description, memory, ephemeral, timeout)) {
            p.addListener((o, was, now) -> edited());
        }
    }

    public StringProperty descriptionProperty() { return description; }
    /** Memory in MB (128–10240). */
    public StringProperty memoryProperty() { return memory; }
    /** Ephemeral storage (/tmp) in MB (512–10240). */
    public StringProperty ephemeralProperty() { return ephemeral; }
    /** Timeout in seconds (1–900). */
    public StringProperty timeoutProperty() { return timeout; }
    public ReadOnlyStringProperty descriptionError() { return errors.get("Description").getReadOnlyProperty(); }
    public ReadOnlyStringProperty memoryError() { return errors.get("MemorySize").getReadOnlyProperty(); }
    public ReadOnlyStringProperty ephemeralError() { return errors.get("EphemeralStorage.Size").getReadOnlyProperty(); }
    public ReadOnlyStringProperty timeoutError() { return errors.get("Timeout").getReadOnlyProperty(); }

    @Override
    protected FunctionConfig read() { return workspace.read(function); }

    @Override
    protected void show(FunctionConfig c) {
        current = c;
        description.set(c.description() == null ? "" : c.description());
        memory.set(String.valueOf(c.memoryOrDefault()));
        ephemeral.set(String.valueOf(c.ephemeralOrDefault()));
        timeout.set(String.valueOf(c.timeoutOrDefault()));
    }

    @Override
    protected Object formState() {
        return List.of(description.get(), memory.get().trim(), ephemeral.get().trim(), timeout.get().trim());
    }

    @Override
    protected Object formOf(FunctionConfig c) {
        return List.of(c.description() == null ? "" : c.description(), String.valueOf(c.memoryOrDefault()),
                String.valueOf(c.ephemeralOrDefault()), String.valueOf(c.timeoutOrDefault()));
    }

    @Override
    protected List<String> validate() {
        errors.values().forEach(e -> e.set(""));
        WholeNumber mem = number("MemorySize", memory.get());
        WholeNumber eph = number("EphemeralStorage.Size", ephemeral.get());
        WholeNumber time = number("Timeout", timeout.get());
        if (current != null) {
            try {
                FunctionValidator.validate(apply(current.toBuilder(), description.get(), mem.value(), eph.value(),
                        time.value()).build());
            } catch (ValidationException e) {
                for (ValidationException.Problem p : e.problems()) {
                    ReadOnlyStringWrapper field = errors.get(p.field());
                    if (field != null && field.get().isEmpty()) field.set(p.rule());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String field : List.of("Description", "MemorySize", "EphemeralStorage.Size", "Timeout")) {
            String rule = errors.get(field).get();
            if (!rule.isEmpty()) problems.add(LABELS.get(field) + " " + rule);
        }
        return problems;
    }

    private WholeNumber number(String field, String text) {
        WholeNumber n = WholeNumber.parse(text, false);
        errors.get(field).set(n.problem());
        return n;
    }

    private static FunctionConfig.Builder apply(FunctionConfig.Builder b, String text, Integer mem, Integer eph,
                                                Integer time) {
        return b.description(text.isBlank() ? null : text).memorySize(mem).ephemeralStorage(eph).timeout(time);
    }

    @Override
    protected Callable<FunctionConfig> saveWork() {
        Integer mem = Integer.valueOf(memory.get().trim());
        Integer eph = Integer.valueOf(ephemeral.get().trim());
        Integer time = Integer.valueOf(timeout.get().trim());
        String text = description.get();
        return () -> workspace.updateConfiguration(function, b -> apply(b, text, mem, eph, time));
    }
}
