package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ConsoleServices;

import dev.lambdaconsole.app.code.CodeView;
import dev.lambdaconsole.app.config.ConfigurationView;
import dev.lambdaconsole.app.create.CreateFunctionView;
import dev.lambdaconsole.app.functions.FunctionsView;
import dev.lambdaconsole.app.layers.LayersView;
import dev.lambdaconsole.app.monitor.MonitorView;
import dev.lambdaconsole.app.services.ServicesView;
import dev.lambdaconsole.app.triggers.TriggerActivityView;
import dev.lambdaconsole.app.triggers.add.AddTriggerView;
import dev.lambdaconsole.app.settings.SettingsView;
import dev.lambdaconsole.app.test.TestView;
import dev.lambdaconsole.app.versions.AliasesView;
import dev.lambdaconsole.app.versions.VersionsView;
import dev.lambdaconsole.app.triggers.FunctionOverview;
import dev.lambdaconsole.app.triggers.FunctionOverviewViewModel;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** The composition root of the window: which view each page and function tab is. */
public final class Composition {
    private Composition() { }

    public static MainWindow.Pages pages() {
        return new MainWindow.Pages(
                s -> {
                    FunctionsView v = new FunctionsView(s);
                    return new MainWindow.Page(v, v::close);
                },
                s -> {
                    CreateFunctionView v = new CreateFunctionView(s);
                    return new MainWindow.Page(v, v::close);
                },
                in -> {
                    SettingsView v = new SettingsView(in.settings(), in.shell(), in.tasks(), in.runtime());
                    return new MainWindow.Page(v, v::close);
                },
                s -> new MainWindow.Page(new LayersView(s), () -> { }),
                s -> {
                    ServicesView v = new ServicesView(s);
                    return new MainWindow.Page(v, v::close);
                },
                Composition::functionTabs);
    }

    private static List<FunctionTab> functionTabs(ConsoleServices s, String function, FunctionPage page) {
        CodeView code = new CodeView(s, function);
        TestView test = new TestView(s, function);
        MonitorView monitor = new MonitorView(s, function);
        ConfigurationView config = new ConfigurationView(s, function);
        AliasesView aliases = new AliasesView(s, function);
        VersionsView versions = new VersionsView(s, function);
        page.setDeployAction(code::deploy);
        page.setInvokeAction(test::invoke);
        page.setShowInvocationAction(monitor::showInvocation);
        Runnable overviewClose = () -> { };
        if (s.simulators() != null && s.simulators().triggers() != null) {
            FunctionOverview overview = new FunctionOverview(new FunctionOverviewViewModel(function,
                    s.simulators().triggers(), s.workspace(), s.tasks()));
            overview.setOnTrigger(t -> {
                page.select("configurationTab");
                config.showTrigger(t.id());
            });
            overview.setOnDestination(() -> {
                page.select("configurationTab");
                config.showSection("Asynchronous invocation");
            });
            page.setOverview(overview);
            overviewClose = overview::close;
            // Add trigger from the overview and from Configuration → Triggers; both lists follow the change
            // a trigger added in process (no request through the endpoint): the lists hear of it at once
            Runnable addTrigger = () -> AddTriggerView.open(s, function,
                    page.getScene() == null ? null : page.getScene().getWindow(), s.simulators().triggers()::changed);
            overview.setOnAddTrigger(addTrigger);
            if (config.triggersPane() != null) {
                config.triggersPane().setOnAddTrigger(addTrigger);
                config.triggersPane().setActivityFactory(t -> new TriggerActivityView(s, function, t.sourceArn(),
                        switch (t.kind()) {
                            case API_GATEWAY -> "apigateway";
                            case FUNCTION_URL -> "function-url";
                            default -> t.kind().label();
                        }));
            }
        }
        Runnable closeConfig = overviewClose;
        return List.of(
                new FunctionTab("codeTab", "Code", Feather.CODE, code, code::close),
                new FunctionTab("testTab", "Test", Feather.PLAY, test, test::close),
                new FunctionTab("monitorTab", "Monitor", Feather.ACTIVITY, monitor, monitor::close),
                new FunctionTab("configurationTab", "Configuration", Feather.SLIDERS, config, () -> {
                    closeConfig.run();
                    config.close();
                }),
                new FunctionTab("aliasesTab", "Aliases", Feather.TAG, aliases, aliases::close),
                new FunctionTab("versionsTab", "Versions", Feather.LAYERS, versions, versions::close));
    }
}
