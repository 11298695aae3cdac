package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Code tab: a draft of the function's code that the editor saves into, whether it differs from the deployed
 * code ("Changes not deployed"), Deploy (compiling Java sources), recovery of unsaved buffers after a crash,
 * upload and download of the package, and the runtime settings. Blocking work runs through the TaskRunner.
 */
public final class CodeViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Workspace workspace;
    private final TaskRunner tasks;
    private final ProgressBoard progress;
    private final String function;
    private final CodeDraft draft;
    private final RecoveryStore recovery;
    private final RuntimeSettingsViewModel runtimeSettings;
    private final Consumer<WorkspaceChange> workspaceListener = this::workspaceChanged;
    private final ReadOnlyObjectWrapper<FunctionConfig> config = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> draftDir = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> handlerFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper draftDiffers = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty buffersDirty = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper undeployed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<CompileProblem> compileProblems = FXCollections.observableArrayList();
    private final ObservableList<String> recoverable = FXCollections.observableArrayList();
    /** Kept: an unmodifiable view holds its listeners weakly, so it must live as long as the ViewModel. */
    private final ObservableList<CompileProblem> compileProblemsView = FXCollections.unmodifiableObservableList(compileProblems);
    private final ObservableList<String> recoverableView = FXCollections.unmodifiableObservableList(recoverable);
    private final CodeStatus status = new CodeStatus();
    private long refreshes;
    private boolean closed;

    public CodeViewModel(ConsoleServices services, String function) {
        this.workspace = services.workspace();
        this.tasks = services.tasks();
        this.progress = services.progress();
        this.function = function;
        this.draft = new CodeDraft(workspace, function, services.stateDir().resolve("drafts"));
        this.recovery = new RecoveryStore(services.stateDir().resolve("recovery").resolve(function));
        this.runtimeSettings = new RuntimeSettingsViewModel(workspace, tasks, function);
        undeployed.bind(Bindings.or(draftDiffers, buffersDirty));
        workspace.addListener(workspaceListener);
    }

    public String function() { return function; }
    public RuntimeSettingsViewModel runtimeSettings() { return runtimeSettings; }
    public CodeStatus status() { return status; }
    public ReadOnlyObjectProperty<FunctionConfig> configProperty() { return config.getReadOnlyProperty(); }
    /** The draft folder the editor shows; null until {@link #open()} has prepared it. */
    public ReadOnlyObjectProperty<Path> draftDirProperty() { return draftDir.getReadOnlyProperty(); }
    /** The file the handler setting names, to open first; null when there is none. */
    public ReadOnlyObjectProperty<Path> handlerFileProperty() { return handlerFile.getReadOnlyProperty(); }
    /** Saved draft files differ from the deployed code. */
    public ReadOnlyBooleanProperty draftDiffersProperty() { return draftDiffers.getReadOnlyProperty(); }
    /** Set by the view: some editor buffer has unsaved changes. */
    public BooleanProperty buffersDirtyProperty() { return buffersDirty; }
    /** "Changes not deployed": the draft or an editor buffer differs from the deployed code. */
    public ReadOnlyBooleanProperty undeployedProperty() { return undeployed.getReadOnlyProperty(); }
    public boolean hasUndeployedChanges() { return undeployed.get(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Errors of the last build that failed; empty once a deploy succeeds. */
    public ObservableList<CompileProblem> compileProblems() { return compileProblemsView; }
    /** Draft files (relative paths) with unsaved work recovered from an earlier session, offered for restore. */
    public ObservableList<String> recoverable() { return recoverableView; }

    /** Prepares the draft (created from the deployed code the first time), then looks for recovered work. */
    public void open() {
        record Opened(FunctionConfig config, boolean differs, List<String> offered, Path handler) { }
        tasks.run(() -> {
            FunctionConfig c = workspace.read(function);
            if ("Image".equals(c.packageTypeOrDefault())) return new Opened(c, false, List.of(), null);
            boolean differs = draft.reconcile(c);
            return new Opened(c, differs, recovery.offered(draft.dir()),
                    HandlerFiles.locate(draft.dir(), c).orElse(null));
        }).onSuccess(o -> {
            if (closed) return;
            config.set(o.config());
            runtimeSettings.load(o.config(), true);
            draftDiffers.set(o.differs());
            recoverable.setAll(o.offered());
            handlerFile.set(o.handler());
            if (!"Image".equals(o.config().packageTypeOrDefault())) draftDir.set(draft.dir());
        }).onFailure(e -> status.error("Cannot open the code of " + function, message(e)));
    }

    /** A draft file was saved by the editor: its recovery copy is obsolete; compare with the deployed code again. */
    public void saved(Path file) {
        if (closed) return;
        String rel = relative(file).orElse(null);
        if (rel != null && !recoverable.contains(rel)) {
            tasks.run(() -> {
                recovery.delete(rel);
                return null;
            });
        }
        refresh();
    }

    /** Compares the draft with the deployed code again (after saves, file operations, outside changes). */
    public void refresh() {
        if (draftDir.get() == null || closed) return;
        long generation = ++refreshes;
        tasks.run(() -> {
            FunctionConfig c = workspace.read(function);
            return Map.entry(c, draft.reconcile(c));
        }).onSuccess(r -> {
            if (generation != refreshes || closed) return;
            config.set(r.getKey());
            runtimeSettings.load(r.getKey(), false);
            draftDiffers.set(r.getValue());
        });
    }

    /** Builds the draft and makes it the function's code (the view saves the editor's buffers first). */
    public void deploy() {
        if (busy.get() || draftDir.get() == null) return;
        busy.set(true);
        status.clear();
        ProgressBoard.Entry entry = progress.start("Deploying " + function);
        tasks.run(() -> draft.deploy(workspace.read(function), step -> entry.update(step, -1)))
                .onSuccess(updated -> {
                    compileProblems.clear();
                    config.set(updated);
                    draftDiffers.set(false);
                    status.success("Deployed " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME),
                            "The next invocation of " + function + " starts a fresh environment with this code.");
                    cleanRecovery();
                })
                .onFailure(e -> {
                    if (e instanceof CompileFailedException c) {
                        compileProblems.setAll(c.problems());
                        status.error("Not deployed: the Java code did not compile", String.join("\n",
                                c.problems().stream().map(CompileProblem::toString).toList()));
                    } else {
                        status.error("Deploy failed", message(e) + "\nThe function still runs the code deployed before; "
                                + "your changes are kept in the draft.");
                    }
                })
                .andFinally(() -> {
                    entry.done();
                    busy.set(false);
                    refresh();
                });
    }

    /** The view could not write an editor buffer to the draft: nothing was deployed. */
    public void deployStopped(String reason) {
        status.error("Not deployed", reason + "\nYour changes are still in the editor.");
    }

    /** A file operation of the editor or its file tree failed (open, save, rename, delete). */
    public void fileError(String message) {
        status.error("File operation failed", message);
    }

    /** Copies unsaved editor buffers (relative path to text) into the recovery folder. */
    public void writeRecovery(Map<String, String> buffers) {
        if (buffers.isEmpty()) return;
        Map<String, String> copy = Map.copyOf(buffers);
        tasks.run(() -> {
            recovery.write(copy);
            return null;
        });
    }

    /** Writes the recovered buffers into the draft; {@code then} receives the restored files. */
    public void restoreRecovery(Consumer<List<Path>> then) {
        List<String> files = List.copyOf(recoverable);
        tasks.run(() -> {
            recovery.restoreInto(draft.dir(), files);
            return files.stream().map(draft.dir()::resolve).toList();
        }).onSuccess(restored -> {
            recoverable.clear();
            status.success("Restored unsaved changes", String.join(", ", files));
            then.accept(restored);
            refresh();
        }).onFailure(e -> status.error("Cannot restore the recovered changes", message(e)));
    }

    public void discardRecovery() {
        List<String> files = List.copyOf(recoverable);
        recoverable.clear();
        tasks.run(() -> {
            for (String rel : files) recovery.delete(rel);
            return null;
        }).onFailure(e -> status.error("Cannot remove the recovered changes", message(e)));
    }

    /**
     * Replaces the function's code with a .zip package; the draft (and its recovery copies) follow.
     * {@code then} runs on success, when the editor should drop its buffers and show the new code.
     */
    public void uploadZip(Path file, Runnable then) {
        if (busy.get()) return;
        busy.set(true);
        status.clear();
        ProgressBoard.Entry entry = progress.start("Uploading " + file.getFileName() + " to " + function);
        tasks.run(() -> {
            FunctionConfig updated = CodePackages.upload(workspace, function, file, draft, recovery);
            return Map.entry(updated, HandlerFiles.locate(draft.dir(), updated));
        }).onSuccess(r -> {
                    compileProblems.clear();
                    recoverable.clear();
                    config.set(r.getKey());
                    draftDiffers.set(false);
                    handlerFile.set(r.getValue().orElse(null));
                    status.success("Uploaded " + file.getFileName(), CodePackages.describe(r.getKey()));
                    then.run();
                })
                .onFailure(e -> status.error("Upload failed", file.getFileName() + ": " + message(e)
                        + "\nThe function's code is unchanged."))
                .andFinally(() -> {
                    entry.done();
                    busy.set(false);
                    refresh();
                });
    }

    /** Saves the deployed code as a .zip package. */
    public void downloadZip(Path target) {
        tasks.run(() -> CodePackages.download(workspace, function, target))
                .onSuccess(size -> status.success("Downloaded " + target.getFileName(),
                        "The deployed code of " + function + " (" + size + " bytes) is in " + target + "."))
                .onFailure(e -> status.error("Download failed", message(e)));
    }

    /** The draft-relative path of a file the editor shows ('/' separators), if it is in the draft. */
    public Optional<String> relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(draft.dir()) && !abs.equals(draft.dir())
                ? Optional.of(CodeFolders.relative(draft.dir(), abs)) : Optional.empty();
    }

    public void close() {
        closed = true;
        workspace.removeListener(workspaceListener);
    }

    private void workspaceChanged(WorkspaceChange change) {
        if (!function.equals(change.functionName()) || closed) return;
        switch (change.kind()) {
            case CODE, CONFIGURATION -> tasks.onUi(this::refresh);
            case DELETED -> tasks.onUi(() -> status.error("Function deleted",
                    function + " no longer exists; its draft is kept in " + draft.dir() + "."));
            default -> { }
        }
    }

    private void cleanRecovery() {
        List<String> offered = List.copyOf(recoverable);
        tasks.run(() -> {
            recovery.clear(offered);
            return null;
        });
    }

    static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
