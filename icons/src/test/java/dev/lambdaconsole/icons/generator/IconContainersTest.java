package dev.lambdaconsole.icons.generator;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .ico and .icns the build wrote, parsed back independently of the writers: headers, entries, lengths, and
 * each image equal pixel for pixel to the PNG of its size.
 */
class IconContainersTest {
    static final Path OUT = Path.of("target/icons");

    private static BufferedImage png(int size) { return dev.lambdaconsole.icons.IconFilesAccess.png(OUT.resolve("png/lambda-console-" + size + ".png")); }

    private static byte[] bytes(Path p) { return dev.lambdaconsole.icons.IconFilesAccess.bytes(p); }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected, String what) {
        assertThat(actual.getWidth()).as(what).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as(what).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    throw new AssertionError(what + ": pixel " + x + "," + y + " is " + Integer.toHexString(actual.getRGB(x, y))
                            + ", expected " + Integer.toHexString(expected.getRGB(x, y)));
                }
            }
        }
    }

    /** Decodes a 32-bit BGRA ICO bitmap (bottom-up, height doubled) and checks its AND mask against alpha. */
    private static BufferedImage bitmap(ByteBuffer b, int size) {
        assertThat(b.getInt(0)).as("BITMAPINFOHEADER size").isEqualTo(40);
        assertThat(b.getInt(4)).isEqualTo(size);
        assertThat(b.getInt(8)).as("height counts colour and mask").isEqualTo(2 * size);
        assertThat(b.getShort(12)).isEqualTo((short) 1);
        assertThat(b.getShort(14)).as("bits per pixel").isEqualTo((short) 32);
        assertThat(b.getInt(16)).as("BI_RGB").isZero();
        int maskRow = (size + 31) / 32 * 4;
        assertThat(b.limit()).isEqualTo(40 + size * size * 4 + maskRow * size);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < size; row++) {
            int y = size - 1 - row;
            for (int x = 0; x < size; x++) {
                int p = 40 + (row * size + x) * 4;
                int argb = (b.get(p + 3) & 0xff) << 24 | (b.get(p + 2) & 0xff) << 16 | (b.get(p + 1) & 0xff) << 8 | (b.get(p) & 0xff);
                image.setRGB(x, y, argb);
                boolean masked = (b.get(40 + size * size * 4 + row * maskRow + x / 8) & (0x80 >>> (x % 8))) != 0;
                assertThat(masked).as("mask at %s,%s of %s px", x, y, size).isEqualTo((argb >>> 24) == 0);
            }
        }
        return image;
    }

    @Test
    void theWindowsIconHoldsItsSixSizes() {
        byte[] file = bytes(OUT.resolve("lambda-console.ico"));
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).as("reserved").isZero();
        assertThat(b.getShort(2)).as("type: icon").isEqualTo((short) 1);
        int count = b.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        int end = 6 + 16 * count;
        for (int i = 0; i < count; i++) {
            int e = 6 + 16 * i;
            int width = b.get(e) & 0xff;
            int height = b.get(e + 1) & 0xff;
            int size = width == 0 ? 256 : width;
            assertThat(height == 0 ? 256 : height).isEqualTo(size);
            assertThat(b.getShort(e + 4)).as("planes").isEqualTo((short) 1);
            assertThat(b.getShort(e + 6)).as("bits per pixel").isEqualTo((short) 32);
            int length = b.getInt(e + 8);
            int offset = b.getInt(e + 12);
            assertThat(offset).as("images follow each other").isEqualTo(end);
            end = offset + length;
            byte[] payload = Arrays.copyOfRange(file, offset, offset + length);
            BufferedImage image = size == 256 ? dev.lambdaconsole.icons.IconFilesAccess.png(payload)
                    : bitmap(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN), size);
            assertSamePixels(image, png(size), "ico " + size + " px");
            sizes.add(size);
        }
        assertThat(sizes).containsExactly(16, 24, 32, 48, 64, 256);
        assertThat(end).as("the file ends with the last image").isEqualTo(file.length);
    }

    @Test
    void theMacIconHoldsItsTenChunks() {
        byte[] file = bytes(OUT.resolve("lambda-console.icns"));
        ByteBuffer b = ByteBuffer.wrap(file); // big-endian
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(b.getInt(4)).as("the file's length").isEqualTo(file.length);
        Map<String, Integer> chunks = new LinkedHashMap<>();
        int at = 8;
        while (at < file.length) {
            String type = new String(file, at, 4, StandardCharsets.US_ASCII);
            int length = b.getInt(at + 4);
            assertThat(length).as(type).isGreaterThan(8);
            BufferedImage image = dev.lambdaconsole.icons.IconFilesAccess.png(Arrays.copyOfRange(file, at + 8, at + length));
            assertSamePixels(image, png(image.getWidth()), "icns " + type);
            chunks.put(type, image.getWidth());
            at += length;
        }
        assertThat(at).isEqualTo(file.length);
        assertThat(chunks).containsExactly(Map.entry("ic04", 16), Map.entry("ic05", 32), Map.entry("ic07", 128),
                Map.entry("ic08", 256), Map.entry("ic09", 512), Map.entry("ic10", 1024), Map.entry("ic11", 32),
                Map.entry("ic12", 64), Map.entry("ic13", 256), Map.entry("ic14", 512));
    }

    @Test
    void aSmallBitmapEntryMasksExactlyItsTransparentPixels() {
        BufferedImage image = new BufferedImage(3, 3, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xff112233); // top left opaque
        image.setRGB(2, 2, 0x80ff0000); // bottom right half transparent
        byte[] ico = IcoWriter.write(List.of(image));
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(4)).isEqualTo((short) 1);
        assertThat(b.get(6)).isEqualTo((byte) 3);
        ByteBuffer dib = ByteBuffer.wrap(Arrays.copyOfRange(ico, b.getInt(18), ico.length)).order(ByteOrder.LITTLE_ENDIAN);
        assertSamePixels(bitmap(dib, 3), image, "3 px bitmap");
        // bottom row first: x=0,1 transparent (bits 1), x=2 half transparent (bit 0)
        assertThat(dib.get(40 + 9 * 4) & 0xff).isEqualTo(0b1100_0000);
    }
}
