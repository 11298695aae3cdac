package dev.lambdaconsole.app;

import dev.lambdaconsole.runtime.serve.HeadlessServer;
import dev.lambdaconsole.simulators.dynamodb.StreamsCommand;
import dev.lambdaconsole.simulators.events.EventsCommand;

import java.util.Arrays;

/**
 * The launcher's entry point: the desktop console (no arguments), {@code serve}, {@code events},
 * {@code dynamodb-streams}, {@code editor FILE}.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve" -> HeadlessServer.main(rest);
            case "editor" -> editor(rest);
            case "events" -> System.exit(EventsCommand.run(rest, System.out, System.err));
            case "dynamodb-streams" -> System.exit(StreamsCommand.run(rest, System.in, System.out, System.err));
            case "-h", "--help", "help" -> System.out.println(usage());
            case "" -> dev.lambdaconsole.app.shell.ConsoleApp.launchConsole(rest);
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands:");
                System.err.println(usage());
                System.exit(2);
            }
        }
    }

    private static void editor(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: lambda-console editor FILE-OR-FOLDER");
            System.exit(2);
        }
        Class.forName("dev.lambdaconsole.editor.preview.EditorPreview").getMethod("main", String[].class)
                .invoke(null, (Object) args);
    }

    static String usage() {
        return """
                  lambda-console
                        open the desktop console
                  lambda-console serve [--port N] [--workspace DIR] [--backend process|docker]
                        run the engine and the Lambda API on 127.0.0.1 without a window
                  lambda-console events list | generate SOURCE TYPE [--PARAM VALUE ...]
                        list or print sample events of every trigger (like sam local generate-event)
                  lambda-console dynamodb-streams [--workspace DIR] create-stream | delete-stream | list | put ...
                        create DynamoDB table streams and write item changes (JSON lines) that serve reads
                  lambda-console editor FILE-OR-FOLDER
                        open a file or a folder in the code editor
                  lambda-console test
                        run the whole test suite
                  lambda-console bench NAME [options]
                        run a benchmark (see BENCHMARKS.md)""";
    }
}
