package dev.lambdaconsole.runtime.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A function's aliases in {@code functions/NAME/aliases.json} (written whole and atomically), with Lambda's rules
 * for names, target versions and routing weights. Callers hold the workspace's lock for writes.
 */
final class AliasStore {
    static final String FILE = "aliases.json";
    /** Letters, digits, hyphens and underscores, not all digits (that would read as a version). */
    static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    static final Pattern VERSION = Pattern.compile("(\\$LATEST|[0-9]+)");
    private static final int MAX_NAME = 128;
    private static final int MAX_DESCRIPTION = 256;

    record File(@JsonProperty("Aliases") List<Alias> aliases) {
        File { aliases = aliases == null ? List.of() : List.copyOf(aliases); }
    }

    private final Workspace workspace;

    AliasStore(Workspace workspace) { this.workspace = workspace; }

    List<Alias> list(String name) {
        workspace.read(name);
        Path file = file(name);
        if (!Files.exists(file)) return List.of();
        try {
            List<Alias> aliases = new ArrayList<>(Json.MAPPER.readValue(file.toFile(), File.class).aliases());
            aliases.sort(Comparator.comparing(Alias::name));
            return aliases;
        } catch (IOException e) {
            throw new WorkspaceException("Function " + name + ": cannot read " + file + " (" + e.getMessage()
                    + "). Fix or delete the file.", e);
        }
    }

    Alias find(String name, String alias) {
        return list(name).stream().filter(a -> a.name().equals(alias)).findFirst().orElse(null);
    }

    Alias get(String name, String alias) {
        checkName(alias);
        Alias found = find(name, alias);
        if (found == null) throw VersioningException.notFound("Alias not found: ", name, alias);
        return found;
    }

    Alias create(String name, String alias, String functionVersion, String description, Map<String, Double> weights) {
        checkName(alias);
        checkDescription(description);
        List<Alias> aliases = new ArrayList<>(list(name));
        if (aliases.stream().anyMatch(a -> a.name().equals(alias))) {
            throw VersioningException.conflict("Alias already exists: ", name, alias);
        }
        Alias created = new Alias(alias, checkTarget(name, functionVersion, weights),
                description == null ? "" : description, routing(weights), UUID.randomUUID().toString());
        aliases.add(created);
        save(name, aliases);
        return created;
    }

    /**
     * Changes an alias: null arguments keep what it has; empty weights clear its routing. The RevisionId is renewed
     * even when nothing else changes, as in Lambda.
     */
    Alias update(String name, String alias, String functionVersion, String description, Map<String, Double> weights,
                 String expectedRevisionId) {
        Alias current = get(name, alias);
        if (expectedRevisionId != null && !expectedRevisionId.equals(current.revisionId())) {
            throw VersioningException.staleRevision("GetFunction/GetAlias");
        }
        checkDescription(description);
        String version = functionVersion != null ? functionVersion : current.functionVersion();
        Map<String, Double> routing = weights != null ? weights : current.weights();
        Alias updated = new Alias(alias, checkTarget(name, version, routing),
                description != null ? description : current.description(), routing(routing), UUID.randomUUID().toString());
        List<Alias> aliases = new ArrayList<>(list(name));
        aliases.replaceAll(a -> a.name().equals(alias) ? updated : a);
        save(name, aliases);
        return updated;
    }

    void delete(String name, String alias) {
        get(name, alias);
        List<Alias> aliases = new ArrayList<>(list(name));
        aliases.removeIf(a -> a.name().equals(alias));
        save(name, aliases);
    }

    /** Validates the version and the weights an alias would get; returns the version. */
    private String checkTarget(String name, String functionVersion, Map<String, Double> weights) {
        if (functionVersion == null || functionVersion.isEmpty()) {
            throw VersioningException.validation("1 validation error detected: Value null at 'functionVersion' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        if (functionVersion.length() > 1024 || !VERSION.matcher(functionVersion).matches()) {
            throw VersioningException.validation("1 validation error detected: Value '" + functionVersion + "' at"
                    + " 'functionVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + VERSION.pattern());
        }
        requireVersion(name, functionVersion);
        if (weights == null || weights.isEmpty()) return functionVersion;
        if (weights.size() > 1) {
            throw VersioningException.invalidParameter("Number of items in AdditionalVersionWeights cannot be greater"
                    + " than 1 (got " + weights.size() + ")");
        }
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getKey() == null || !w.getKey().matches("[0-9]{1,1024}")) {
                throw VersioningException.validation("1 validation error detected: Value '" + weights + "' at"
                        + " 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy"
                        + " constraint: [Member must satisfy regular expression pattern: [0-9]+]");
            }
            Double weight = w.getValue();
            if (weight == null || weight.isNaN() || weight < 0 || weight > 1) {
                throw VersioningException.validation("1 validation error detected: Value '" + weights + "' at"
                        + " 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy"
                        + " constraint: [Member must have value less than or equal to 1.0, Member must have value"
                        + " greater than or equal to 0.0]");
            }
            if (FunctionVersion.LATEST.equals(functionVersion)) {
                throw VersioningException.invalidParameter("$LATEST is not supported for an alias pointing to more"
                        + " than 1 version");
            }
            if (w.getKey().equals(functionVersion)) {
                throw VersioningException.invalidParameter("Invalid function version " + functionVersion + ". Function"
                        + " version " + functionVersion + " is already included in routing configuration.");
            }
            requireVersion(name, w.getKey());
        }
        return functionVersion;
    }

    private void requireVersion(String name, String version) {
        if (FunctionVersion.LATEST.equals(version)) return;
        if (workspace.versionStore().find(name, version) == null) throw new FunctionNotFoundException(name, version);
    }

    private static Alias.RoutingConfig routing(Map<String, Double> weights) {
        return weights == null || weights.isEmpty() ? null : new Alias.RoutingConfig(weights);
    }

    private static void checkName(String alias) {
        if (alias == null || alias.isEmpty() || alias.length() > MAX_NAME || !NAME.matcher(alias).matches()) {
            throw VersioningException.validation("1 validation error detected: Value '" + alias + "' at 'name' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: " + NAME.pattern()
                    + " and have length between 1 and " + MAX_NAME);
        }
    }

    private static void checkDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw VersioningException.validation("1 validation error detected: Value at 'description' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
    }

    private Path file(String name) { return workspace.functionDir(name).resolve(FILE); }

    private void save(String name, List<Alias> aliases) {
        Path file = file(name);
        try {
            AtomicFiles.write(file, Json.pretty(new File(aliases)));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }
}
