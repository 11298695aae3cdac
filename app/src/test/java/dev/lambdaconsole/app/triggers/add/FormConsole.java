package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real console (process backend, simulators) with synchronous tasks and a function "greeter". */
final class FormConsole {
    static final String FUNCTION = "greeter";

    private FormConsole() { }

    static TestConsole start(Path workspace) {
        TestConsole console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        function(console, FUNCTION);
        return console;
    }

    static void function(TestConsole console, String name) {
        console.runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler")
                .build(), CodeSource.files(Map.of("app.py", "def handler(event, context):\n    return event\n")));
    }

    /** Runs the form's Add and answers its summary, or the failure's message prefixed "failed: ". */
    static String add(FormModel form) {
        List<String> out = new ArrayList<>();
        form.add().onSuccess(out::add).onFailure(e -> out.add("failed: " + AddTriggerViewModel.message(e)));
        return out.get(0);
    }
}
