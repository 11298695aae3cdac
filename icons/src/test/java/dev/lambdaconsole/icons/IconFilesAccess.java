package dev.lambdaconsole.icons;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** {@link IconFiles} for the generator package's tests. */
public final class IconFilesAccess {
    private IconFilesAccess() { }

    public static BufferedImage png(Path file) { return IconFiles.png(file); }

    public static BufferedImage png(byte[] bytes) { return IconFiles.png(bytes); }

    public static byte[] bytes(Path file) { return IconFiles.bytes(file); }
}
