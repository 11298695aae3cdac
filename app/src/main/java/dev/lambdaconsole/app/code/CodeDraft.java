package dev.lambdaconsole.app.code;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.workspace.CodeArchive;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Code tab's working copy of a function's code, as in the web console: edits are saved here, not in the
 * function's code folder, until Deploy. Lives in {@code drafts/NAME/}; {@code drafts/NAME.base} remembers the
 * deployed code the draft was last in step with, so a draft nobody edited follows code changed elsewhere
 * (an upload, the AWS CLI, git) while an edited draft is kept. Blocking: call it off the UI thread.
 */
final class CodeDraft {
    private final Workspace workspace;
    private final String function;
    private final Path dir;
    private final Path baseFile;
    private final FileDigests digests = new FileDigests();

    CodeDraft(Workspace workspace, String function, Path draftsRoot) {
        this.workspace = workspace;
        this.function = function;
        this.dir = draftsRoot.resolve(function).toAbsolutePath().normalize();
        this.baseFile = draftsRoot.resolve(function + ".base");
    }

    Path dir() { return dir; }

    /**
     * Creates the draft from the deployed code if there is none, brings an unedited draft up to date with the
     * deployed code, and tells whether the draft differs from the deployed code.
     */
    synchronized boolean reconcile(FunctionConfig config) throws IOException {
        Path code = workspace.codeDir(function);
        if (!Files.isDirectory(dir)) {
            reset(config);
            return false;
        }
        Predicate<String> include = comparing(config);
        String deployed = digests.fingerprint(code, include);
        String draft = digests.fingerprint(dir, include);
        if (draft.equals(deployed)) {
            if (!deployed.equals(readBase())) writeBase(deployed);
            return false;
        }
        if (draft.equals(readBase())) {
            reset(config);
            return false;
        }
        return true;
    }

    /** Replaces the draft with the deployed code (after an upload replaced it). */
    synchronized void reset(FunctionConfig config) throws IOException {
        Path code = workspace.codeDir(function);
        boolean built = JavaBuild.isJava(config.runtime()) && JavaBuild.hasSources(code);
        CodeFolders.mirror(code, dir, built ? rel -> !JavaBuild.isBuildOutput(rel) : rel -> true);
        writeBase(digests.fingerprint(code, comparing(config)));
    }

    /**
     * Builds the draft into a package (compiling Java sources) and makes it the function's code in one atomic
     * replacement, so the engine's next invocation runs it. The draft is left as it is, whatever happens.
     */
    synchronized FunctionConfig deploy(FunctionConfig config, Consumer<String> step) throws IOException {
        Path staging = dir.resolveSibling("." + function + "-build-" + UUID.randomUUID());
        try {
            step.accept("Copying the draft");
            CodeFolders.copy(dir, staging, rel -> true);
            if (JavaBuild.isJava(config.runtime()) && JavaBuild.hasSources(staging)) {
                step.accept("Compiling the Java sources");
                var problems = JavaBuild.compile(staging, config.runtime());
                if (!problems.isEmpty()) throw new CompileFailedException(problems);
            }
            step.accept("Packaging");
            byte[] zip = CodeArchive.zip(staging);
            step.accept("Replacing the function's code");
            FunctionConfig updated = workspace.updateCode(function, zip);
            writeBase(digests.fingerprint(workspace.codeDir(function), comparing(config)));
            return updated;
        } finally {
            CodeFolders.deleteQuietly(staging);
        }
    }

    /**
     * What counts as the code when comparing draft and deployed code: everything, except for a Java function
     * built from sources, whose compiled classes are build output (see {@link JavaBuild}). The draft of such a
     * function holds no build output (see {@link #reset}); Deploy packages the whole draft plus fresh classes.
     */
    private Predicate<String> comparing(FunctionConfig config) throws IOException {
        boolean built = JavaBuild.isJava(config.runtime())
                && (JavaBuild.hasSources(dir) || JavaBuild.hasSources(workspace.codeDir(function)));
        return built ? rel -> !JavaBuild.isBuildOutput(rel) : rel -> true;
    }

    private String readBase() throws IOException {
        return Files.isRegularFile(baseFile) ? Files.readString(baseFile, StandardCharsets.UTF_8).strip() : "";
    }

    private void writeBase(String fingerprint) throws IOException {
        AtomicFiles.write(baseFile, fingerprint.getBytes(StandardCharsets.UTF_8));
    }
}
