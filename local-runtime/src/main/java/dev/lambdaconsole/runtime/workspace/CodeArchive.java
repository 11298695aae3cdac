package dev.lambdaconsole.runtime.workspace;

import dev.lambdaconsole.runtime.model.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Deployment packages: extracting an uploaded .zip within Lambda's limits, and zipping a code folder. */
public final class CodeArchive {
    public static final long MAX_ZIPPED = 50L * 1024 * 1024;
    public static final long MAX_UNZIPPED = 250L * 1024 * 1024;

    private CodeArchive() { }

    /** Extracts {@code zip} into {@code target} (which must not exist yet), keeping Unix execute bits. */
    public static long extract(byte[] zip, Path target) throws IOException {
        if (zip.length > MAX_ZIPPED) {
            throw new ValidationException("ZipFile", "a deployment package must not exceed 50 MB zipped "
                    + "(52428800 bytes); use layers or a container image for larger code", zip.length + " bytes");
        }
        Map<String, Integer> modes = unixModes(zip);
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                Path dest = root.resolve(entry.getName()).normalize();
                if (!dest.startsWith(root) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw new ValidationException("ZipFile", "entries must stay inside the package folder; "
                            + "remove absolute paths and '..' from the archive", entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                total += copyLimited(in, dest, MAX_UNZIPPED - total);
                Integer mode = modes.get(entry.getName());
                if (mode != null && (mode & 0111) != 0) {
                    makeExecutable(dest);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new ValidationException("ZipFile", "is not a valid .zip archive: " + e.getMessage(), null);
        }
        if (entries == 0 && zip.length > 0 && !isEmptyZip(zip)) {
            throw new ValidationException("ZipFile", "is not a valid .zip archive (no entries could be read)", null);
        }
        return total;
    }

    private static boolean isEmptyZip(byte[] zip) {
        return zip.length >= 22 && zip[0] == 'P' && zip[1] == 'K' && zip[2] == 5 && zip[3] == 6;
    }

    private static long copyLimited(InputStream in, Path dest, long remaining) throws IOException {
        long written = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(dest)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                written += n;
                if (written > remaining) {
                    throw new ValidationException("ZipFile", "unzipped code must not exceed 250 MB "
                            + "(262144000 bytes) including layers", "more than 250 MB");
                }
                out.write(buf, 0, n);
            }
        }
        return written;
    }

    static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = new java.util.HashSet<>(Files.getPosixFilePermissions(file));
            perms.addAll(List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true, false);
        }
    }

    /** Unix permission bits per entry, read from the zip's central directory (java.util.zip does not expose them). */
    static Map<String, Integer> unixModes(byte[] zip) {
        Map<String, Integer> modes = new HashMap<>();
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (b.getInt(i) == 0x06054b50) { eocd = i; break; }
        }
        if (eocd < 0) {
            return modes;
        }
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        long offset = Integer.toUnsignedLong(b.getInt(eocd + 16));
        int p = (int) offset;
        for (int i = 0; i < count && p + 46 <= zip.length && b.getInt(p) == 0x02014b50; i++) {
            int madeBy = Short.toUnsignedInt(b.getShort(p + 4)) >> 8;
            int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
            int external = b.getInt(p + 38);
            String name = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
            if (madeBy == 3) { // Unix
                modes.put(name, (external >>> 16) & 0xFFFF);
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        return modes;
    }

    /** A deterministic .zip of a folder (sorted entries, fixed times, execute bits kept). */
    public static byte[] zip(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry(dir.relativize(file).toString().replace('\\', '/'));
                entry.setTime(315532800000L); // 1980-01-01, the zip epoch
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withExecBits(bytes.toByteArray(), dir);
    }

    /** Marks entries whose file is executable as Unix entries with mode 0755 in the central directory. */
    private static byte[] withExecBits(byte[] zip, Path dir) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 46 <= zip.length; p++) {
            if (b.getInt(p) != 0x02014b50) continue;
            int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
            String name = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
            boolean exec = Files.isExecutable(dir.resolve(name));
            b.putShort(p + 4, (short) ((3 << 8) | 20));
            b.putInt(p + 38, (exec ? 0100755 : 0100644) << 16);
            p += 45 + nameLen;
        }
        return zip;
    }

    public static String sha256Base64(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
