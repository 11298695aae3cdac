package dev.lambdaconsole.simulators.events;

import dev.lambdaconsole.runtime.util.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lambda-console events list} and {@code events generate SOURCE TYPE [--PARAM VALUE ...]}: the event
 * library on the command line, as {@code sam local generate-event} offers it.
 */
public final class EventsCommand {
    private EventsCommand() { }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    /** Runs the command; returns the exit status (0 ok, 2 a usage error, said on {@code err}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(usage());
            return args.length == 0 ? 2 : 0;
        }
        EventLibrary library = EventLibrary.load();
        switch (args[0]) {
            case "list" -> {
                List<EventType> types = library.types();
                int width = types.stream().mapToInt(t -> t.source().length() + t.type().length() + 1).max().orElse(0);
                for (EventType t : types) {
                    String name = t.source() + " " + t.type();
                    out.println(name + " ".repeat(width - name.length() + 2) + t.description());
                }
                return 0;
            }
            case "generate" -> {
                return generate(library, args, out, err);
            }
            default -> {
                err.println("events: unknown command '" + args[0] + "'");
                err.println(usage());
                return 2;
            }
        }
    }

    private static int generate(EventLibrary library, String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3) {
            err.println("events generate: name the SOURCE and TYPE (see 'lambda-console events list')");
            return 2;
        }
        String source = args[1];
        String type = args[2];
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return help(library, source, type, out, err);
            }
            if (!a.startsWith("--") || a.length() == 2) {
                err.println("events generate: expected --PARAM VALUE, got '" + a + "'");
                return 2;
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                err.println("events generate: --" + name + " needs a value");
                return 2;
            }
            params.put(name, value);
        }
        try {
            out.println(new String(Json.pretty(library.generate(source, type, params)), StandardCharsets.UTF_8));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("events generate: " + e.getMessage());
            return 2;
        }
    }

    private static int help(EventLibrary library, String source, String type, PrintStream out, PrintStream err) {
        var found = library.find(source, type);
        if (found.isEmpty()) {
            try {
                library.generate(source, type, Map.of());
            } catch (IllegalArgumentException e) {
                err.println("events generate: " + e.getMessage());
            }
            return 2;
        }
        EventType t = found.get();
        out.println(t.source() + " " + t.type() + ": " + t.description());
        out.println("usage: lambda-console events generate " + t.source() + " " + t.type() + " [--PARAM VALUE ...]");
        int width = t.params().stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (EventParam p : t.params()) {
            out.println("  --" + p.name() + " ".repeat(width - p.name().length() + 2) + p.description()
                    + " (default: " + p.defaultValue() + ")");
        }
        return 0;
    }

    static String usage() {
        return """
                usage: lambda-console events list
                       lambda-console events generate SOURCE TYPE [--PARAM VALUE ...]
                       lambda-console events generate SOURCE TYPE --help
                  list      every event the library can generate, one "SOURCE TYPE  description" a line
                  generate  print an event as the source sends it, with parameters over the defaults""";
    }
}
