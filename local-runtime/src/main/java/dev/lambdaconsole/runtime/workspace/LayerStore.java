package dev.lambdaconsole.runtime.workspace;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.ValidationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspace's layers: {@code layers/NAME/VERSION/} folders whose contents appear under /opt. Lists them with
 * their ARNs, size and the functions that use them; publishes a new version from a .zip; deletes a version.
 */
public final class LayerStore {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** One layer version as the Layers page shows it. */
    public record LayerVersion(String name, int version, String arn, long sizeBytes, Instant created,
                               List<String> usedBy) { }

    private final Workspace workspace;
    private final String region;
    private final String accountId;

    public LayerStore(Workspace workspace, String region, String accountId) {
        this.workspace = workspace;
        this.region = region;
        this.accountId = accountId;
    }

    public String arn(String name, int version) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":layer:" + name + ":" + version;
    }

    /** Every layer version, by name then newest version first. */
    public List<LayerVersion> list() {
        Path root = workspace.layersDir();
        if (!Files.isDirectory(root)) return List.of();
        List<FunctionConfig> functions = workspace.functions();
        List<LayerVersion> out = new ArrayList<>();
        try (Stream<Path> names = Files.list(root)) {
            for (Path nameDir : names.filter(Files::isDirectory).sorted().toList()) {
                String name = nameDir.getFileName().toString();
                try (Stream<Path> versions = Files.list(nameDir)) {
                    for (Path v : versions.filter(Files::isDirectory).toList()) {
                        Integer version = parse(v.getFileName().toString());
                        if (version == null) continue;
                        String arn = arn(name, version);
                        List<String> users = functions.stream()
                                .filter(f -> f.layersOrEmpty().stream().anyMatch(l -> sameLayer(l.arn(), name, version)))
                                .map(FunctionConfig::functionName).sorted().toList();
                        out.add(new LayerVersion(name, version, arn, size(v), created(v), users));
                    }
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read the layers in " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(LayerVersion::name).thenComparing(LayerVersion::version, Comparator.reverseOrder()));
        return out;
    }

    /** Publishes {@code zip} as the next version of layer {@code name}; the folder appears complete or not at all. */
    public synchronized LayerVersion publish(String name, byte[] zip) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("LayerName", "must be 1 to 64 letters, digits, hyphens or underscores", name);
        }
        Path nameDir = workspace.layersDir().resolve(name);
        try {
            Files.createDirectories(nameDir);
            int next = 1;
            try (Stream<Path> versions = Files.list(nameDir)) {
                next += versions.map(p -> parse(p.getFileName().toString())).filter(v -> v != null)
                        .mapToInt(Integer::intValue).max().orElse(0);
            }
            Path staging = workspace.stateDir().resolve("layer-staging-" + System.nanoTime());
            Files.createDirectories(staging.getParent());
            try {
                CodeArchive.extract(zip, staging);
                Files.move(staging, nameDir.resolve(String.valueOf(next)), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Workspace.deleteQuietly(staging);
            }
            Path dir = nameDir.resolve(String.valueOf(next));
            return new LayerVersion(name, next, arn(name, next), size(dir), created(dir), List.of());
        } catch (IOException e) {
            throw new WorkspaceException("Cannot publish layer " + name + ": " + e.getMessage(), e);
        }
    }

    /** Deletes one version; refused while a function uses it (the function would no longer start). */
    public synchronized void delete(String name, int version) {
        LayerVersion v = list().stream().filter(l -> l.name().equals(name) && l.version() == version).findFirst()
                .orElseThrow(() -> new WorkspaceException("Layer " + name + " version " + version + " does not exist."));
        if (!v.usedBy().isEmpty()) {
            throw new WorkspaceException("Layer " + name + ":" + version + " is used by " + String.join(", ", v.usedBy())
                    + ": remove it from their configuration first.");
        }
        try {
            Workspace.deleteTree(workspace.layersDir().resolve(name).resolve(String.valueOf(version)));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot delete layer " + name + ":" + version + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameLayer(String arn, String name, int version) {
        if (arn == null) return false;
        String[] parts = arn.split(":");
        return parts.length >= 8 && parts[6].equals(name) && parts[7].equals(String.valueOf(version));
    }

    private static Integer parse(String s) {
        try {
            int v = Integer.parseInt(s);
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static Instant created(Path dir) throws IOException {
        return Files.readAttributes(dir, BasicFileAttributes.class).lastModifiedTime().toInstant();
    }
}
