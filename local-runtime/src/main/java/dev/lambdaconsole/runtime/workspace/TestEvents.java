package dev.lambdaconsole.runtime.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Saved test events of a function: {@code functions/NAME/events/EVENT.json}, at most 10 per function. */
public final class TestEvents {
    public static final int MAX_EVENTS = 10;
    private static final Pattern EVENT_NAME = Pattern.compile("^[A-Za-z0-9._-]{1,25}$");
    private final Workspace workspace;

    TestEvents(Workspace workspace) { this.workspace = workspace; }

    private Path dir(String function) {
        workspace.read(function);
        return workspace.functionDir(function).resolve("events");
    }

    public List<String> names(String function) {
        Path dir = dir(function);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - 5)).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        } catch (IOException e) {
            throw new WorkspaceException("Cannot list the test events of " + function + ": " + e.getMessage(), e);
        }
    }

    public String read(String function, String event) {
        Path file = dir(function).resolve(checkName(event) + ".json");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException("Test event " + event + " of " + function + " does not exist");
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves (creates or replaces) an event after checking that it is JSON. */
    public synchronized void save(String function, String event, String json) {
        checkJson(json);
        Path dir = dir(function);
        Path file = dir.resolve(checkName(event) + ".json");
        if (!Files.exists(file) && names(function).size() >= MAX_EVENTS) {
            throw new ValidationException("Event name", "a function keeps at most " + MAX_EVENTS
                    + " saved test events; delete one first", event);
        }
        try {
            AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot save " + file + ": " + e.getMessage(), e);
        }
        workspace.fire(WorkspaceChange.Kind.EVENTS, function);
    }

    public synchronized void rename(String function, String from, String to) {
        Path dir = dir(function);
        Path target = dir.resolve(checkName(to) + ".json");
        if (Files.exists(target)) {
            throw new ValidationException("Event name", "another test event already has this name", to);
        }
        try {
            AtomicFiles.move(dir.resolve(checkName(from) + ".json"), target);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot rename test event " + from + ": " + e.getMessage(), e);
        }
        workspace.fire(WorkspaceChange.Kind.EVENTS, function);
    }

    public synchronized void delete(String function, String event) {
        try {
            Files.deleteIfExists(dir(function).resolve(checkName(event) + ".json"));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot delete test event " + event + ": " + e.getMessage(), e);
        }
        workspace.fire(WorkspaceChange.Kind.EVENTS, function);
    }

    private static String checkName(String event) {
        if (event == null || !EVENT_NAME.matcher(event).matches()) {
            throw new ValidationException("Event name",
                    "must be 1 to 25 characters of letters, digits, dots, hyphens and underscores", event);
        }
        return event;
    }

    /** Throws a ValidationException naming the line and column of the first JSON error. */
    public static void checkJson(String json) {
        try {
            Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("Event JSON", "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), null);
        }
    }
}
