package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.ColorScheme;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.files.EditorTab;
import dev.lambdaconsole.editor.files.FileTreeView;
import dev.lambdaconsole.editor.files.MultiFileEditor;
import dev.lambdaconsole.editor.problems.Checkers;
import dev.lambdaconsole.editor.problems.Diagnostic;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.util.Duration;
import org.reactfx.Subscription;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Code tab's editor: the draft folder's tree and tabs, saved into the draft when typing pauses, copied for
 * crash recovery every few seconds while unsaved, and showing the last build's compile errors as markers.
 */
final class EditorSession {
    static final Duration AUTOSAVE = Duration.millis(1500);
    static final Duration RECOVERY = Duration.seconds(5);

    private record PendingSave(Set<Path> files, Runnable then, Consumer<String> failed) { }

    private final CodeViewModel vm;
    private final MultiFileEditor editor;
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE);
    private final Timeline recovery = new Timeline(new KeyFrame(RECOVERY, e -> copyForRecovery()));
    private final Map<EditorTab, Subscription> watched = new IdentityHashMap<>();
    private final InvalidationListener dirtyListener = o -> updateDirty();
    private final Set<EditorTab> marked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private PendingSave pending;
    private final ColorScheme scheme;

    EditorSession(CodeViewModel vm, ColorScheme scheme) {
        this.vm = vm;
        this.scheme = scheme;
        RoutedDialogs dialogs = new RoutedDialogs(this::fileError);
        editor = new MultiFileEditor(TaskRunner.fx(), dialogs, dialogs);
        editor.setId("codeEditor");
        editor.addSaveListener((file, text) -> saved(file));
        editor.tabPane().getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(t -> unwatch((EditorTab) t));
                change.getAddedSubList().forEach(t -> watch((EditorTab) t));
            }
            updateDirty();
        });
        autosave.setOnFinished(e -> saveModified());
        recovery.setCycleCount(Timeline.INDEFINITE);
        recovery.play();
    }

    MultiFileEditor node() { return editor; }

    void openFolder(Path dir) {
        FileTreeView tree = editor.openFolder(dir);
        tree.setId("codeTree");
    }

    EditorTab open(Path file) { return editor.open(file); }

    /** Writes every unsaved buffer to the draft, then runs {@code then}; {@code failed} if a write fails. */
    void saveAll(Runnable then, Consumer<String> failed) {
        if (pending != null) return;
        List<EditorTab> dirty = modifiedTabs();
        if (dirty.isEmpty()) {
            then.run();
            return;
        }
        Set<Path> files = new HashSet<>();
        dirty.forEach(t -> files.add(t.getFile()));
        pending = new PendingSave(files, then, failed);
        dirty.forEach(editor::save);
    }

    /** Drops every tab without saving (the code was replaced by an upload). */
    void discardAll() {
        for (EditorTab tab : editor.editorTabs()) {
            tab.editor().markSaved();
            editor.close(tab);
        }
    }

    /** Opens the file of a compile error with the caret on its line. */
    void show(CompileProblem problem, Path draftDir) {
        EditorTab tab = editor.open(draftDir.resolve(problem.file()));
        whenLoaded(tab, () -> {
            var area = tab.editor().area();
            int line = (int) Math.min(problem.line() - 1, area.getParagraphs().size() - 1);
            area.moveTo(line, (int) Math.min(problem.column() - 1, area.getParagraphLength(line)));
            area.requestFollowCaret();
            area.requestFocus();
        });
    }

    /** Shows the last build's errors (or none) in every open tab. */
    void showCompileProblems() {
        editor.editorTabs().forEach(this::applyCompileProblems);
    }

    /** Saves what is unsaved into the draft (nothing is lost by closing the tab) and stops watching. */
    void dispose() {
        autosave.stop();
        recovery.stop();
        saveModified();
        editor.closeAll();
        watched.values().forEach(Subscription::unsubscribe);
        watched.clear();
    }

    private void watch(EditorTab tab) {
        tab.editor().setColorScheme(scheme);
        tab.editor().modifiedProperty().addListener(dirtyListener);
        tab.contentProperty().addListener(o -> applyCompileProblems(tab));
        watched.put(tab, tab.editor().area().plainTextChanges().subscribe(c -> autosave.playFromStart()));
    }

    private void unwatch(EditorTab tab) {
        tab.editor().modifiedProperty().removeListener(dirtyListener);
        marked.remove(tab);
        Subscription s = watched.remove(tab);
        if (s != null) s.unsubscribe();
    }

    private void updateDirty() {
        vm.buffersDirtyProperty().set(editor.editorTabs().stream().anyMatch(EditorTab::isModified));
    }

    private List<EditorTab> modifiedTabs() {
        return editor.editorTabs().stream().filter(t -> t.isLoaded() && t.isModified()).toList();
    }

    private void saveModified() {
        modifiedTabs().forEach(editor::save);
    }

    private void copyForRecovery() {
        Map<String, String> buffers = new LinkedHashMap<>();
        for (EditorTab tab : modifiedTabs()) {
            vm.relative(tab.getFile()).ifPresent(rel -> buffers.put(rel, tab.editor().getText()));
        }
        vm.writeRecovery(buffers);
    }

    private void saved(Path file) {
        vm.saved(file);
        if (pending != null && pending.files().remove(file) && pending.files().isEmpty()) {
            PendingSave done = pending;
            pending = null;
            done.then().run();
        }
    }

    private void fileError(String message) {
        if (pending != null) {
            PendingSave failed = pending;
            pending = null;
            failed.failed().accept(message);
        } else {
            vm.fileError(message);
        }
    }

    private void applyCompileProblems(EditorTab tab) {
        if (!showsText(tab)) return;
        String rel = vm.relative(tab.getFile()).orElse("");
        List<Diagnostic> errors = vm.compileProblems().stream().filter(p -> p.file().equals(rel))
                .map(p -> Diagnostic.error((int) p.line(), (int) p.column(), p.message())).toList();
        var base = Checkers.forLanguage(tab.editor().getLanguage());
        if (!errors.isEmpty()) {
            marked.add(tab);
            tab.editor().setChecker(new CompileChecker(base, errors, tab.editor().getText()));
        } else if (marked.remove(tab)) {
            tab.editor().setChecker(base);
        }
    }

    /** The tab shows its file's text (its content turns from "Loading..." to the editor once read). */
    private static boolean showsText(EditorTab tab) {
        return tab.getContent() == tab.editor();
    }

    private static void whenLoaded(EditorTab tab, Runnable action) {
        if (showsText(tab)) {
            action.run();
            return;
        }
        tab.contentProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (!showsText(tab)) return;
                tab.contentProperty().removeListener(this);
                action.run();
            }
        });
    }
}
