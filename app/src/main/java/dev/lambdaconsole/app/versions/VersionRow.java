package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;

import java.util.Locale;

/**
 * One line of the Versions table, as the user reads it.
 *
 * @param codeSha256 the first 12 characters of the CodeSha256 (the full value is in {@link #version()})
 */
public record VersionRow(FunctionVersion version, String name, String description, String codeSha256,
                         String lastModified, String codeSize) {

    static VersionRow of(FunctionVersion v) {
        FunctionConfig c = v.config();
        String sha = c.codeSha256() == null ? "" : c.codeSha256();
        return new VersionRow(v, v.version(), c.description() == null ? "" : c.description(),
                sha.length() > 12 ? sha.substring(0, 12) + "…" : sha,
                c.lastModified() == null ? "" : c.lastModified(), size(c.codeSize() == null ? 0 : c.codeSize()));
    }

    public boolean latest() { return version.latest(); }

    /** The full CodeSha256, for the cell's tooltip. */
    public String fullCodeSha256() { return version.config().codeSha256() == null ? "" : version.config().codeSha256(); }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
