package dev.lambdaconsole.simulators.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an object key maps to a file under its bucket's folder. Each {@code /}-separated segment of the key is a
 * folder, the last one the file, with these characters written {@code %XX} (their UTF-8 bytes): {@code %} itself,
 * control characters, {@code \ : * ? " < > |} (not allowed in Windows file names) and a trailing dot or space. A
 * segment that is {@code .} or {@code ..} is written {@code %2E} / {@code %2E%2E}; an empty segment (a key ending
 * in {@code /}, such as the console's folder markers, or {@code a//b}) is the name {@code %}. A key whose path
 * cannot be a file at all — a segment longer than 255 bytes once written, or a clash of a file and a folder of one
 * name ({@code a} and {@code a/b} both objects) — is stored as {@code %hash/<sha256 of the key>}; its key is in its
 * metadata. Every name with a {@code %} that is not such an escape is therefore ours, never a key's.
 */
final class KeyPaths {
    static final String HASHED = "%hash";
    private static final String SPECIAL = "%\\:*?\"<>|";
    private static final int MAX_NAME = 255;

    private KeyPaths() { }

    /** The relative path of {@code key} under its bucket, or null when it needs the hashed form. */
    static String natural(String key) {
        String[] segments = key.split("/", -1);
        StringBuilder path = new StringBuilder(key.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            String name = segment(segments[i]);
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) return null;
            if (i > 0) path.append('/');
            path.append(name);
        }
        return path.toString();
    }

    static String hashed(String key) { return HASHED + "/" + sha256(key); }

    /** The key of a file at {@code relative} (with {@code /} separators), or null for a hashed one (see its metadata). */
    static String key(String relative) {
        if (relative.startsWith(HASHED + "/")) return null;
        String[] names = relative.split("/", -1);
        StringBuilder key = new StringBuilder(relative.length());
        for (int i = 0; i < names.length; i++) {
            if (i > 0) key.append('/');
            key.append(decode(names[i]));
        }
        return key.toString();
    }

    static String segment(String s) {
        if (s.isEmpty()) return "%";
        if (s.equals(".")) return "%2E";
        if (s.equals("..")) return "%2E%2E";
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean last = i + len == s.length();
            if (cp < 0x20 || cp == 0x7F || (cp < 128 && SPECIAL.indexOf(cp) >= 0) || (last && (cp == '.' || cp == ' '))) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += len;
        }
        return out.toString();
    }

    static String decode(String name) {
        if (name.equals("%")) return "";
        if (name.indexOf('%') < 0) return name;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
        for (int i = 0; i < name.length(); ) {
            char c = name.charAt(i);
            if (c == '%' && hex(name, i + 1)) {
                bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = name.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(String s, int at) {
        if (at + 2 > s.length()) return false;
        return Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
