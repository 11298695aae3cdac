package dev.lambdaconsole.simulators.functionurls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Function URL configurations, one per function, in {@code <state>/function-urls/urls.json}, keyed by function
 * name; each holds its 32-character url id and its configuration in the Lambda API's shape. Written atomically.
 */
final class FunctionUrlStore {
    static final String FILE = "function-urls/urls.json";
    private final Path file;
    private final ObjectNode urls;

    FunctionUrlStore(Path stateDir) {
        file = stateDir.resolve(FILE);
        ObjectNode loaded = Json.object();
        if (Files.exists(file)) {
            try {
                if (Json.MAPPER.readTree(file.toFile()) instanceof ObjectNode o) loaded = o;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Function URLs " + file + ": " + e.getMessage(), e);
            }
        }
        urls = loaded;
    }

    synchronized <T> T read(Function<ObjectNode, T> reader) { return reader.apply(urls); }

    synchronized <T> T write(Function<ObjectNode, T> change) {
        T result = change.apply(urls);
        try {
            AtomicFiles.write(file, Json.pretty(urls));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Function URLs " + file + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** The function and configuration of a url id. */
    synchronized Optional<ObjectNode> byUrlId(String urlId) {
        for (JsonNode n : urls) if (n.path("UrlId").asText().equals(urlId)) return Optional.of(((ObjectNode) n).deepCopy());
        return Optional.empty();
    }
}
