package dev.lambdaconsole.benchmarks.editor;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.highlight.PreparedText;
import dev.lambdaconsole.editor.syntax.Language;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Editor performance on a generated 20,000-line Python file, in a real window (run under Xvfb),
 * next to a baseline measured in the same run: a bare RichTextFX {@code CodeArea} (no colours, no
 * features) in the same window size, so the figures say how much is RichTextFX on this machine.
 * <ul>
 *   <li>open: until every line is coloured (highlighting idle) and the next pulse has laid out the
 *       scene, plus the longest FX-thread stall seen meanwhile; both ways the editor offers:
 *       {@code PreparedText.of} on a background thread then {@code setText(prepared)} (how tabs open
 *       files), and the synchronous {@code setText(String)};</li>
 *   <li>keystroke: the FX-thread time to handle a KEY_TYPED event dispatched to the text area, and
 *       the time until the next pulse has laid out the scene (includes waiting for the previous
 *       frame to render), typing in bursts in the middle of the file;</li>
 *   <li>memory: heap used after GC with the document open and coloured, minus the empty editor.</li>
 * </ul>
 * Prints min / median / p95 and the machine. Not a test: no thresholds are checked here.
 */
public final class EditorBenchmark {

    private static final int LINES = 20_000;
    private static final int OPEN_RUNS = 7;
    private static final int BURSTS = 15;
    private static final int KEYS_PER_BURST = 20;

    private final Stage stage;
    private final CodeEditor editor;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bench-reader");
        thread.setDaemon(true);
        return thread;
    });

    private EditorBenchmark(Stage stage, CodeEditor editor) {
        this.stage = stage;
        this.editor = editor;
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // the baseline's window closes before the editor's opens: do not let that end the toolkit
        Platform.setImplicitExit(false);
        String source = PythonSource.generate(LINES);
        System.out.printf("Machine: %s %s, %d cores, %s %s, max heap %d MB, load average %.2f%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("Document: %d lines, %d characters%n%n", LINES, source.length());
        System.out.println("Baseline: bare RichTextFX CodeArea, same text, same window, no colours or features");
        Baseline.run(source, LINES, OPEN_RUNS, BURSTS, KEYS_PER_BURST);
        System.out.println();
        System.out.println("CodeEditor (Python)");
        EditorBenchmark bench = onFx(() -> {
            Stage stage = new Stage();
            CodeEditor editor = new CodeEditor(Language.PYTHON);
            stage.setScene(new Scene(editor, 1200, 800));
            stage.show();
            return new EditorBenchmark(stage, editor);
        });
        long emptyHeap = usedHeapAfterGc();
        bench.open(source);
        System.out.printf("Memory for the open, coloured document: %.1f MB (heap after GC, minus the empty editor)%n%n",
                (usedHeapAfterGc() - emptyHeap) / 1048576.0);
        bench.typing();
        System.out.printf("%nLoad average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Platform.exit();
    }

    private void open(String source) throws Exception {
        List<Double> prepared = new ArrayList<>();
        List<Double> preparedStalls = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> plainStalls = new ArrayList<>();
        for (int run = 0; run < OPEN_RUNS; run++) {
            clear();
            PulseGaps gaps = onFx(() -> PulseGaps.start(stage.getScene()));
            long start = System.nanoTime();
            PreparedText text = background.submit(() -> PreparedText.of(source, Language.PYTHON)).get();
            onFx(() -> {
                editor.setText(text);
                return null;
            });
            waitIdle();
            nextPulse(stage.getScene());
            prepared.add((System.nanoTime() - start) / 1e6);
            preparedStalls.add(onFx(gaps::stopAndGet));

            clear();
            gaps = onFx(() -> PulseGaps.start(stage.getScene()));
            start = System.nanoTime();
            onFx(() -> {
                editor.setText(source);
                return null;
            });
            waitIdle();
            nextPulse(stage.getScene());
            plain.add((System.nanoTime() - start) / 1e6);
            plainStalls.add(onFx(gaps::stopAndGet));
        }
        print("Open, prepared off the FX thread (ms)", prepared);
        print("  longest FX-thread stall (ms)", preparedStalls);
        print("Open, setText(String) (ms)", plain);
        print("  longest FX-thread stall (ms)", plainStalls);
    }

    private void clear() throws Exception {
        onFx(() -> {
            editor.setText("");
            return null;
        });
        waitIdle();
        nextPulse(stage.getScene());
    }

    /** Waits until the next pulse has laid out the scene (after whatever the FX thread is doing now). */
    static void nextPulse(Scene scene) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                done.complete(null);
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private void typing() throws Exception {
        onFx(() -> {
            editor.area().moveTo(LINES / 2, 0);
            editor.area().showParagraphAtCenter(LINES / 2);
            editor.area().requestFocus();
            return null;
        });
        waitIdle();
        typeInto(stage.getScene(), editor.area(), this::waitIdle, BURSTS, KEYS_PER_BURST);
    }

    interface Idle {
        void await() throws Exception;
    }

    /** Types bursts of characters into {@code target}, 60 ms apart, and prints handling and latency. */
    static void typeInto(Scene scene, Node target, Idle idle, int bursts, int keysPerBurst) throws Exception {
        List<Double> latencies = new ArrayList<>();
        List<Double> handling = new ArrayList<>();
        String keys = "value = compute(item) ";
        for (int burst = 0; burst < bursts; burst++) {
            for (int k = 0; k < keysPerBurst; k++) {
                String ch = String.valueOf(keys.charAt(k % keys.length()));
                CompletableFuture<Double> latency = new CompletableFuture<>();
                Platform.runLater(() -> {
                    long start = System.nanoTime();
                    Runnable[] listener = new Runnable[1];
                    listener[0] = () -> {
                        scene.removePostLayoutPulseListener(listener[0]);
                        latency.complete((System.nanoTime() - start) / 1e6);
                    };
                    scene.addPostLayoutPulseListener(listener[0]);
                    Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED,
                            false, false, false, false));
                    handling.add((System.nanoTime() - start) / 1e6);
                });
                latencies.add(latency.get(5, TimeUnit.SECONDS));
                Thread.sleep(60);
            }
            idle.await();
        }
        print("Keystroke: FX-thread handling (ms)", handling);
        print("Keystroke to next laid-out pulse (ms)", latencies);
    }

    private void waitIdle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (onFx(() -> editor.highlighting().busyProperty().get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("highlighting did not finish");
            }
            Thread.sleep(2);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void print(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf("%-44s n=%-4d min %7.1f  median %7.1f  p95 %7.1f  max %7.1f%n", what, sorted.size(),
                sorted.get(0), sorted.get(sorted.size() / 2), p95, sorted.get(sorted.size() - 1));
    }

    static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
