package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Function;

/**
 * Every API of the local API Gateway in one JSON document, {@code <state>/apigateway/apis.json}: HTTP APIs under
 * "http", REST APIs under "rest", each with its routes or resources, integrations, stages, authorizers and
 * deployments in their wire shape. Changes are written atomically before they are answered.
 */
final class ApiStore {
    static final String FILE = "apigateway/apis.json";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private final ObjectNode root;

    ApiStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
        ObjectNode loaded = Json.object();
        if (Files.exists(file)) {
            try {
                JsonNode n = Json.MAPPER.readTree(file.toFile());
                if (n instanceof ObjectNode o) loaded = o;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the API Gateway state " + file + ": " + e.getMessage(), e);
            }
        }
        if (!loaded.has("http")) loaded.putObject("http");
        if (!loaded.has("rest")) loaded.putObject("rest");
        root = loaded;
    }

    /** Reads under the store's lock. */
    synchronized <T> T read(Function<ObjectNode, T> reader) {
        return reader.apply(root);
    }

    /** Changes under the store's lock, then writes the file. */
    synchronized <T> T write(Function<ObjectNode, T> change) {
        T result = change.apply(root);
        try {
            AtomicFiles.write(file, Json.pretty(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the API Gateway state " + file + ": " + e.getMessage(), e);
        }
        return result;
    }

    /** An id of {@code length} lower-case letters and digits, as API Gateway's. */
    static String id(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** An id unused among both kinds of API (they share the execute-api host names). */
    String newApiId(ObjectNode root) {
        String id;
        do {
            id = id(10);
        } while (root.get("http").has(id) || root.get("rest").has(id));
        return id;
    }
}
