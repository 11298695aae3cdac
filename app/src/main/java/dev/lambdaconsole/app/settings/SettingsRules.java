package dev.lambdaconsole.app.settings;

import java.util.regex.Pattern;

/** The rules of the settings that need no disk, as the message a field shows ("" when fine). */
final class SettingsRules {
    private static final Pattern DOCKER_HOST = Pattern.compile(
            "^(unix://\\S+|npipe://\\S+|tcp://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\]):\\d{1,5}/?)$");

    private SettingsRules() { }

    static String dockerHost(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || DOCKER_HOST.matcher(t).matches()) return "";
        return "must look like unix:///var/run/docker.sock, tcp://HOST:PORT or npipe:////./pipe/docker_engine; "
                + "leave it empty to find Docker automatically";
    }

    static String wholeNumber(String text, int min, int max, String unit) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return "is required";
        int value;
        try {
            value = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return "must be a whole number between " + min + " and " + max;
        }
        return value < min || value > max ? "must be between " + min + " and " + max + " " + unit : "";
    }
}
