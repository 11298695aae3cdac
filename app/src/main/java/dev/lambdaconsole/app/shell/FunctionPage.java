package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ConsoleServices;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * One function, like the web console's function page: a breadcrumb, the function's name and runtime, and its
 * tabs. Ctrl+S deploys, Ctrl+Enter and F5 run the test (switching to the Test tab).
 */
public final class FunctionPage extends BorderPane {
    private static final KeyCombination DEPLOY = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination TEST = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination TEST_F5 = new KeyCodeCombination(KeyCode.F5);

    private final String function;
    private final TabPane tabs = new TabPane();
    private final List<FunctionTab> content;
    private final java.util.function.Consumer<WorkspaceChange> workspaceListener;
    private final ConsoleServices services;
    private final VBox header;
    private Runnable deploy = () -> { };
    private Runnable invoke = () -> { };
    private java.util.function.Consumer<String> showInvocation = id -> { };

    public FunctionPage(ConsoleServices services, String function, FunctionTabs factory) {
        this.function = function;
        setId("functionPage");
        Hyperlink back = new Hyperlink("Functions");
        back.setId("backToFunctionsLink");
        back.setOnAction(e -> services.shell().showFunctions());
        Label crumb = new Label("›  " + function);
        crumb.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label(function);
        title.setId("functionTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label runtime = new Label();
        runtime.setId("functionSummary");
        runtime.getStyleClass().add(Styles.TEXT_MUTED);
        HBox crumbs = new HBox(4, back, crumb);
        crumbs.setAlignment(Pos.CENTER_LEFT);
        header = new VBox(2, crumbs, title, runtime);
        header.setPadding(new Insets(12, 16, 8, 16));
        setTop(header);
        services.tasks().run(() -> describe(services, function)).onSuccess(runtime::setText);
        // The summary follows configuration changes (Configuration tab, runtime settings, the AWS CLI).
        workspaceListener = change -> {
            if (function.equals(change.functionName()) && change.kind() == WorkspaceChange.Kind.CONFIGURATION) {
                services.tasks().run(() -> describe(services, function)).onSuccess(runtime::setText);
            }
        };
        services.workspace().addListener(workspaceListener);
        this.services = services;

        tabs.setId("functionTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        content = factory.create(services, function, this);
        for (FunctionTab t : content) {
            Tab tab = new Tab(t.title(), t.content());
            tab.setId(t.id());
            if (t.icon() != null) tab.setGraphic(new FontIcon(t.icon()));
            tabs.getTabs().add(tab);
        }
        setCenter(tabs);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (DEPLOY.match(e)) {
                deploy.run();
                e.consume();
            } else if (TEST.match(e) || TEST_F5.match(e)) {
                select("testTab");
                invoke.run();
                e.consume();
            }
        });
    }

    private static String describe(ConsoleServices services, String function) {
        try {
            var c = services.workspace().read(function);
            return (c.runtime() == null ? "Container image" : c.runtime()) + " · " + c.architectureOrDefault()
                    + " · " + c.memoryOrDefault() + " MB · arn:aws:lambda:" + services.engine().settings().region()
                    + ":" + services.engine().settings().accountId() + ":function:" + function;
        } catch (RuntimeException e) {
            return "Cannot read the function: " + e.getMessage();
        }
    }

    public String function() { return function; }

    /** Puts a node (the function overview) under the function's name, above the tabs. */
    public void setOverview(javafx.scene.Node overview) {
        if (header.getChildren().size() > 3) header.getChildren().remove(3, header.getChildren().size());
        if (overview != null) {
            VBox.setMargin(overview, new Insets(6, 0, 0, 0));
            header.getChildren().add(overview);
        }
    }

    /** What Ctrl+S does on this page. */
    public void setDeployAction(Runnable action) { this.deploy = action; }

    /** What Ctrl+Enter and F5 do on this page (after the Test tab is shown). */
    public void setInvokeAction(Runnable action) { this.invoke = action; }

    /** What showing one invocation does (the Monitor tab selects it). */
    public void setShowInvocationAction(java.util.function.Consumer<String> action) { this.showInvocation = action; }

    /** Shows the Monitor tab with the invocation of this request id selected. */
    public void showInvocation(String requestId) {
        select("monitorTab");
        showInvocation.accept(requestId);
    }

    /**
     * Shows the tab with this id ("codeTab", "testTab", "monitorTab", "configurationTab", "aliasesTab",
     * "versionsTab").
     */
    public void select(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public void close() {
        services.workspace().removeListener(workspaceListener);
        for (FunctionTab t : content) {
            if (t.onClose() != null) t.onClose().run();
        }
    }
}
