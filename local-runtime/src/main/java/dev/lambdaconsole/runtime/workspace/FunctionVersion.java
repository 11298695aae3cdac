package dev.lambdaconsole.runtime.workspace;

import dev.lambdaconsole.runtime.model.FunctionConfig;

import java.nio.file.Path;

/**
 * One version of a function: {@code $LATEST} (the function's own folder, which changes) or a published number
 * (an immutable copy in {@code functions/NAME/versions/N/}).
 *
 * @param config  the configuration that version runs with; for a published version its Description, RevisionId and
 *                LastModified are the version's own
 * @param codeDir the folder of that version's code
 */
public record FunctionVersion(String functionName, String version, FunctionConfig config, Path codeDir) {
    public static final String LATEST = "$LATEST";

    public boolean latest() { return LATEST.equals(version); }
}
