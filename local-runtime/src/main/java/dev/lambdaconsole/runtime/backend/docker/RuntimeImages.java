package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Chooses the image of a runtime: the official AWS base image when it is present in the engine, else the
 * Debian image of its language family, built once (concurrent requests wait for the same build) and reused.
 */
final class RuntimeImages {
    private final DockerClient client;
    private final ImageBuild build;
    private final String session;
    private final Consumer<String> progress;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RuntimeImages(DockerClient client, ImageBuild build, String session, Consumer<String> progress) {
        this.client = client;
        this.build = build;
        this.session = session;
        this.progress = progress;
    }

    RuntimeImage imageFor(LambdaRuntime runtime) throws BackendException {
        String official = ImageRecipe.official(runtime);
        if (present(official)) {
            return new RuntimeImage(official, true);
        }
        ImageRecipe recipe = ImageRecipe.of(runtime.family());
        synchronized (locks.computeIfAbsent(recipe.tag(), t -> new Object())) {
            if (!present(recipe.tag())) {
                progress.accept("Building " + recipe.tag() + " (" + official + " is not available locally)");
                build.run(recipe, session, progress);
                progress.accept("Built " + recipe.tag());
            }
        }
        return new RuntimeImage(recipe.tag(), false);
    }

    boolean present(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
