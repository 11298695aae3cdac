package dev.lambdaconsole.icons;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the rendered files back, for the tests: the build wrote them in process-classes. */
final class IconFiles {
    static final Path OUT = Path.of("target/icons");
    static final Path SVG = Path.of("src/main/svg");
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private IconFiles() { }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage png(byte[] bytes) {
        assertThat(Arrays.copyOf(bytes, 8)).as("PNG signature").isEqualTo(PNG_SIGNATURE);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a PNG the JDK decodes").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage png(Path file) { return png(bytes(file)); }

    static int alpha(BufferedImage image, int x, int y) { return image.getRGB(x, y) >>> 24; }

    /** A rounded tile: square of the size, corners (nearly) transparent, the middle opaque, with white and colour. */
    static void assertTile(BufferedImage image, int size) {
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        int last = size - 1;
        for (int[] corner : new int[][] {{0, 0}, {last, 0}, {0, last}, {last, last}}) {
            assertThat(alpha(image, corner[0], corner[1])).as("corner %s,%s of %s px", corner[0], corner[1], size)
                    .isLessThan(64);
        }
        assertThat(alpha(image, size / 2, 1)).as("the tile's top edge").isEqualTo(255);
        int white = 0;
        int coloured = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) != 255) continue;
                int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
                if (Math.min(r, Math.min(g, b)) > 230) white++;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) coloured++;
            }
        }
        int area = size * size;
        assertThat(white).as("white glyph pixels at %s px", size).isGreaterThan(area / 20);
        assertThat(coloured).as("coloured tile pixels at %s px", size).isGreaterThan(area / 4);
    }
}
