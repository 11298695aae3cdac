package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.common.ShellActions;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.common.ConsoleSettings;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.LocalRuntime;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The console's window content: navigation on the left, a banner when the engine is not what was asked for,
 * the current page, and the status bar. Pages are built once the engine has started; until then a spinner says
 * what is happening.
 */
public final class MainWindow extends BorderPane {
    /** How the main window builds its pages (the composition root supplies the real ones; tests may too). */
    public record Pages(Function<ConsoleServices, Page> functions, Function<ConsoleServices, Page> create,
                        Function<SettingsInputs, Page> settings, Function<ConsoleServices, Page> layers,
                        Function<ConsoleServices, Page> services, FunctionTabs functionTabs) { }

    /** What the Settings page is built from: it works while the engine is down too (runtime null then). */
    public record SettingsInputs(ConsoleSettings settings, ShellActions shell, TaskRunner tasks, LocalRuntime runtime) { }

    /** A page's content and how to release it (listeners, timers) when another page replaces it. */
    public record Page(Node node, Runnable close) { }

    private final ShellViewModel shell;
    private final TaskRunner tasks;
    private final ProgressBoard progress;
    private final Pages pages;
    private final StackPane pageHost = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final ToggleButton functionsNav = navButton("navFunctions", "Functions", Feather.ZAP);
    private final ToggleButton servicesNav = navButton("navServices", "Services", Feather.SERVER);
    private final ToggleButton layersNav = navButton("navLayers", "Layers", Feather.LAYERS);
    private final ToggleButton settingsNav = navButton("navSettings", "Settings", Feather.SETTINGS);
    private ConsoleServices services;
    private Node page;
    private Runnable pageClose = () -> { };

    public MainWindow(ShellViewModel shell, TaskRunner tasks, ProgressBoard progress, Pages pages) {
        this.shell = shell;
        this.tasks = tasks;
        this.progress = progress;
        this.pages = pages;
        setId("mainWindow");

        functionsNav.setOnAction(e -> shell.showFunctions());
        servicesNav.setOnAction(e -> shell.showServices());
        layersNav.setOnAction(e -> shell.showLayers());
        settingsNav.setOnAction(e -> shell.showSettings());
        Label brand = new Label("Lambda Console", new FontIcon(Feather.BOX));
        brand.getStyleClass().add(Styles.TITLE_4);
        VBox navBar = new VBox(4, brand, functionsNav, servicesNav, layersNav, settingsNav);
        navBar.setId("navigation");
        navBar.setPadding(new Insets(16, 8, 16, 8));
        navBar.setPrefWidth(200);
        navBar.setMinWidth(200);
        navBar.getStyleClass().add("navigation");
        setLeft(navBar);

        setTop(banner());
        setCenter(pageHost);
        setBottom(new StatusBar(shell, progress));

        shell.stateProperty().addListener((o, was, now) -> stateChanged(now));
        shell.destinationProperty().addListener((o, was, now) -> render());
        shell.settingsVersionProperty().addListener((o, was, now) -> {
            if (services != null) services = services(services.runtime());
        });
        stateChanged(shell.stateProperty().get());
    }

