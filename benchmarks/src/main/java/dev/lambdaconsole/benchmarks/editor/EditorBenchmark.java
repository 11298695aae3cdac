package dev.lambdaconsole.benchmarks.editor;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.syntax.Language;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Editor performance on a generated 20,000-line Python file, in a real window (run under Xvfb):
 * <ul>
 *   <li>open: {@code setText} until every line is coloured (highlighting idle), plus the longest
 *       FX-thread stall seen meanwhile;</li>
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

    private EditorBenchmark(Stage stage, CodeEditor editor) {
        this.stage = stage;
        this.editor = editor;
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        EditorBenchmark bench = onFx(() -> {
            Stage stage = new Stage();
            CodeEditor editor = new CodeEditor(Language.PYTHON);
            stage.setScene(new Scene(editor, 1200, 800));
            stage.show();
            return new EditorBenchmark(stage, editor);
        });
        String source = PythonSource.generate(LINES);
        System.out.printf("Machine: %s %s, %d cores, %s %s, max heap %d MB%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("Document: %d lines, %d characters%n%n", LINES, source.length());
        long emptyHeap = usedHeapAfterGc();
        bench.open(source);
        System.out.printf("Memory for the open, coloured document: %.1f MB (heap after GC, minus the empty editor)%n%n",
                (usedHeapAfterGc() - emptyHeap) / 1048576.0);
        bench.typing();
        Platform.exit();
    }

    private void open(String source) throws Exception {
        List<Double> opens = new ArrayList<>();
        List<Double> stalls = new ArrayList<>();
        for (int run = 0; run < OPEN_RUNS; run++) {
            onFx(() -> {
                editor.setText("");
                return null;
            });
            waitIdle();
            PulseGaps gaps = onFx(() -> PulseGaps.start(stage.getScene()));
            long start = System.nanoTime();
            onFx(() -> {
                editor.setText(source);
                return null;
            });
            waitIdle();
            opens.add((System.nanoTime() - start) / 1e6);
            stalls.add(onFx(gaps::stopAndGet));
        }
        print("Open + fully highlighted (ms)", opens);
        print("Longest FX-thread stall during open (ms)", stalls);
    }

    private void typing() throws Exception {
        onFx(() -> {
            editor.area().moveTo(LINES / 2, 0);
            editor.area().showParagraphAtCenter(LINES / 2);
            editor.area().requestFocus();
            return null;
        });
        waitIdle();
        List<Double> latencies = new ArrayList<>();
        List<Double> handling = new ArrayList<>();
        String keys = "value = compute(item) ";
        for (int burst = 0; burst < BURSTS; burst++) {
            for (int k = 0; k < KEYS_PER_BURST; k++) {
                String ch = String.valueOf(keys.charAt(k % keys.length()));
                CompletableFuture<Double> latency = new CompletableFuture<>();
                Platform.runLater(() -> {
                    Scene scene = stage.getScene();
                    long start = System.nanoTime();
                    Runnable[] listener = new Runnable[1];
                    listener[0] = () -> {
                        scene.removePostLayoutPulseListener(listener[0]);
                        latency.complete((System.nanoTime() - start) / 1e6);
                    };
                    scene.addPostLayoutPulseListener(listener[0]);
                    Event.fireEvent(editor.area(), new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED,
                            false, false, false, false));
                    handling.add((System.nanoTime() - start) / 1e6);
                });
                latencies.add(latency.get(5, TimeUnit.SECONDS));
                Thread.sleep(60);
            }
            waitIdle();
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

    private static void print(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf("%-42s n=%-4d min %7.1f  median %7.1f  p95 %7.1f  max %7.1f%n", what, sorted.size(),
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
