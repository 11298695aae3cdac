package dev.lambdaconsole.simulators.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamRecord;
import dev.lambdaconsole.simulators.streams.StreamStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lambda-console dynamodb-streams}: creates table streams and writes item changes into the workspace's
 * stream store ({@code .lambda-console/services/streams.db}), the file a running {@code serve} or console reads, so
 * its DynamoDB Streams API and event source mappings see the records within a second. {@code put} reads JSON lines
 * (one {@link Change} a line), checks them all and writes all or nothing.
 */
public final class StreamsCommand {
    static final int MAX_ERRORS = 20;

    private StreamsCommand() { }

    public static void main(String[] args) {
        System.exit(run(args, System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    /** Takes {@code --workspace DIR} (default ~/LambdaConsole) from anywhere in the arguments, then runs. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Path workspace = Workspace.defaultRoot();
        int at = rest.indexOf("--workspace");
        if (at >= 0) {
            if (at + 1 >= rest.size()) {
                err.println("dynamodb-streams: --workspace needs a folder");
                return 2;
            }
            workspace = Path.of(rest.get(at + 1));
            rest.subList(at, at + 2).clear();
        }
        return run(rest.toArray(String[]::new), workspace, in, out, err);
    }

    /** As below, {@code put -} reading this process's standard input. */
    public static int run(String[] args, Path workspace, PrintStream out, PrintStream err) {
        return run(args, workspace, System.in, out, err);
    }

    /** Runs one command on a workspace; returns the exit status (0 ok, 1 rejected input, 2 usage). */
    public static int run(String[] args, Path workspace, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(usage());
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Map<String, String> options;
        try {
            options = options(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("dynamodb-streams " + command + ": " + e.getMessage());
            return 2;
        }
        if (!List.of("create-stream", "delete-stream", "list", "put").contains(command)) {
            err.println("dynamodb-streams: unknown command '" + command + "'");
            err.println(usage());
            return 2;
        }
        Path file = ServiceContext.stateDirOf(new Workspace(workspace)).resolve(StreamStore.FILE);
        EngineSettings settings = EngineSettings.defaults();
        try (StreamStore store = StreamStore.open(file)) {
            DynamoDbStreams streams = new DynamoDbStreams(store, settings.region(), settings.accountId());
            return switch (command) {
                case "create-stream" -> create(streams, options, out, err);
                case "delete-stream" -> delete(streams, options, out, err);
                case "list" -> list(streams, out);
                default -> put(streams, options, in, out, err);
            };
        }
    }

    private static int create(DynamoDbStreams streams, Map<String, String> o, PrintStream out, PrintStream err) {
        String table = o.get("table");
        if (table == null) return usage(err, "create-stream", "name the table: --table NAME");
        int shards;
        try {
            shards = Integer.parseInt(o.getOrDefault("shards", String.valueOf(DynamoDbStreams.DEFAULT_SHARDS)));
        } catch (NumberFormatException e) {
            return usage(err, "create-stream", "--shards must be a whole number (got '" + o.get("shards") + "')");
        }
        try {
            Stream s = streams.createStream(table, o.getOrDefault("view-type", "NEW_AND_OLD_IMAGES"), shards);
            ObjectNode d = Json.object();
            d.put("StreamArn", s.arn());
            d.put("TableName", s.name());
            d.put("StreamLabel", s.label());
            d.put("StreamViewType", s.viewType());
            d.put("ShardCount", s.shards().size());
            out.println(new String(Json.pretty(d), StandardCharsets.UTF_8));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("dynamodb-streams create-stream: " + e.getMessage());
            return e instanceof IllegalStateException ? 1 : 2;
        }
    }

    private static int delete(DynamoDbStreams streams, Map<String, String> o, PrintStream out, PrintStream err) {
        String table = o.get("table");
        if (table == null) return usage(err, "delete-stream", "name the table: --table NAME");
        if (!streams.deleteStream(table)) {
            err.println("dynamodb-streams delete-stream: table " + table + " has no stream");
            return 1;
        }
        out.println("Deleted the stream of " + table);
        return 0;
    }

    private static int list(DynamoDbStreams streams, PrintStream out) {
        for (Stream s : streams.streams()) {
            out.println(s.name() + "  " + s.viewType() + "  " + s.shards().size() + " shards  " + s.arn());
        }
        return 0;
    }

    private static int put(DynamoDbStreams streams, Map<String, String> o, InputStream in, PrintStream out, PrintStream err) {
        String table = o.get("table");
        if (table == null) return usage(err, "put", "name the table: --table NAME");
        String source = o.containsKey("-") ? "-" : o.get("file");
        if (source == null) return usage(err, "put", "give the changes: --file FILE.jsonl, or - for standard input");
        Stream stream = streams.streamOf(table).orElse(null);
        if (stream == null) {
            err.println("dynamodb-streams put: table " + table + " has no stream. Create one first: "
                    + "lambda-console dynamodb-streams create-stream --table " + table + " --view-type NEW_AND_OLD_IMAGES");
            return 1;
        }
        String name = source.equals("-") ? "stdin" : source;
        List<Change> changes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader reader = source.equals("-")
                ? new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                try {
                    changes.add(Change.parse(parse(line), stream.viewType()));
                } catch (Change.InvalidChangeException e) {
                    errors.add(name + " line " + number + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            err.println("dynamodb-streams put: cannot read " + name + ": " + e.getMessage());
            return 1;
        }
        if (!errors.isEmpty()) {
            errors.stream().limit(MAX_ERRORS).forEach(e -> err.println("dynamodb-streams put: " + e));
            if (errors.size() > MAX_ERRORS) err.println("dynamodb-streams put: ... and " + (errors.size() - MAX_ERRORS) + " more");
            err.println("dynamodb-streams put: nothing written (" + errors.size() + " invalid line"
                    + (errors.size() == 1 ? "" : "s") + ")");
            return 1;
        }
        List<StreamRecord> written = streams.put(table, changes);
        out.println("Wrote " + written.size() + " change" + (written.size() == 1 ? "" : "s") + " to " + stream.arn());
        return 0;
    }

    private static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Change.InvalidChangeException("(line)", "not JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code --name VALUE} pairs, and a lone {@code -} (standard input). */
    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-")) {
                o.put("-", "");
            } else if (a.startsWith("--") && a.length() > 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                o.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("expected --OPTION VALUE, got '" + a + "'");
            }
        }
        for (String k : o.keySet()) {
            if (!List.of("table", "view-type", "shards", "file", "-").contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k);
            }
        }
        return o;
    }

    private static int usage(PrintStream err, String command, String message) {
        err.println("dynamodb-streams " + command + ": " + message);
        return 2;
    }

    static String usage() {
        return """
                usage: lambda-console dynamodb-streams [--workspace DIR] create-stream --table T [--view-type V] [--shards N]
                       lambda-console dynamodb-streams [--workspace DIR] delete-stream --table T
                       lambda-console dynamodb-streams [--workspace DIR] list
                       lambda-console dynamodb-streams [--workspace DIR] put --table T (--file CHANGES.jsonl | -)
                  create-stream  a table's stream; V: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES (default)
                  list           the table streams, one "TABLE  VIEW  N shards  ARN" a line
                  put            write item changes, one JSON object a line:
                                 {"eventName":"INSERT|MODIFY|REMOVE","Keys":{..},"NewImage":{..},"OldImage":{..}}
                                 (images in DynamoDB JSON; "ttl":true marks a REMOVE by Time to Live)""";
    }
}
