package dev.lambdaconsole.runtime.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Durations;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Published versions of a function: {@code functions/NAME/versions/N/} holds a copy of the code ({@code code/}) and
 * the version's {@code function.json}, written in a staging folder and moved into place whole, never changed after.
 * {@code functions/NAME/versions.json} remembers the last number given (numbers are never reused) and what
 * $LATEST looked like then, so publishing an unchanged function returns that version instead of a new one.
 * Callers hold the workspace's lock for writes.
 */
final class VersionStore {
    static final String VERSIONS_DIR = "versions";
    static final String INDEX_FILE = "versions.json";
    private static final int MAX_DESCRIPTION = 256;

    /** versions.json: the last number published and the fingerprint of $LATEST when it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Index(@JsonProperty("LastVersion") long lastVersion, @JsonProperty("LastFingerprint") String lastFingerprint) { }

    private final Workspace workspace;

    VersionStore(Workspace workspace) { this.workspace = workspace; }

    Path versionsDir(String name) { return workspace.functionDir(name).resolve(VERSIONS_DIR); }

    FunctionVersion publish(String name, String description, String expectedCodeSha256, String expectedRevisionId) {
        FunctionConfig latest = workspace.read(name);
        if (expectedRevisionId != null && !expectedRevisionId.equals(latest.revisionId())) {
            throw VersioningException.staleRevision("GetFunction/GetAlias");
        }
        if (expectedCodeSha256 != null && !expectedCodeSha256.equals(latest.codeSha256())) {
            throw VersioningException.invalidParameter("CodeSHA256 (" + expectedCodeSha256 + ") is different from current"
                    + " CodeSHA256 in $LATEST (" + latest.codeSha256() + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw VersioningException.validation("1 validation error detected: Value at 'description' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
        Index index = index(name);
        String fingerprint = fingerprint(latest);
        if (index.lastVersion() > 0 && fingerprint.equals(index.lastFingerprint())) {
            FunctionVersion last = find(name, Long.toString(index.lastVersion()));
            if (last != null) return last;
        }
        long number = index.lastVersion() + 1;
        String version = Long.toString(number);
        Path dir = versionsDir(name);
        Path staging = dir.resolve("." + version + "-" + UUID.randomUUID());
        Path target = dir.resolve(version);
        try {
            Files.createDirectories(staging);
            copyTree(workspace.codeDir(name), staging.resolve(Workspace.CODE_DIR));
            FunctionConfig snapshot = latest.toBuilder()
                    .description(description != null ? description : latest.description())
                    .lastModified(Durations.lastModified(Instant.now()))
                    .revisionId(UUID.randomUUID().toString())
                    .reservedConcurrentExecutions(null) // function-level, not part of a version
                    .provisionedConcurrentExecutions(null)
                    .tags(null)
                    .build();
            AtomicFiles.write(staging.resolve(Workspace.CONFIG_FILE), Json.pretty(snapshot));
            if (Files.exists(target)) Workspace.deleteTree(target); // a leftover of a number never recorded
            AtomicFiles.move(staging, target);
            writeIndex(name, new Index(number, fingerprint));
            return new FunctionVersion(name, version, snapshot, target.resolve(Workspace.CODE_DIR));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot publish version " + version + " of " + name + " in " + target + ": "
                    + e.getMessage(), e);
        } finally {
            Workspace.deleteQuietly(staging);
        }
    }

    /** Published versions, ascending. */
    List<FunctionVersion> list(String name) {
        workspace.read(name);
        Path dir = versionsDir(name);
        List<Long> numbers = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path d : dirs) {
                    String n = d.getFileName().toString();
                    if (n.matches("[0-9]{1,18}") && Files.isRegularFile(d.resolve(Workspace.CONFIG_FILE))) {
                        numbers.add(Long.parseLong(n));
                    }
                }
            } catch (IOException e) {
                throw new WorkspaceException("Cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        numbers.sort(Comparator.naturalOrder());
        List<FunctionVersion> versions = new ArrayList<>();
        for (long n : numbers) {
            FunctionVersion v = find(name, Long.toString(n));
            if (v != null) versions.add(v);
        }
        return versions;
    }

    static boolean isNumber(String qualifier) { return qualifier.matches("[0-9]{1,18}"); }

    /** A published version, or null when there is none of that number. */
    FunctionVersion find(String name, String version) {
        if (!isNumber(version)) return null;
        String canonical = Long.toString(Long.parseLong(version));
        Path dir = versionsDir(name).resolve(canonical);
        Path file = dir.resolve(Workspace.CONFIG_FILE);
        try {
            FunctionConfig config = Json.MAPPER.readValue(Files.readAllBytes(file), FunctionConfig.class);
            return new FunctionVersion(name, canonical, config.toBuilder().functionName(name).build(),
                    dir.resolve(Workspace.CODE_DIR));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new WorkspaceException("Version " + canonical + " of " + name + ": cannot read " + file + " ("
                    + e.getMessage() + "). Fix or delete the folder " + dir + ".", e);
        }
    }

    void delete(String name, String version) {
        Path dir = versionsDir(name).resolve(version);
        Path trash = versionsDir(name).resolve(".deleted-" + version + "-" + UUID.randomUUID());
        try {
            AtomicFiles.move(dir, trash);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
        Workspace.deleteQuietly(trash);
    }

    private Index index(String name) {
        Path file = workspace.functionDir(name).resolve(INDEX_FILE);
        if (!Files.exists(file)) {
            // a workspace edited by hand: numbers go on after the highest folder
            long highest = 0;
            for (FunctionVersion v : list(name)) highest = Math.max(highest, Long.parseLong(v.version()));
            return new Index(highest, null);
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), Index.class);
        } catch (IOException e) {
            throw new WorkspaceException("Function " + name + ": cannot read " + file + " (" + e.getMessage()
                    + "). Fix or delete the file.", e);
        }
    }

    private void writeIndex(String name, Index index) throws IOException {
        AtomicFiles.write(workspace.functionDir(name).resolve(INDEX_FILE), Json.pretty(index));
    }

    /** What makes a version: the code and every setting a version keeps (not times, revisions, tags or reservations). */
    static String fingerprint(FunctionConfig latest) {
        FunctionConfig essence = latest.toBuilder().lastModified(null).revisionId(null).tags(null)
                .reservedConcurrentExecutions(null).provisionedConcurrentExecutions(null).build();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.pretty(essence));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) return;
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
