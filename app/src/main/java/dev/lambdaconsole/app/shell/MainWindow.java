package dev.lambdaconsole.app.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.TaskRunner;
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

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The console's window content: navigation on the left, a banner when the engine is not what was asked for,
 * the current page, and the status bar. Pages are built once the engine has started; until then a spinner says
 * what is happening.
 */
public final class MainWindow extends BorderPane implements ShellActions {
    /** How the main window builds its pages (the composition root supplies the real ones; tests may too). */
    public record Pages(Function<ConsoleServices, Page> functions, Function<ConsoleServices, Page> create,
                        Function<ConsoleServices, Page> settings, Function<ConsoleServices, Page> layers,
                        Function<ConsoleServices, Page> services, FunctionTabs functionTabs) { }

    /** A page's content and how to release it (listeners, timers) when another page replaces it. */
    public record Page(Node node, Runnable close) { }

    private final ShellViewModel shell;
    private final TaskRunner tasks;
    private final ProgressBoard progress;
    private final Pages pages;
    private final Consumer<ConsoleSettings> saveSettings;
    private final StackPane pageHost = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final ToggleButton functionsNav = navButton("navFunctions", "Functions", Feather.ZAP);
    private final ToggleButton servicesNav = navButton("navServices", "Services", Feather.SERVER);
    private final ToggleButton layersNav = navButton("navLayers", "Layers", Feather.LAYERS);
    private final ToggleButton settingsNav = navButton("navSettings", "Settings", Feather.SETTINGS);
    private ConsoleServices services;
    private Node page;
    private Runnable pageClose = () -> { };
    private String openFunction = "";
    private String pendingFunction;

    public MainWindow(ShellViewModel shell, TaskRunner tasks, ProgressBoard progress, Pages pages,
                      Consumer<ConsoleSettings> saveSettings) {
        this.shell = shell;
        this.tasks = tasks;
        this.progress = progress;
        this.pages = pages;
        this.saveSettings = saveSettings;
        setId("mainWindow");
        pendingFunction = shell.settings().lastFunction();

        functionsNav.setOnAction(e -> showFunctions());
        servicesNav.setOnAction(e -> showServices());
        layersNav.setOnAction(e -> show(pages.layers()));
        settingsNav.setOnAction(e -> showSettings());
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
        open.setOnAction(e -> showSettings());
        HBox actions = new HBox(8, retry, open);
        VBox box = new VBox(4, banner, actions);
        box.setPadding(new Insets(8, 16, 0, 16));
        box.visibleProperty().bind(shell.bannerProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void stateChanged(ShellViewModel.State state) {
        switch (state) {
            case STARTING -> {
                closePage();
                services = null;
                ProgressIndicator spinner = new ProgressIndicator();
                Label label = new Label();
                label.textProperty().bind(shell.engineTextProperty());
                VBox box = new VBox(12, spinner, label);
                box.setId("startingPage");
                box.setAlignment(Pos.CENTER);
                setPage(box);
                setNavDisabled(true);
            }
            case READY -> {
                LocalRuntime runtime = shell.runtimeProperty().get();
                services = new ConsoleServices(runtime, shell.simulators(), tasks, progress, shell.settings(), this,
                        runtime.workspace().stateDir().resolve("console"));
                setNavDisabled(false);
                String last = pendingFunction;
                pendingFunction = null;
                if (last != null && !last.isBlank()) {
                    tasks.run(() -> runtime.workspace().exists(last)).onSuccess(exists -> {
                        if (exists) openFunction(last); else showFunctions();
                    }).onFailure(e -> showFunctions());
                } else {
                    showFunctions();
                }
            }
            case FAILED -> {
                closePage();
                services = null;
                Label error = new Label();
                error.setId("engineError");
                error.setWrapText(true);
                error.textProperty().bind(shell.errorProperty());
                error.getStyleClass().add(Styles.DANGER);
                Button retry = new Button("Try again", new FontIcon(Feather.ROTATE_CW));
                retry.setOnAction(e -> shell.retry());
                Button settings = new Button("Settings", new FontIcon(Feather.SETTINGS));
                settings.setOnAction(e -> showSettings());
                VBox box = new VBox(12, error, new HBox(8, retry, settings));
                box.setPadding(new Insets(32));
                box.setMaxWidth(720);
                setPage(box);
                setNavDisabled(true);
                settingsNav.setDisable(false);
            }
        }
    }

    private void setNavDisabled(boolean disabled) {
        functionsNav.setDisable(disabled);
        servicesNav.setDisable(disabled);
        layersNav.setDisable(disabled);
        settingsNav.setDisable(disabled);
    }

    /** The services of the running engine, or null while it starts. */
    public ConsoleServices services() { return services; }

    /** The page shown now (for tests and screenshots). */
    public Node page() { return page; }

    @Override
    public void showFunctions() {
        show(pages.functions());
        functionsNav.setSelected(true);
        remember("");
    }

    @Override
    public void showCreateFunction() {
        show(pages.create());
        functionsNav.setSelected(true);
    }

    @Override
    public void showSettings() {
        if (services == null) {
            // The engine is down: Settings still work, on the settings alone, so the user can fix what broke it.
            closePage();
            setPage(pages.settings().apply(new ConsoleServices(null, null, tasks, progress, shell.settings(), this, null)));
        } else {
            show(pages.settings());
        }
        settingsNav.setSelected(true);
    }

    @Override
    public void showServices() {
        show(pages.services());
        servicesNav.setSelected(true);
        remember("");
    }

    @Override
    public void openFunction(String name) { openFunction(name, "codeTab"); }

    @Override
    public void openFunction(String name, String tabId) { functionPage(name).ifPresent(fp -> fp.select(tabId)); }

    @Override
    public void openInvocation(String function, String requestId) {
        functionPage(function).ifPresent(fp -> fp.showInvocation(requestId));
    }

    private java.util.Optional<FunctionPage> functionPage(String name) {
        if (services == null) return java.util.Optional.empty();
        closePage();
        FunctionPage fp = new FunctionPage(services, name, pages.functionTabs());
        setPage(new Page(fp, fp::close));
        functionsNav.setSelected(true);
        remember(name);
        return java.util.Optional.of(fp);
    }

    @Override
    public void applySettings(ConsoleSettings next) {
        ConsoleSettings before = shell.settings();
        ConsoleSettings merged = next.withWindow(before.windowWidth(), before.windowHeight())
                .withLastFunction(openFunction);
        saveSettings.accept(merged);
        if (merged.engineDiffers(before)) {
            shell.restart(merged);
        } else {
            shell.settingsChanged(merged);
            if (services != null) {
                services = new ConsoleServices(services.runtime(), services.simulators(), tasks, progress, merged, this, services.stateDir());
            }
        }
    }

    /** The function page open now, if any ("" when another page shows). */
    public String openFunction() { return openFunction; }

    private void remember(String function) { openFunction = function; }

    private void show(Function<ConsoleServices, Page> factory) {
        if (services == null) return;
        closePage();
        setPage(factory.apply(services));
    }

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
