package dev.lambdaconsole.app.common;

import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What the user chose in Settings, plus what the console remembers between runs (window size, last function).
 * Stored as a properties file in the user's configuration folder (not in the workspace, which is itself a
 * setting); {@code -Dlambdaconsole.settings=FILE} points elsewhere (tests do).
 */
public record ConsoleSettings(Path workspace, String backend, String dockerHost, int endpointPort, boolean darkTheme,
                              int keepAliveMinutes, double windowWidth, double windowHeight, String lastFunction,
                              boolean endpointInFunctions) {
    public static final String FILE_PROPERTY = "lambdaconsole.settings";

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Workspace.defaultRoot(), "docker", "", 9001, false, 10, 1280, 800, "", true);
    }

    public ConsoleSettings withWorkspace(Path p) { return new ConsoleSettings(p, backend, dockerHost, endpointPort, darkTheme, keepAliveMinutes, windowWidth, windowHeight, lastFunction, endpointInFunctions); }
    public ConsoleSettings withBackend(String b) { return new ConsoleSettings(workspace, b, dockerHost, endpointPort, darkTheme, keepAliveMinutes, windowWidth, windowHeight, lastFunction, endpointInFunctions); }
    public ConsoleSettings withDockerHost(String h) { return new ConsoleSettings(workspace, backend, h, endpointPort, darkTheme, keepAliveMinutes, windowWidth, windowHeight, lastFunction, endpointInFunctions); }
    public ConsoleSettings withEndpointPort(int p) { return new ConsoleSettings(workspace, backend, dockerHost, p, darkTheme, keepAliveMinutes, windowWidth, windowHeight, lastFunction, endpointInFunctions); }
    public ConsoleSettings withDarkTheme(boolean d) { return new ConsoleSettings(workspace, backend, dockerHost, endpointPort, d, keepAliveMinutes, windowWidth, windowHeight, lastFunction, endpointInFunctions); }
    public ConsoleSettings withKeepAliveMinutes(int m) { return new ConsoleSettings(workspace, backend, dockerHost, endpointPort, darkTheme, m, windowWidth, windowHeight, lastFunction, endpointInFunctions); }
    public ConsoleSettings withWindow(double w, double h) { return new ConsoleSettings(workspace, backend, dockerHost, endpointPort, darkTheme, keepAliveMinutes, w, h, lastFunction, endpointInFunctions); }
    public ConsoleSettings withLastFunction(String f) { return new ConsoleSettings(workspace, backend, dockerHost, endpointPort, darkTheme, keepAliveMinutes, windowWidth, windowHeight, f == null ? "" : f, endpointInFunctions); }

    /** Whether functions get AWS_ENDPOINT_URL pointing at the console's endpoint. */
    public ConsoleSettings withEndpointInFunctions(boolean on) { return new ConsoleSettings(workspace, backend, dockerHost, endpointPort, darkTheme, keepAliveMinutes, windowWidth, windowHeight, lastFunction, on); }

    /**
     * Whether a change from {@code before} to this needs the engine restarted (workspace, backend, Docker, port,
     * keep-alive, AWS_ENDPOINT_URL in functions).
     */
    public boolean engineDiffers(ConsoleSettings before) {
        return !workspace.equals(before.workspace) || !backend.equals(before.backend)
                || !dockerHost.equals(before.dockerHost) || endpointPort != before.endpointPort
                || keepAliveMinutes != before.keepAliveMinutes || endpointInFunctions != before.endpointInFunctions;
    }

    /** The settings file: -Dlambdaconsole.settings, else the OS's per-user configuration folder. */
    public static Path defaultFile() {
        String explicit = System.getProperty(FILE_PROPERTY);
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home).resolve("LambdaConsole").resolve("settings.properties");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/LambdaConsole/settings.properties");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return config.resolve("lambda-console").resolve("settings.properties");
    }

    /** Reads the file; a missing file gives the defaults, a bad value keeps that value's default. */
    public static ConsoleSettings load(Path file) {
        ConsoleSettings d = defaults();
        if (!Files.isRegularFile(file)) return d;
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return d;
        }
        String backend = p.getProperty("backend", d.backend);
        return new ConsoleSettings(
                Path.of(p.getProperty("workspace", d.workspace.toString())),
                backend.equals("process") || backend.equals("docker") ? backend : d.backend,
                p.getProperty("docker.host", d.dockerHost),
                intIn(p.getProperty("endpoint.port"), 0, 65535, d.endpointPort),
                Boolean.parseBoolean(p.getProperty("theme.dark", String.valueOf(d.darkTheme))),
                intIn(p.getProperty("keepAlive.minutes"), 1, 24 * 60, d.keepAliveMinutes),
                intIn(p.getProperty("window.width"), 400, 10_000, (int) d.windowWidth),
                intIn(p.getProperty("window.height"), 300, 10_000, (int) d.windowHeight),
                p.getProperty("last.function", ""),
                Boolean.parseBoolean(p.getProperty("functions.awsEndpointUrl", String.valueOf(d.endpointInFunctions))));
    }

    /** Writes atomically (temp file, then rename), so a crash never leaves half a settings file. */
    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("workspace", workspace.toString());
        p.setProperty("backend", backend);
        p.setProperty("docker.host", dockerHost);
        p.setProperty("endpoint.port", String.valueOf(endpointPort));
        p.setProperty("theme.dark", String.valueOf(darkTheme));
        p.setProperty("keepAlive.minutes", String.valueOf(keepAliveMinutes));
        p.setProperty("window.width", String.valueOf((int) windowWidth));
        p.setProperty("window.height", String.valueOf((int) windowHeight));
        p.setProperty("last.function", lastFunction);
        p.setProperty("functions.awsEndpointUrl", String.valueOf(endpointInFunctions));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "Lambda Console settings");
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private static int intIn(String value, int min, int max, int fallback) {
        if (value == null) return fallback;
        try {
            int v = Integer.parseInt(value.trim());
            return v < min || v > max ? fallback : v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
