package dev.lambdaconsole.app.triggers.add;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Opens a URL in the user's browser: {@code xdg-open} where it exists (Linux desktops; it returns at once), else
 * java.awt.Desktop's BROWSE. Both run off the FX thread (the caller's task runner).
 */
final class Browser {
    private Browser() { }

    /** Null when a browser can be opened, else why not (for the button's tooltip). */
    static String unavailable() {
        if (xdgOpen() != null) return null;
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) return null;
        } catch (RuntimeException | LinkageError e) {
            // headless or no AWT: say so below
        }
        return "No browser can be opened from here: there is no xdg-open on the PATH and java.awt.Desktop cannot "
                + "browse on this system. Copy the URL instead.";
    }

    static void open(String url) throws IOException {
        String xdg = xdgOpen();
        if (xdg != null) {
            new ProcessBuilder(xdg, url).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return;
        }
        Desktop.getDesktop().browse(URI.create(url));
    }

    private static String xdgOpen() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, "xdg-open");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }
}
