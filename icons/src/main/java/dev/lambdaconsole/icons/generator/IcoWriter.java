package dev.lambdaconsole.icons.generator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A Windows {@code .ico}: the ICONDIR header, one 16-byte entry per image, then the images. The 256 px image is stored
 * as PNG (Vista and later); smaller ones as 32-bit BGRA bitmaps with their AND mask, the form every Windows component
 * and resource tool reads (what ImageMagick and icon editors write too).
 */
final class IcoWriter {
    static final int PNG_FROM = 256;

    private IcoWriter() { }

    static byte[] write(List<BufferedImage> images) {
        if (images.isEmpty()) throw new IllegalArgumentException("An icon needs at least one image");
        byte[][] payloads = new byte[images.size()][];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image.getWidth() != image.getHeight() || image.getWidth() > 256 || image.getWidth() < 1) {
                throw new IllegalArgumentException("ICO images are square, 1 to 256 px: " + image.getWidth() + "x"
                        + image.getHeight());
            }
            payloads[i] = image.getWidth() >= PNG_FROM ? Png.encode(image) : bitmap(image);
        }
        int headerSize = 6 + 16 * images.size();
        ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) images.size()); // reserved, type 1 = icon, count
        int offset = headerSize;
        for (int i = 0; i < images.size(); i++) {
            int size = images.get(i).getWidth();
            header.put((byte) (size == 256 ? 0 : size)).put((byte) (size == 256 ? 0 : size)); // 0 means 256
            header.put((byte) 0).put((byte) 0);                 // no palette, reserved
            header.putShort((short) 1).putShort((short) 32);    // colour planes, bits per pixel
            header.putInt(payloads[i].length).putInt(offset);
            offset += payloads[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(offset);
        out.writeBytes(header.array());
        for (byte[] payload : payloads) out.writeBytes(payload);
        return out.toByteArray();
    }

    /** BITMAPINFOHEADER (height doubled: colour rows then mask rows), BGRA rows bottom-up, then the 1-bit AND mask. */
    static byte[] bitmap(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int maskRow = (w + 31) / 32 * 4;
        ByteBuffer b = ByteBuffer.allocate(40 + w * h * 4 + maskRow * h).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(40).putInt(w).putInt(2 * h).putShort((short) 1).putShort((short) 32);
        b.putInt(0).putInt(w * h * 4 + maskRow * h).putInt(0).putInt(0).putInt(0).putInt(0); // BI_RGB, sizes, no palette
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                b.put((byte) argb).put((byte) (argb >>> 8)).put((byte) (argb >>> 16)).put((byte) (argb >>> 24));
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            byte[] row = new byte[maskRow];
            for (int x = 0; x < w; x++) {
                if ((image.getRGB(x, y) >>> 24) == 0) row[x / 8] |= (byte) (0x80 >>> (x % 8)); // 1 = transparent
            }
            b.put(row);
        }
        return b.array();
    }
}
