package dev.lambdaconsole.icons.generator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A macOS {@code .icns}: the {@code 'icns'} magic and the file's length, then one chunk per image (a four-letter type,
 * the chunk's length including its 8-byte header, the PNG), all big-endian. Every type below holds a PNG (10.7+;
 * ic04/ic05 are also read as PNG since 10.15, and the OS falls back to the others where a type is not understood).
 */
final class IcnsWriter {
    /** Each chunk type and the size in pixels of the PNG it holds (points x scale). */
    static final Map<String, Integer> TYPES = types();

    private IcnsWriter() { }

    private static Map<String, Integer> types() {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("ic04", 16);    // 16x16
        t.put("ic05", 32);    // 32x32
        t.put("ic07", 128);   // 128x128
        t.put("ic08", 256);   // 256x256
        t.put("ic09", 512);   // 512x512
        t.put("ic10", 1024);  // 512x512@2x (1024x1024)
        t.put("ic11", 32);    // 16x16@2x
        t.put("ic12", 64);    // 32x32@2x
        t.put("ic13", 256);   // 128x128@2x
        t.put("ic14", 512);   // 256x256@2x
        return Collections.unmodifiableMap(t);
    }

    /** @param pngBySize the encoded PNG of each pixel size in {@link #TYPES} */
    static byte[] write(Map<Integer, byte[]> pngBySize) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> type : TYPES.entrySet()) {
            byte[] png = pngBySize.get(type.getValue());
            if (png == null) throw new IllegalArgumentException("No " + type.getValue() + " px image for " + type.getKey());
            chunks.writeBytes(type.getKey().getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes(ByteBuffer.allocate(4).putInt(8 + png.length).array());
            chunks.writeBytes(png);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + chunks.size());
        out.writeBytes("icns".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(8 + chunks.size()).array());
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }
}
