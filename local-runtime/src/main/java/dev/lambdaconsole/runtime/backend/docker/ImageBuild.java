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
        StringBuilder mmdebstrap = new StringBuilder("mmdebstrap --variant=minbase --include=")
                .append(String.join(",", recipe.packages()));
        for (String hook : npmHooks(recipe.npmPackages())) mmdebstrap.append(" --customize-hook=").append(quoted(hook));
        mmdebstrap.append(" ").append(ImageRecipe.SUITE).append(" -");
        String changes = String.join(" ",
                "--change " + quoted("LABEL " + Labels.APP + "=" + Labels.APP_NAME),
                "--change " + quoted("LABEL " + Labels.LANGUAGE_VERSION + "=\"" + recipe.languageVersion() + "\""),
                "--change " + quoted("LABEL " + Labels.AWS_SDK + "=\"" + recipe.sdk() + "\""),
                "--change " + quoted("LABEL " + Labels.SESSION + "=" + session));
        // A failed mmdebstrap still leaves docker import an (empty) image under the tag: removed, so that the next
        // request builds again instead of starting containers from nothing.
        String script = "set -o pipefail; " + mmdebstrap + " | docker import " + changes + " - " + recipe.tag()
                + " || { status=$?; docker image rm -f " + recipe.tag() + " >/dev/null 2>&1; exit $status; }";
        return List.of("/bin/bash", "-c", script);
    }

    /** Downloads a URL (argv[1]) to a file (argv[2]) with the image's own node, following redirects. */
    private static final String FETCH = "const [u0, f] = process.argv.slice(1); const get = (u) => "
            + "require(\"https\").get(u, (r) => { if (r.statusCode >= 300 && r.statusCode < 400 && r.headers.location) "
            + "return get(new URL(r.headers.location, u).href); if (r.statusCode !== 200) { console.error(\"GET \" + u "
            + "+ \": HTTP \" + r.statusCode); process.exit(1); } r.pipe(require(\"fs\").createWriteStream(f))"
            + ".on(\"finish\", () => process.exit(0)); }).on(\"error\", (e) => { console.error(\"GET \" + u + \": \" "
            + "+ e.message); process.exit(1); }); get(u0);";

    /**
     * mmdebstrap hooks (run with the root filesystem's path as $1) that install npm packages into the image with
     * npm from the npm registry (honouring npm_config_registry), run by the image's own node, and then remove
     * npm again; /node_modules links to the packages so that ES modules, which ignore NODE_PATH, find them too.
     */
    static List<String> npmHooks(List<String> packages) {
        if (packages.isEmpty()) return List.of();
        String npm = ImageRecipe.NPM.substring("npm@".length());
        String node = "chroot \"$1\" env NODE_EXTRA_CA_CERTS=/tmp/build-ca.crt HOME=/tmp/npm-home node ";
        return List.of(
                // The machine's certificate authorities, for the build only (a proxy that inspects TLS needs its own).
                "cp \"${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}\" \"$1/tmp/build-ca.crt\" 2>/dev/null"
                        + " || cp \"$1/etc/ssl/certs/ca-certificates.crt\" \"$1/tmp/build-ca.crt\"",
                node + "-e " + quoted(FETCH) + " \"${npm_config_registry:-https://registry.npmjs.org/}"
                        + "npm/-/npm-" + npm + ".tgz\" /tmp/npm.tgz",
                "mkdir \"$1/tmp/npm\" && tar -xzf \"$1/tmp/npm.tgz\" -C \"$1/tmp/npm\" --strip-components=1"
                        + " && rm \"$1/tmp/npm.tgz\"",
                node + "/tmp/npm/bin/npm-cli.js install --prefix " + ContainerPaths.RUNTIME
                        + " --omit=dev --no-fund --no-audit --no-update-notifier --no-package-lock "
                        + String.join(" ", packages),
                "rm -rf \"$1/tmp/npm\" \"$1/tmp/npm-home\" \"$1/tmp/build-ca.crt\" && ln -s "
                        + ImageRecipe.NODE_MODULES.substring(1) + " \"$1/node_modules\"");
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
