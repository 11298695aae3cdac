package dev.lambdaconsole.app.code;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.workspace.CodeArchive;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Upload and download of a function's deployment package (.zip). Blocking. */
final class CodePackages {
    private CodePackages() { }

    /** Replaces the function's code with the .zip and resets the draft (and its recovery copies) to it. */
    static FunctionConfig upload(Workspace workspace, String function, Path zip, CodeDraft draft, RecoveryStore recovery)
            throws IOException {
        if (!Files.isRegularFile(zip)) throw new IOException("No such file: " + zip);
        long size = Files.size(zip);
        if (size > CodeArchive.MAX_ZIPPED) {
            throw new ValidationException("ZipFile", "a deployment package must not exceed 50 MB zipped (52428800 "
                    + "bytes); use layers or a container image for larger code", size + " bytes");
        }
        FunctionConfig updated = workspace.updateCode(function, Files.readAllBytes(zip));
        draft.reset(updated);
        recovery.clear(List.of());
        return updated;
    }

    /** Writes the deployed code as a .zip to {@code target}; returns its size in bytes. */
    static long download(Workspace workspace, String function, Path target) throws IOException {
        byte[] zip = workspace.codeZip(function);
        AtomicFiles.write(target, zip);
        return zip.length;
    }

    static String describe(FunctionConfig config) {
        return "The function's code was replaced (" + config.codeSize() + " bytes, SHA-256 " + config.codeSha256()
                + "); the editor shows the new code.";
    }
}
