package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Chooses the image of a runtime: the official AWS base image, pulled as the pull policy says, else the Debian
 * image of its language family, built once and reused. Concurrent requests wait for the same pull or build.
 * A pull is tried at most once per image and session, so an engine without a registry pays for it once.
 */
final class RuntimeImages {
    private final DockerClient client;
    private final ImageBuild build;
    private final ImagePull pull;
    private final String session;
    private final DockerSettings settings;
    private final Consumer<BackendProgress> progress;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> pullsTried = ConcurrentHashMap.newKeySet();

    RuntimeImages(DockerClient client, ImageBuild build, ImagePull pull, String session, DockerSettings settings,
                  Consumer<BackendProgress> progress) {
        this.client = client;
        this.build = build;
        this.pull = pull;
        this.session = session;
        this.settings = settings;
        this.progress = progress;
    }

    RuntimeImage imageFor(LambdaRuntime runtime, String architecture) throws BackendException {
        String official = ImageRecipe.official(settings.officialImages(), runtime);
        String platform = DockerBackend.platform(architecture);
        ImageRecipe recipe = ImageRecipe.of(runtime.family());
        String whyNot;
        synchronized (lock(official + " " + platform)) {
            whyNot = whyNotOfficial(official, platform, recipe);
        }
        if (whyNot == null) return new RuntimeImage(official, true);
        synchronized (lock(recipe.tag())) {
            if (!present(recipe.tag())) build(recipe, whyNot);
        }
        return new RuntimeImage(recipe.tag(), false);
    }

    /** Null when the official image is there (pulled if the policy says so); else why it is not used. */
    private String whyNotOfficial(String image, String platform, ImageRecipe recipe) {
        boolean present = present(image, platform);
        boolean wanted = switch (settings.pull()) {
            case NEVER -> false;
            case IF_MISSING -> !present;
            case ALWAYS -> true;
        };
        if (!wanted || !pullsTried.add(image + " " + platform)) {
            if (present) return null;
            return image + " is not in the Docker engine" + (settings.pull() == PullPolicy.NEVER
                    ? " and the pull policy is never" : " and could not be pulled");
        }
        String fallback = present ? "using the copy already in the engine"
                : "using " + recipe.tag() + " (built locally) instead";
        try {
            pull.pull(image, platform, fallback);
            return null;
        } catch (ImagePull.Failure f) {
            return present ? null : f.getMessage();
        }
    }

    private void build(ImageRecipe recipe, String why) throws BackendException {
        String task = "Building runtime image " + recipe.language();
        progress.accept(BackendProgress.step(task, "Building " + recipe.tag() + " with mmdebstrap (" + why + ")"));
        int[] lines = {0};
        try {
            build.run(recipe, session, line -> progress.accept(
                    new BackendProgress(task, line, ++lines[0], -1, false, null)));
        } catch (BackendException e) {
            progress.accept(BackendProgress.failed(task, e.getMessage()));
            throw new BackendException(e.errorType(), e.getMessage() + " (" + why + ")", e);
        }
        progress.accept(BackendProgress.finished(task, "Built " + recipe.tag()));
    }

    private Object lock(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    boolean present(String image) {
        return present(image, null);
    }

    /** Whether {@code image} is in the engine, and for {@code platform} (e.g. linux/arm64) when given. */
    boolean present(String image, String platform) {
        try {
            InspectImageResponse inspected = client.inspectImageCmd(image).exec();
            String arch = inspected.getArch();
            return platform == null || arch == null || arch.isBlank() || platform.endsWith("/" + arch);
        } catch (NotFoundException e) {
            return false;
        }
    }
}
