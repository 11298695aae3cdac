package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import dev.lambdaconsole.runtime.backend.OncePerKey;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Chooses the image of a runtime: the official AWS base image, pulled as the pull policy says, else the Debian
 * image of its language family, built once and reused. The work runs in the background (two pulls or builds at
 * a time); every request for an image gets the same future while it is made, so concurrent requests wait for
 * one pull or build. A pull is tried at most once per image and session, so an engine without a registry pays
 * for it once; a failed build is tried again by the next request.
 */
final class RuntimeImages implements AutoCloseable {
    private final DockerClient client;
    private final ImageBuild build;
    private final ImagePull pull;
    private final String session;
    private final DockerSettings settings;
    private final Consumer<BackendProgress> progress;
    private final Set<String> pullsTried = ConcurrentHashMap.newKeySet();
    private final Set<LambdaRuntime> announced = ConcurrentHashMap.newKeySet();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RuntimeImages.class.getName());
    private final OncePerKey<String, RuntimeImage> chosen = new OncePerKey<>();
    private final OncePerKey<String, RuntimeImage> built = new OncePerKey<>();
    private final ExecutorService work = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "runtime-images");
        t.setDaemon(true);
        return t;
    });

    RuntimeImages(DockerClient client, ImageBuild build, ImagePull pull, String session, DockerSettings settings,
                  Consumer<BackendProgress> progress) {
        this.client = client;
        this.build = build;
        this.pull = pull;
        this.session = session;
        this.settings = settings;
        this.progress = progress;
    }

    /** The image of {@code runtime}, made in the background if it is not there; returns at once. */
    CompletableFuture<RuntimeImage> prepare(LambdaRuntime runtime, String architecture) {
        String official = ImageRecipe.official(settings.officialImages(), runtime);
        String platform = DockerBackend.platform(architecture);
        ImageRecipe recipe = ImageRecipe.of(runtime).orElse(null);
        // Two maps and an asynchronous step between them: one map's update never runs inside the other's.
        return chosen.get(official + " " + platform, () -> CompletableFuture
                .supplyAsync(() -> whyNotOfficial(official, platform, recipe), work)
                .thenComposeAsync(whyNot -> {
                    if (whyNot == null) return CompletableFuture.completedFuture(new RuntimeImage(official, true));
                    if (recipe == null) return CompletableFuture.failedFuture(officialOnly(runtime, official, whyNot));
                    return built.get(recipe.tag(), () -> CompletableFuture
                            .supplyAsync(() -> buildIfMissing(recipe, whyNot), work))
                            .thenApply(image -> ranOn(runtime, recipe, whyNot, image));
                }, work));
    }

    /** A runtime with no local image (.NET): its official image is the only way to run it. */
    private static BackendException officialOnly(LambdaRuntime runtime, String official, String whyNot) {
        return new BackendException("Runtime.Unavailable", runtime.id() + " functions need the official image "
                + official + " (the .NET runtime and its runtime client are not built locally), and " + whyNot
                + ". Pull it where a registry is reachable (docker pull " + official + ", or docker save | docker "
                + "load from another machine), or use a container image function.");
    }

    /**
     * Says once per runtime and session, in the log (serve prints it), which Debian interpreter it runs on instead
     * of its official image. Not a progress report: no work is done.
     */
    private RuntimeImage ranOn(LambdaRuntime runtime, ImageRecipe recipe, String whyNot, RuntimeImage image) {
        if (announced.add(runtime)) LOG.info(recipe.runsOn(runtime) + ": " + whyNot);
        return image;
    }

    /** The image of {@code runtime}, waiting for its pull or build; made again if it was removed meanwhile. */
    RuntimeImage imageFor(LambdaRuntime runtime, String architecture) throws BackendException {
        RuntimeImage image = join(prepare(runtime, architecture));
        if (present(image.name())) return image;
        String platform = DockerBackend.platform(architecture);
        chosen.forget(ImageRecipe.official(settings.officialImages(), runtime) + " " + platform);
        ImageRecipe.of(runtime).ifPresent(recipe -> built.forget(recipe.tag()));
        return join(prepare(runtime, architecture));
    }

    static RuntimeImage join(CompletableFuture<RuntimeImage> image) throws BackendException {
        try {
            return image.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BackendException b) throw b;
            throw new BackendException("Runtime.Unavailable", "Cannot get the runtime image: " + e.getCause(), e);
        }
    }

    private RuntimeImage buildIfMissing(ImageRecipe recipe, String why) {
        if (!present(recipe.tag())) {
            try {
                build(recipe, why);
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
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
                : recipe == null ? "no local image can stand in for it"
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
        progress.accept(BackendProgress.step(task, "Building " + recipe.tag() + " with mmdebstrap (" + why + "): Debian "
                + ImageRecipe.SUITE + "'s " + recipe.languageVersion() + ", AWS SDK: " + recipe.sdk()));
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

    @Override
    public void close() {
        work.shutdownNow();
    }
}
