package dev.lambdaconsole.runtime.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.FunctionValidator;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Durations;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Functions on disk, as git-friendly files: {@code functions/NAME/function.json} (Lambda's field names),
 * {@code functions/NAME/code/} (the code folder), {@code functions/NAME/events/*.json} (saved test events)
 * {@code functions/NAME/versions/N/} (published versions: code and configuration, never changed),
 * {@code functions/NAME/aliases.json} and {@code layers/NAME/VERSION/} (layer contents). Every write is atomic.
 */
public final class Workspace {
    static final String CONFIG_FILE = "function.json";
    static final String CODE_DIR = "code";
    static final String INVOKE_CONFIG_FILE = "event-invoke-config.json";

    private final Path root;
    private final List<Consumer<WorkspaceChange>> listeners = new CopyOnWriteArrayList<>();
    private final TestEvents events;
    private final VersionStore versions;
    private final AliasStore aliases;

    public Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(functionsDir());
            Files.createDirectories(layersDir());
            Files.createDirectories(stateDir());
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create the workspace folder " + this.root + ": " + e.getMessage()
                    + ". Choose a folder you can write to (--workspace DIR).", e);
        }
        this.events = new TestEvents(this);
        this.versions = new VersionStore(this);
        this.aliases = new AliasStore(this);
    }

    /** ~/LambdaConsole unless the user chose another folder. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), "LambdaConsole");
    }

    public Path root() { return root; }
    public Path functionsDir() { return root.resolve("functions"); }
    public Path layersDir() { return root.resolve("layers"); }
    /** Engine state that is not meant for git (the log database). */
    public Path stateDir() { return root.resolve(".lambda-console"); }
    public Path functionDir(String name) { return functionsDir().resolve(name); }
    public Path codeDir(String name) { return functionDir(name).resolve(CODE_DIR); }
    public TestEvents events() { return events; }

    public void addListener(Consumer<WorkspaceChange> listener) { listeners.add(listener); }
    public void removeListener(Consumer<WorkspaceChange> listener) { listeners.remove(listener); }

    void fire(WorkspaceChange.Kind kind, String name) {
        WorkspaceChange change = new WorkspaceChange(kind, name);
        for (Consumer<WorkspaceChange> l : listeners) {
            l.accept(change);
        }
    }

    /** Every function folder, sorted by name; a folder whose configuration is unreadable comes back broken. */
    public List<FunctionEntry> list() {
        List<FunctionEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(functionsDir(), Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".")) continue;
                try {
                    entries.add(FunctionEntry.loaded(read(name)));
                } catch (FunctionNotFoundException e) {
                    entries.add(FunctionEntry.broken(name, "Missing " + dir.resolve(CONFIG_FILE)));
                } catch (WorkspaceException e) {
                    entries.add(FunctionEntry.broken(name, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot list " + functionsDir() + ": " + e.getMessage(), e);
        }
        entries.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return entries;
    }

    public List<FunctionConfig> functions() {
        return list().stream().flatMap(e -> e.config().stream()).toList();
    }

    public boolean exists(String name) {
        return FunctionValidator.NAME.matcher(name).matches() && Files.isRegularFile(functionDir(name).resolve(CONFIG_FILE));
    }

    /** The function's configuration; throws FunctionNotFoundException or WorkspaceException (corrupt file). */
    public FunctionConfig read(String name) {
        if (!FunctionValidator.NAME.matcher(name).matches()) {
            throw new FunctionNotFoundException(name);
        }
        Path file = functionDir(name).resolve(CONFIG_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FunctionNotFoundException(name);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            FunctionConfig config = Json.MAPPER.readValue(bytes, FunctionConfig.class);
            if (!name.equals(config.functionName())) {
                config = config.toBuilder().functionName(name).build();
            }
            return config;
        } catch (JsonProcessingException e) {
            throw new WorkspaceException("Function " + name + ": " + file + " is not valid JSON ("
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "). Fix or delete the file.", e);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates a function from a .zip package (null: an empty code folder, e.g. for an image function). */
    public FunctionConfig create(FunctionConfig config, byte[] zip) {
        return create(config, zip == null ? CodeSource.empty() : CodeSource.zip(zip));
    }

    public synchronized FunctionConfig create(FunctionConfig config, CodeSource code) {
        FunctionValidator.validate(config);
        String name = config.functionName();
        if (exists(name)) {
            throw new FunctionConflictException("Function already exist: " + name);
        }
        Path dir = functionDir(name);
        Path staging = functionsDir().resolve("." + name + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Path codeDir = staging.resolve(CODE_DIR);
            code.writeTo(codeDir);
            FunctionConfig saved = stamp(config.toBuilder(), CodeArchive.zip(codeDir)).build();
            AtomicFiles.write(staging.resolve(CONFIG_FILE), Json.pretty(saved));
            if (Files.exists(dir)) {
                deleteTree(dir); // a leftover folder without a configuration: nothing to keep
            }
            AtomicFiles.move(staging, dir);
            fire(WorkspaceChange.Kind.CREATED, name);
            return saved;
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create function " + name + " in " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Applies a change to the configuration, validates the result and saves it atomically. */
    public synchronized FunctionConfig updateConfiguration(String name, UnaryOperator<FunctionConfig.Builder> change) {
        FunctionConfig current = read(name);
        FunctionConfig updated = change.apply(current.toBuilder()).functionName(name).build();
        FunctionValidator.validate(updated);
        updated = updated.toBuilder().lastModified(Durations.lastModified(Instant.now()))
                .revisionId(UUID.randomUUID().toString()).build();
        write(name, updated);
        fire(WorkspaceChange.Kind.CONFIGURATION, name);
        return updated;
    }

    /** Replaces the code folder with the contents of a .zip; the old folder stays until the new one is complete. */
    public synchronized FunctionConfig updateCode(String name, byte[] zip) {
        FunctionConfig current = read(name);
        Path codeDir = codeDir(name);
        Path fresh = functionDir(name).resolve(".code-" + UUID.randomUUID());
        Path old = functionDir(name).resolve(".old-" + UUID.randomUUID());
        try {
            CodeSource.zip(zip).writeTo(fresh);
            if (Files.exists(codeDir)) {
                AtomicFiles.move(codeDir, old);
            }
            AtomicFiles.move(fresh, codeDir);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot replace the code of " + name + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(fresh);
            deleteQuietly(old);
        }
        return codeChanged(name, current);
    }

    /** Records that files of the code folder changed (an edit in the console): new size, hash and time. */
    public synchronized FunctionConfig codeChanged(String name) {
        return codeChanged(name, read(name));
    }

    private FunctionConfig codeChanged(String name, FunctionConfig current) {
        FunctionConfig updated = stamp(current.toBuilder(), CodeArchive.zip(codeDir(name))).build();
        write(name, updated);
        fire(WorkspaceChange.Kind.CODE, name);
        return updated;
    }

    /** The code folder as a deterministic .zip (what GetFunction's download link serves). */
    public byte[] codeZip(String name) {
        read(name);
        return CodeArchive.zip(codeDir(name));
    }

    /** The code folder of {@code $LATEST} or a published version as a deterministic .zip. */
    public byte[] codeZip(String name, String version) {
        return CodeArchive.zip(version(name, version).codeDir());
    }

    public synchronized void delete(String name) {
        if (!exists(name)) {
            throw new FunctionNotFoundException(name);
        }
        Path dir = functionDir(name);
        Path trash = functionsDir().resolve(".deleted-" + name + "-" + UUID.randomUUID());
        try {
            AtomicFiles.move(dir, trash);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
        deleteQuietly(trash);
        fire(WorkspaceChange.Kind.DELETED, name);
    }

    public EventInvokeConfig eventInvokeConfig(String name) {
        read(name);
        Path file = functionDir(name).resolve(INVOKE_CONFIG_FILE);
        if (!Files.exists(file)) {
            return EventInvokeConfig.DEFAULT;
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), EventInvokeConfig.class);
        } catch (IOException e) {
            throw new WorkspaceException("Function " + name + ": cannot read " + file + " (" + e.getMessage()
                    + "). Fix or delete the file.", e);
        }
    }

    public synchronized EventInvokeConfig putEventInvokeConfig(String name, EventInvokeConfig config) {
        read(name);
        config.validate();
        EventInvokeConfig stamped = new EventInvokeConfig(config.maximumRetryAttempts(),
                config.maximumEventAgeInSeconds(), config.destinationConfig(), Instant.now().toEpochMilli() / 1000.0);
        try {
            AtomicFiles.write(functionDir(name).resolve(INVOKE_CONFIG_FILE), Json.pretty(stamped));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot save the asynchronous invocation settings of " + name + ": "
                    + e.getMessage(), e);
        }
        fire(WorkspaceChange.Kind.CONFIGURATION, name);
        return stamped;
    }

    // ---- versions and aliases ----

    /**
     * Publishes $LATEST as a new immutable version (its code copied into {@code versions/N/code}), or returns the
     * last published version when neither code nor configuration changed since. {@code description} overrides the
     * function's; {@code expectedCodeSha256} and {@code expectedRevisionId} (null: not checked) must be $LATEST's, else
     * InvalidParameterValueException (400) or PreconditionFailedException (412). A new version renews $LATEST's
     * RevisionId.
     */
    public synchronized FunctionVersion publishVersion(String name, String description, String expectedCodeSha256,
                                                       String expectedRevisionId) {
        List<FunctionVersion> before = versions.list(name);
        FunctionVersion published = versions.publish(name, description, expectedCodeSha256, expectedRevisionId);
        if (before.stream().noneMatch(v -> v.version().equals(published.version()))) {
            FunctionConfig latest = read(name);
            write(name, latest.toBuilder().revisionId(UUID.randomUUID().toString()).build());
            fire(WorkspaceChange.Kind.VERSIONS, name);
        }
        return published;
    }

    /** The published versions of a function, ascending (without $LATEST). */
    public List<FunctionVersion> versions(String name) {
        return versions.list(name);
    }

    /** {@code $LATEST} or a published version; FunctionNotFoundException (with the qualifier) when there is none. */
    public FunctionVersion version(String name, String version) {
        if (version == null || FunctionVersion.LATEST.equals(version)) {
            return new FunctionVersion(name, FunctionVersion.LATEST, read(name), codeDir(name));
        }
        read(name);
        FunctionVersion found = versions.find(name, version);
        if (found == null) throw new FunctionNotFoundException(name, version);
        return found;
    }

    /**
     * Deletes a published version. $LATEST or an alias: InvalidParameterValueException; a version an alias points or
     * routes to: ResourceConflictException; no such version: FunctionNotFoundException.
     */
    public synchronized void deleteVersion(String name, String version) {
        read(name);
        if (version == null || FunctionVersion.LATEST.equals(version)) {
            throw VersioningException.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        if (!VersionStore.isNumber(version)) {
            throw VersioningException.invalidParameter("Deletion of aliases is not supported. Use DeleteAlias to delete"
                    + " alias " + version + ".");
        }
        FunctionVersion found = version(name, version);
        List<String> users = aliases.list(name).stream()
                .filter(a -> a.functionVersion().equals(found.version()) || a.weights().containsKey(found.version()))
                .map(Alias::name).toList();
        if (!users.isEmpty()) {
            throw VersioningException.conflict("Unable to delete version because the following aliases reference it: "
                    + users, null, null);
        }
        versions.delete(name, found.version());
        fire(WorkspaceChange.Kind.VERSIONS, name);
    }

    /** Creates an alias; {@code weights} (null or empty: none) sends a share of invocations to one more version. */
    public synchronized Alias createAlias(String name, String alias, String functionVersion, String description,
                                          Map<String, Double> weights) {
        Alias created = aliases.create(name, alias, functionVersion, description, weights);
        fire(WorkspaceChange.Kind.ALIASES, name);
        return created;
    }

    /** The alias; ResourceNotFoundException when the function has none of that name. */
    public Alias alias(String name, String alias) {
        return aliases.get(name, alias);
    }

    /** The function's aliases by name. */
    public List<Alias> aliases(String name) {
        return aliases.list(name);
    }

    /**
     * Changes an alias: a null {@code functionVersion} or {@code description} keeps it, null {@code weights} keep the
     * routing and empty ones clear it; a stale {@code expectedRevisionId} gives PreconditionFailedException.
     */
    public synchronized Alias updateAlias(String name, String alias, String functionVersion, String description,
                                          Map<String, Double> weights, String expectedRevisionId) {
        Alias updated = aliases.update(name, alias, functionVersion, description, weights, expectedRevisionId);
        fire(WorkspaceChange.Kind.ALIASES, name);
        return updated;
    }

    public synchronized void deleteAlias(String name, String alias) {
        aliases.delete(name, alias);
        fire(WorkspaceChange.Kind.ALIASES, name);
    }

    /**
     * What {@code qualifier} names for the function: null or {@code $LATEST}, a version number, or an alias (with
     * its routing). FunctionNotFoundException (naming the qualifier) when the function has no such version or alias.
     */
    public QualifiedTarget resolve(String name, String qualifier) {
        // on every invocation: existence checks, no configuration parsed
        if (!exists(name)) throw new FunctionNotFoundException(name);
        if (qualifier == null || qualifier.isEmpty() || FunctionVersion.LATEST.equals(qualifier)) {
            return new QualifiedTarget(name, FunctionVersion.LATEST, null, FunctionVersion.LATEST, null, 0);
        }
        if (VersionStore.isNumber(qualifier)) {
            String version = Long.toString(Long.parseLong(qualifier));
            if (!Files.isRegularFile(versions.versionsDir(name).resolve(version).resolve(CONFIG_FILE))) {
                throw new FunctionNotFoundException(name, qualifier);
            }
            return new QualifiedTarget(name, qualifier, null, version, null, 0);
        }
        if (!AliasStore.NAME.matcher(qualifier).matches()) throw new FunctionNotFoundException(name, qualifier);
        Alias alias = aliases.find(name, qualifier);
        if (alias == null) throw new FunctionNotFoundException(name, qualifier);
        Map.Entry<String, Double> extra = alias.weights().entrySet().stream().findFirst().orElse(null);
        return new QualifiedTarget(name, qualifier, alias.name(), alias.functionVersion(),
                extra == null ? null : extra.getKey(), extra == null ? 0 : extra.getValue());
    }

    VersionStore versionStore() { return versions; }

    /** The folder of a layer version named by its ARN: layers/NAME/VERSION. */
    public Path layerDir(String layerArn) {
        String[] parts = layerArn.split(":");
        if (parts.length < 8 || !"layer".equals(parts[5])) {
            throw new ValidationException("Layers", "must be a layer version ARN", layerArn);
        }
        Path dir = layersDir().resolve(parts[6]).resolve(parts[7]);
        if (!Files.isDirectory(dir)) {
            throw new WorkspaceException("Layer " + layerArn + " is not in the workspace: put its contents in " + dir);
        }
        return dir;
    }

    private void write(String name, FunctionConfig config) {
        Path file = functionDir(name).resolve(CONFIG_FILE);
        try {
            AtomicFiles.write(file, Json.pretty(config));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    private static FunctionConfig.Builder stamp(FunctionConfig.Builder builder, byte[] packaged) {
        return builder.codeSize((long) packaged.length).codeSha256(CodeArchive.sha256Base64(packaged))
                .lastModified(Durations.lastModified(Instant.now())).revisionId(UUID.randomUUID().toString());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // best effort: a leftover dot-folder is skipped by list() and never read
        }
    }
}
