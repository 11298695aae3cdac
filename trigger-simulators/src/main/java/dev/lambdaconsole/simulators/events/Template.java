package dev.lambdaconsole.simulators.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Renders an event template: {@code ${param}} and built-ins in strings, computed objects ({@code {"$md5": …}}),
 * keeping JSON types — a string that is exactly one placeholder of a number, boolean or JSON parameter (or a
 * numeric built-in such as {@code ${now:epoch-ms}}) becomes that JSON value. See the README beside the templates.
 */
final class Template {
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([^}]+)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter RFC1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String where;
    private final Map<String, String> values;
    private final Map<String, String> kinds;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** {@code values}: every parameter's value; {@code kinds}: "number", "boolean" or "json" where not a string. */
    Template(String where, Map<String, String> values, Map<String, String> kinds) {
        this.where = where;
        this.values = values;
        this.kinds = kinds;
    }

    JsonNode render(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.fieldNames().next();
                if (Computed.isComputed(key)) return NODES.textNode(Computed.apply(key, text(render(node.get(key))), where));
            }
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(substitute(e.getKey()), render(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(child -> out.add(render(child)));
            return out;
        }
        if (node.isTextual()) return renderText(node.asText());
        return node;
    }

    /** A rendered value as text: strings as they are, anything else as compact JSON. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : Json.write(node);
    }

    private JsonNode renderText(String s) {
        Matcher m = TOKEN.matcher(s);
        if (m.matches()) {
            String token = m.group(1);
            JsonNode typed = typed(token);
            if (typed != null) return typed;
        }
        return NODES.textNode(substitute(s));
    }

    private String substitute(String s) {
        if (s.indexOf("${") < 0) return s;
        Matcher m = TOKEN.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    /** The JSON value of a whole-string placeholder when it is not a string, else null. */
    private JsonNode typed(String token) {
        String kind = kinds.get(token);
        if (kind != null && values.containsKey(token)) {
            String v = values.get(token);
            switch (kind) {
                case "number" -> {
                    try {
                        return NODES.numberNode(new BigDecimal(v.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--" + token + " must be a number (got '" + v + "')");
                    }
                }
                case "boolean" -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException("--" + token + " must be true or false (got '" + v + "')");
                    }
                    return NODES.booleanNode(Boolean.parseBoolean(v));
                }
                case "json" -> {
                    try {
                        return Json.MAPPER.readTree(v);
                    } catch (IOException e) {
                        throw new IllegalArgumentException("--" + token + " must be JSON: " + e.getMessage());
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return switch (token) {
            case "now:epoch-ms", "now:epoch-millis" -> NODES.numberNode(now.toEpochMilli());
            case "now:epoch-s", "now:epoch-seconds-whole" -> NODES.numberNode(now.getEpochSecond());
            case "now:epoch-seconds" -> NODES.numberNode(BigDecimal.valueOf(now.toEpochMilli(), 3));
            default -> null;
        };
    }

    /** A placeholder's text. */
    private String value(String token) {
        if (values.containsKey(token)) return values.get(token);
        int colon = token.indexOf(':');
        String fn = colon < 0 ? token : token.substring(0, colon);
        String arg = colon < 0 ? "" : token.substring(colon + 1);
        return switch (fn) {
            case "uuid" -> UUID.randomUUID().toString();
            case "hex" -> hex(Integer.parseInt(arg));
            case "urlencode" -> urlEncode(param(arg));
            case "now" -> now(arg);
            default -> throw new IllegalStateException(where + ": unknown placeholder ${" + token + "}");
        };
    }

    private String param(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalStateException(where + ": ${…:" + name + "} names no parameter");
        return v;
    }

    private String now(String format) {
        return switch (format) {
            case "iso", "iso-millis" -> ISO_MILLIS.format(now);
            case "iso-seconds" -> ISO_SECONDS.format(now);
            case "epoch-ms", "epoch-millis", "epoch-millis-string" -> Long.toString(now.toEpochMilli());
            case "epoch-s", "epoch-seconds-whole" -> Long.toString(now.getEpochSecond());
            case "epoch-seconds" -> BigDecimal.valueOf(now.toEpochMilli(), 3).toPlainString();
            case "rfc1123", "rfc" -> RFC1123.format(now);
            case "apigw", "clf" -> CLF.format(now);
            case "date" -> now.toString().substring(0, 10);
            default -> throw new IllegalStateException(where + ": unknown time format ${now:" + format + "}");
        };
    }

    static String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    /** Form encoding as S3 writes keys into event records: space {@code +}, {@code @} {@code %40}, slashes kept. */
    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** The computed objects: one key, the value rendered to text, then transformed. */
    static final class Computed {
        private Computed() { }

        static boolean isComputed(String key) {
            return switch (key) {
                case "$base64", "$gzipBase64", "$json", "$md5", "$sha256", "$urlEncode" -> true;
                default -> false;
            };
        }

        static String apply(String key, String text, String where) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return switch (key) {
                case "$base64" -> Base64.getEncoder().encodeToString(bytes);
                case "$gzipBase64" -> Base64.getEncoder().encodeToString(gzip(bytes));
                case "$json" -> text;
                case "$md5" -> HexFormat.of().formatHex(digest("MD5", bytes));
                case "$sha256" -> HexFormat.of().formatHex(digest("SHA-256", bytes));
                case "$urlEncode" -> urlEncode(text);
                default -> throw new IllegalStateException(where + ": unknown computed field " + key);
            };
        }

        private static byte[] digest(String algorithm, byte[] bytes) {
            try {
                return MessageDigest.getInstance(algorithm).digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
