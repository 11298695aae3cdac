package dev.lambdaconsole.editor.problems;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.concurrent.EditorThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.fxmisc.richtext.model.StyledDocument;
import org.reactfx.Subscription;

/**
 * Runs the editor's {@link Checker} on the checker thread once typing pauses (500 ms) and shows the
 * result, unless the text changed meanwhile. A checker that throws yields no diagnostics.
 */
public final class ProblemChecking implements EditorFeature {

    static final Duration PAUSE = Duration.ofMillis(500);

    private final ProblemMarkers markers;
    private final Executor executor;
    private Checker checker = Checker.NONE;
    private CodeEditor editor;
    private Subscription subscription = Subscription.EMPTY;
    private long version;
    private final AtomicReference<Request> pending = new AtomicReference<>();

    private record Request(Checker checker, StyledDocument<?, ?, ?> document, long version) {
    }

    public ProblemChecking(ProblemMarkers markers) {
        this(markers, EditorThreads.checker());
    }

    ProblemChecking(ProblemMarkers markers, Executor executor) {
        this.markers = markers;
        this.executor = executor;
    }

    @Override
    public void install(CodeEditor editor) {
        this.editor = editor;
        Subscription edits = editor.area().multiPlainChanges().subscribe(c -> version++);
        Subscription pauses = editor.area().multiPlainChanges().successionEnds(PAUSE).subscribe(c -> checkNow());
        subscription = edits.and(pauses);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        subscription.unsubscribe();
        version++;
        this.editor = null;
    }

    public void setChecker(Checker checker) {
        this.checker = checker;
        markers.setDiagnostics(List.of());
        checkNow();
    }

    /** Checks the current text in the background now. Without a checker, diagnostics set by others stay. */
    public void checkNow() {
        if (editor == null) {
            return;
        }
        long checkVersion = ++version;
        Checker current = checker;
        if (current == Checker.NONE) {
            return;
        }
        // an immutable snapshot is O(1); turning 20,000 lines into a String happens on the checker thread.
        // Only the newest request is kept: queued ones would each hold a whole document.
        var snapshot = editor.area().getContent().snapshot();
        if (pending.getAndSet(new Request(current, snapshot, checkVersion)) == null) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        Request request = pending.getAndSet(null);
        if (request == null) {
            return;
        }
        List<Diagnostic> found;
        try {
            found = request.checker().check(request.document().getText());
        } catch (RuntimeException checkerFailed) {
            found = List.of();
        }
        List<Diagnostic> result = found;
        Platform.runLater(() -> {
            if (request.version() == version && editor != null) {
                markers.setDiagnostics(result);
            }
        });
    }
}
