package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.functions.FunctionsView;
import dev.lambdaconsole.app.layers.LayersView;
import javafx.scene.control.Label;

import java.util.List;

/** TEMPORARY until the tab views are merged. */
public final class Composition {
    private Composition() { }

    public static MainWindow.Pages pages() {
        return new MainWindow.Pages(
                s -> { FunctionsView v = new FunctionsView(s); return new MainWindow.Page(v, v::close); },
                s -> new MainWindow.Page(new Label("create"), () -> { }),
                s -> new MainWindow.Page(new Label("settings"), () -> { }),
                s -> new MainWindow.Page(new LayersView(s), () -> { }),
                (s, f, p) -> List.of(new FunctionTab("codeTab", "Code", null, new Label("code"), null)));
    }
}
