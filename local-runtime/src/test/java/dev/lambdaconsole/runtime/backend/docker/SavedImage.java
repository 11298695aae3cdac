package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An image of the engine as {@code docker save} exports it: its config (the exact bytes, whose digest is the
 * image id) and its layers (uncompressed tars, written to files). Read with a small tar reader.
 */
record SavedImage(byte[] configBytes, List<Path> layers) {

    ObjectNode config() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(configBytes);
    }

    /** The layers' digests as the config lists them: the sha256 of each uncompressed tar. */
    List<String> diffIds() throws IOException {
        List<String> ids = new ArrayList<>();
        config().get("rootfs").get("diff_ids").forEach(d -> ids.add(d.asText()));
        return ids;
    }

    static SavedImage export(DockerClient client, String image, Path dir) throws IOException {
        Map<String, byte[]> json = new HashMap<>();
        Map<String, Path> layerFiles = new HashMap<>();
        try (InputStream tar = client.saveImageCmd(image).exec()) {
            byte[] header = new byte[512];
            String longName = null;
            while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = longName != null ? longName : text(header, 345, 155).isEmpty() ? text(header, 0, 100)
                        : text(header, 345, 155) + "/" + text(header, 0, 100);
                longName = null;
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                long padding = (512 - size % 512) % 512;
                if (type == 'x') {
                    longName = paxPath(new String(tar.readNBytes((int) size), StandardCharsets.UTF_8));
                } else if (name.endsWith("layer.tar")) {
                    Path file = dir.resolve("layer-" + layerFiles.size() + ".tar");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        copy(tar, out, size);
                    }
                    layerFiles.put(name, file);
                } else if (name.endsWith(".json")) {
                    json.put(name, tar.readNBytes((int) size));
                } else {
                    tar.skipNBytes(size);
                }
                tar.skipNBytes(padding);
            }
        }
        JsonNode manifest = Json.MAPPER.readTree(json.get("manifest.json")).get(0);
        List<Path> layers = new ArrayList<>();
        manifest.get("Layers").forEach(l -> layers.add(layerFiles.get(l.asText())));
        return new SavedImage(json.get(manifest.get("Config").asText()), List.copyOf(layers));
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int eq = record.indexOf(" path=");
            if (eq >= 0) return record.substring(eq + " path=".length());
        }
        return null;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (long left = size; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) throw new IOException("the export ended inside a layer");
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
