package dev.lambdaconsole.icons;

import java.net.URL;
import java.util.List;

/**
 * Where the rendered icons are on the class path. The build renders them from the SVG masters in
 * {@code icons/src/main/svg} (see {@code IconGenerator}); a user of this class loads them with its own toolkit,
 * e.g. JavaFX's {@code new Image(url.toExternalForm())}. Plain Java: this module knows no UI toolkit.
 */
public final class Icons {
    /** The window-icon sizes (JavaFX picks the closest for each use). */
    public static final List<Integer> APP_SIZES = List.of(16, 32, 48, 64, 128, 256);
    /** The sizes of each {@link SourceIcon}, in logical pixels. */
    public static final List<Integer> SOURCE_SIZES = List.of(16, 32);
    /** The file name of the application icon's master, also the stem of every rendered file. */
    public static final String APP_NAME = "lambda-console";

    static final String ROOT = "dev/lambdaconsole/icons/";

    private Icons() { }

    /** The class-path resource (no leading slash) of the application icon at {@code size} px. */
    public static String appResource(int size) {
        requireSize(APP_SIZES, size);
        return ROOT + "app/" + APP_NAME + "-" + size + ".png";
    }

    /** The application icon at {@code size} px, one of {@link #APP_SIZES}. */
    public static URL app(int size) { return find(appResource(size)); }

    /** The application icon at every one of {@link #APP_SIZES}, smallest first. */
    public static List<URL> appIconUrls() { return APP_SIZES.stream().map(Icons::app).toList(); }

    static void requireSize(List<Integer> sizes, int size) {
        if (!sizes.contains(size)) throw new IllegalArgumentException("No icon of " + size + " px; there are " + sizes);
    }

    static URL find(String resource) {
        URL url = Icons.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path: the icons module's build renders it"
                    + " (mvn process-classes in icons)");
        }
        return url;
    }
}
