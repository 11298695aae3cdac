package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.backend.BackendException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a runtime image without any registry: {@code mmdebstrap} writes a Debian root filesystem as a tar
 * stream into {@code docker import}, which tags and labels it. Every output line goes to the listener.
 */
final class ImageBuild {
    private final String dockerHost;

    ImageBuild(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    List<String> command(ImageRecipe recipe, String session) {
        String mmdebstrap = "mmdebstrap --variant=minbase --include=" + String.join(",", recipe.packages())
                + " " + ImageRecipe.SUITE + " -";
        String changes = String.join(" ",
                "--change " + quoted("LABEL " + Labels.APP + "=" + Labels.APP_NAME),
                "--change " + quoted("LABEL " + Labels.LANGUAGE_VERSION + "=\"" + recipe.languageVersion() + "\""),
                "--change " + quoted("LABEL " + Labels.SESSION + "=" + session));
        String script = "set -o pipefail; " + mmdebstrap + " | docker import " + changes + " - " + recipe.tag();
        return List.of("/bin/bash", "-c", script);
    }

    private static String quoted(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

    void run(ImageRecipe recipe, String session, Consumer<String> progress) throws BackendException {
        ProcessBuilder builder = new ProcessBuilder(command(recipe, session)).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", dockerHost);
        List<String> tail = new ArrayList<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    progress.accept(line);
                    tail.add(line);
                    if (tail.size() > 5) tail.remove(0);
                }
            }
            int code = process.waitFor();
            if (code != 0) {
                throw new BackendException("Runtime.Unavailable", "Building " + recipe.tag() + " failed (exit "
                        + code + "): " + String.join(" | ", tail));
            }
        } catch (IOException e) {
            throw new BackendException("Runtime.Unavailable", "Cannot build " + recipe.tag() + ": " + e.getMessage()
                    + ". The local build needs mmdebstrap (Debian/Ubuntu: apt-get install mmdebstrap) and the "
                    + "docker command.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("Runtime.Unavailable", "Interrupted while building " + recipe.tag(), e);
        }
    }
}
