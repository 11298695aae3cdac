package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image and command of an environment: a runtime image for zip functions, the function's own image
 * (its entrypoint and command, as Lambda runs it) for container-image functions.
 */
final class ImageSource {
    private final DockerClient client;
    private final RuntimeImages images;

    ImageSource(DockerClient client, RuntimeImages images) {
        this.client = client;
        this.images = images;
    }

    RuntimeImage imageFor(EnvironmentSpec spec) throws BackendException {
        if (spec.runtime() != null) return images.imageFor(spec.runtime(), spec.config().architectureOrDefault());
        String uri = spec.config().imageUri();
        if (uri == null || uri.isBlank()) {
            throw new BackendException("Runtime.InvalidEntrypoint", "The function has neither a Runtime nor an ImageUri.");
        }
        if (!images.present(uri)) {
            throw new BackendException("Runtime.InvalidEntrypoint", "Image " + uri + " is not in the local Docker "
                    + "engine: build or pull it first (docker pull " + uri + ").");
        }
        return new RuntimeImage(uri, true);
    }

    List<String> command(EnvironmentSpec spec, RuntimeImage image, Path opt) throws BackendException {
        if (spec.runtime() != null) return ContainerCommand.command(spec, image, opt);
        try {
            InspectImageResponse inspected = client.inspectImageCmd(image.name()).exec();
            List<String> command = new ArrayList<>();
            if (inspected.getConfig() != null && inspected.getConfig().getEntrypoint() != null) {
                command.addAll(List.of(inspected.getConfig().getEntrypoint()));
            }
            if (inspected.getConfig() != null && inspected.getConfig().getCmd() != null) {
                command.addAll(List.of(inspected.getConfig().getCmd()));
            }
            if (command.isEmpty()) {
                throw new BackendException("Runtime.InvalidEntrypoint", "Image " + image.name()
                        + " has neither ENTRYPOINT nor CMD.");
            }
            return command;
        } catch (NotFoundException e) {
            throw new BackendException("Runtime.InvalidEntrypoint", "Image " + image.name() + " disappeared.", e);
        }
    }
}
