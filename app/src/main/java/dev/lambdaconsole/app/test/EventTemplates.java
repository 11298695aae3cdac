package dev.lambdaconsole.app.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The event templates of the Test tab's picker, bundled as JSON files with an ordered index. */
public final class EventTemplates {
    public record Template(String file, String title) {
        public String json() { return read(file); }

        @Override
        public String toString() { return title; }
    }

    private static final String BASE = "/dev/lambdaconsole/app/test/templates/";

    private EventTemplates() { }

    public static List<Template> all() {
        List<Template> out = new ArrayList<>();
        for (String line : read("index.properties").split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            out.add(new Template(line.substring(0, eq), line.substring(eq + 1)));
        }
        return out;
    }

    public static Template helloWorld() { return all().get(0); }

    private static String read(String file) {
        try (InputStream in = EventTemplates.class.getResourceAsStream(BASE + file)) {
            if (in == null) throw new IllegalStateException("Event template missing from the build: " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
