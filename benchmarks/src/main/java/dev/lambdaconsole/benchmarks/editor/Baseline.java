package dev.lambdaconsole.benchmarks.editor;

import static dev.lambdaconsole.benchmarks.editor.EditorBenchmark.nextPulse;
import static dev.lambdaconsole.benchmarks.editor.EditorBenchmark.onFx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The same measurements on a bare RichTextFX {@link CodeArea}: no colours, no gutter, no features.
 * What is left is RichTextFX and the software renderer on this machine.
 */
final class Baseline {

    private Baseline() {
    }

    static void run(String source, int lines, int openRuns, int bursts, int keysPerBurst) throws Exception {
        CodeArea area = onFx(CodeArea::new);
        Stage stage = onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(new VirtualizedScrollPane<>(area), 1200, 800));
            window.show();
            return window;
        });
        Scene scene = stage.getScene();
        List<Double> opens = new ArrayList<>();
        for (int run = 0; run < openRuns; run++) {
            onFx(() -> {
                area.replaceText("");
                return null;
            });
            nextPulse(scene);
            long start = System.nanoTime();
            onFx(() -> {
                area.replaceText(source);
                return null;
            });
            nextPulse(scene);
            opens.add((System.nanoTime() - start) / 1e6);
        }
        EditorBenchmark.print("Open: replaceText, laid out (ms)", opens);
        onFx(() -> {
            area.moveTo(lines / 2, 0);
            area.showParagraphAtCenter(lines / 2);
            area.requestFocus();
            return null;
        });
        nextPulse(scene);
        EditorBenchmark.typeInto(scene, area, () -> nextPulse(scene), bursts, keysPerBurst);
        onFx(() -> {
            stage.close();
            return null;
        });
    }
}