    private Node banner() {
        Message banner = new Message("Not the engine you asked for", "");
        banner.setId("engineBanner");
        banner.getStyleClass().add(Styles.WARNING);
        banner.descriptionProperty().bind(shell.bannerProperty());
        Button retry = new Button("Retry Docker", new FontIcon(Feather.ROTATE_CW));
        retry.setId("retryDockerButton");
        retry.setOnAction(e -> shell.retry());
        Button open = new Button("Settings");
        open.setOnAction(e -> shell.showSettings());
        HBox actions = new HBox(8, retry, open);
        VBox box = new VBox(4, banner, actions);
        box.setPadding(new Insets(8, 16, 0, 16));
        box.visibleProperty().bind(shell.bannerProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private ConsoleServices services(LocalRuntime runtime) {
        return new ConsoleServices(runtime, shell.simulators(), tasks, progress, shell.settings(), shell,
                runtime.workspace().stateDir().resolve("console"));
    }

    private void stateChanged(ShellViewModel.State state) {
        services = state == ShellViewModel.State.READY ? services(shell.runtimeProperty().get()) : null;
        setNavDisabled(state != ShellViewModel.State.READY);
        settingsNav.setDisable(state == ShellViewModel.State.STARTING);
        render();
    }

    /** Shows what the shell's destination names, on the engine that runs now. */
    private void render() {
        Destination d = shell.destinationProperty().get();
        ShellViewModel.State state = shell.stateProperty().get();
        closePage();
        if (d.kind() == Destination.Kind.SETTINGS && state != ShellViewModel.State.STARTING) {
            setPage(pages.settings().apply(new SettingsInputs(shell.settings(), shell, tasks,
                    services == null ? null : services.runtime())));
            settingsNav.setSelected(true);
            return;
        }
        switch (state) {
            case STARTING -> setPage(startingPage());
            case FAILED -> setPage(failedPage());
            case READY -> {
                switch (d.kind()) {
                    case FUNCTIONS -> select(functionsNav, pages.functions());
                    case CREATE_FUNCTION -> select(functionsNav, pages.create());
                    case SERVICES -> select(servicesNav, pages.services());
                    case LAYERS -> select(layersNav, pages.layers());
                    case FUNCTION -> {
                        FunctionPage fp = new FunctionPage(services, d.function(), pages.functionTabs());
                        setPage(new Page(fp, fp::close));
                        functionsNav.setSelected(true);
                        fp.select(d.tab());
                        if (!d.requestId().isEmpty()) fp.showInvocation(d.requestId());
                    }
                    case SETTINGS -> { }
                }
            }
        }
    }

    private void select(ToggleButton navButton, Function<ConsoleServices, Page> factory) {
        setPage(factory.apply(services));
        navButton.setSelected(true);
    }

    private Node startingPage() {
        ProgressIndicator spinner = new ProgressIndicator();
        Label label = new Label();
        label.textProperty().bind(shell.engineTextProperty());
        VBox box = new VBox(12, spinner, label);
        box.setId("startingPage");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failedPage() {
        Label error = new Label();
        error.setId("engineError");
        error.setWrapText(true);
        error.textProperty().bind(shell.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        Button retry = new Button("Try again", new FontIcon(Feather.ROTATE_CW));
        retry.setOnAction(e -> shell.retry());
        Button settings = new Button("Settings", new FontIcon(Feather.SETTINGS));
        settings.setOnAction(e -> shell.showSettings());
        VBox box = new VBox(12, error, new HBox(8, retry, settings));
        box.setPadding(new Insets(32));
        box.setMaxWidth(720);
        return box;
    }

    private void setNavDisabled(boolean disabled) {
        functionsNav.setDisable(disabled);
        servicesNav.setDisable(disabled);
        layersNav.setDisable(disabled);
    }

    /** The services of the running engine, or null while it starts. */
    public ConsoleServices services() { return services; }

    /** The page shown now (for tests and screenshots). */
    public Node page() { return page; }

    /** The function page open now, if any ("" when another page shows). */
    public String openFunction() { return shell.openFunction(); }

    private void setPage(Node node) { setPage(new Page(node, () -> { })); }

    private void setPage(Page p) {
        page = p.node();
        pageClose = p.close();
        pageHost.getChildren().setAll(p.node());
    }

    /** Releases the page shown (on exit). */
    public void closeCurrentPage() { closePage(); }

    private void closePage() {
        Runnable close = pageClose;
        pageClose = () -> { };
        page = null;
        close.run();
    }

    private ToggleButton navButton(String id, String text, Feather icon) {
        ToggleButton b = new ToggleButton(text, new FontIcon(icon));
        b.setId(id);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add(Styles.FLAT);
        b.setOnMouseClicked(e -> b.setSelected(true));
        return b;
    }
}
