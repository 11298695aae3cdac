package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;
import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.backend.FileOutputCapture;
import dev.lambdaconsole.runtime.backend.RuntimeInstance;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.runtimes.RuntimeClients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each execution environment as a Docker container with Lambda's limits (see {@link ContainerLimits}).
 * The engine's Runtime API is reached through the bridge gateway (Linux) or host.docker.internal (Docker
 * Desktop). Every container is labelled with this session and removed when it stops, when the backend closes,
 * at JVM exit, or by the next session's sweep.
 */
public final class DockerBackend implements ExecutionBackend {
    /** The user and group runtimes run as: not root, as in Lambda (sbx_user1051 there). */
    static final String USER = "993:990";
    private static final Logger LOG = Logger.getLogger(DockerBackend.class.getName());
    private final DockerConnection docker;
    private final RuntimeClients clients;
    private final String session = Labels.newSession();
    private final ContainerReaper reaper;
    private final RuntimeImages images;
    private final ImageSource imageSource;
    private final Consumer<BackendProgress> progress;

    private DockerBackend(DockerConnection docker, RuntimeClients clients, DockerSettings settings,
                          Consumer<BackendProgress> progress) {
        this.docker = docker;
        this.clients = clients;
        this.reaper = new ContainerReaper(docker.client(), session);
        Consumer<BackendProgress> listener = safe(progress);
        this.progress = listener;
        ImagePull pull = new ImagePull(docker.client(), settings.pullStallTimeout(), ImagePull.RETRY_DELAYS, listener);
        this.images = new RuntimeImages(docker.client(), new ImageBuild(docker.host()), pull, session, settings,
                listener);
        this.imageSource = new ImageSource(docker.client(), images);
        JavaClientJars.copyInto(clients.dir().resolve("java"));
        WorldReadable.grant(clients.dir());
        reaper.sweep();
    }

    /**
     * Connects through the discovery chain. {@code progress} receives image pulls and builds as they go (on the
     * thread that starts the environment); a listener that throws does not stop them.
     */
    public static DockerBackend connect(RuntimeClients clients, DockerDiscovery discovery, DockerSettings settings,
                                        Consumer<BackendProgress> progress) throws DockerUnavailableException {
        return new DockerBackend(discovery.connect(), clients, settings, progress);
    }

    private static Consumer<BackendProgress> safe(Consumer<BackendProgress> listener) {
        return report -> {
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The progress listener failed on " + report, e);
            }
        };
    }

    /** The label value on this backend's containers. */
    String session() { return session; }

    @Override public String name() { return "docker"; }
    @Override public String runtimeApiBindHost() { return docker.bindHost(); }
    @Override public String runtimeApiAdvertisedHost() { return docker.advertisedHost(); }

    @Override
    public String description() {
        return "docker backend (engine " + docker.engineVersion() + " at " + docker.host() + ", Lambda's limits)";
    }

    @Override public boolean limitsMemory() { return true; }

    /**
     * The engine's own architecture runs; the other one when the engine can emulate it: Docker Desktop always
     * can (QEMU or Rosetta), a local Linux engine when binfmt_misc has a QEMU handler for it (qemu-user-static or
     * tonistiigi/binfmt). Anything else cannot be known from here and is refused with the reason.
     */
    @Override
    public java.util.Optional<String> cannotRun(String architecture) {
        String engine = engineArchitecture();
        if (engine.equals(architecture)) return java.util.Optional.empty();
        if (docker.desktop()) return java.util.Optional.empty();
        String qemu = "arm64".equals(architecture) ? "qemu-aarch64" : "qemu-x86_64";
        boolean local = docker.host().startsWith("unix://");
        if (local && Files.exists(Path.of("/proc/sys/fs/binfmt_misc", qemu))) return java.util.Optional.empty();
        return java.util.Optional.of("the Docker engine at " + docker.host() + " runs " + engine + " and cannot emulate "
                + architecture + (local ? " (no " + qemu + " handler in /proc/sys/fs/binfmt_misc: install "
                + "qemu-user-static, or run tonistiigi/binfmt)" : " as far as can be seen from here"));
    }

    private volatile String engineArchitecture;

    private String engineArchitecture() {
        String arch = engineArchitecture;
        if (arch == null) {
            try {
                arch = dev.lambdaconsole.runtime.backend.HostArchitecture.lambdaName(
                        java.util.Objects.toString(docker.client().infoCmd().exec().getArchitecture(), ""));
            } catch (RuntimeException e) {
                arch = dev.lambdaconsole.runtime.backend.HostArchitecture.current();
            }
            engineArchitecture = arch;
        }
        return arch;
    }

    /**
     * Pulls or builds the runtime image of a zip function in the background (see {@link RuntimeImages}); a
     * container-image function needs nothing here (its image must be in the engine already).
     */
    @Override
    public CompletableFuture<Void> prepare(FunctionConfig function) {
        LambdaRuntime runtime = function.runtime() == null ? null : LambdaRuntime.byId(function.runtime()).orElse(null);
        if (runtime == null) return CompletableFuture.completedFuture(null);
        return images.prepare(runtime, function.architectureOrDefault()).thenApply(image -> null);
    }

    @Override
    public RuntimeInstance start(EnvironmentSpec spec) throws BackendException {
        String task = "Starting a container for " + spec.config().functionName();
        progress.accept(BackendProgress.step(task, spec.workDir().getFileName().toString()));
        try {
            RuntimeInstance started = startContainer(spec);
            progress.accept(BackendProgress.finished(task, "started"));
            return started;
        } catch (BackendException | RuntimeException e) {
            progress.accept(BackendProgress.failed(task, e.getMessage()));
            throw e;
        }
    }

    private RuntimeInstance startContainer(EnvironmentSpec spec) throws BackendException {
        RuntimeImage image = imageSource.imageFor(spec);
        Path work = spec.workDir();
        Path opt = work.resolve("opt");
        Path out = work.resolve("output.log");
        try {
            Files.createDirectories(work);
            dev.lambdaconsole.runtime.backend.LayerMerge.merge(spec.layerDirs(), opt);
            Files.createFile(out);
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new BackendException("Runtime.Unavailable", "Cannot prepare the environment folder " + work + ": "
                    + e.getMessage(), e);
        }
        List<String> command = imageSource.command(spec, image, opt);
        boolean imageFunction = spec.runtime() == null;
        ContainerLimits.Mounts mounts = new ContainerLimits.Mounts(imageFunction ? null : spec.codeDir(), opt,
                image.official() ? null : clients.dir(), work);
        DockerClient client = docker.client();
        String id = null;
        try {
            CreateContainerCmd create = client.createContainerCmd(image.name())
                    .withName("lambda-console-" + spec.environmentId() + "-" + Long.toHexString(System.nanoTime()))
                    .withEntrypoint(ContainerCommand.entrypoint(command))
                    .withCmd(List.of())
                    .withEnv(ContainerCommand.asList(ContainerCommand.variables(spec)))
                    .withUser(USER)
                    .withLabels(Labels.container(session, spec.config().functionName(), spec.environmentId()))
                    .withPlatform(platform(spec.config().architectureOrDefault()))
                    .withHostConfig(ContainerLimits.hostConfig(spec.config(), mounts));
            if (!imageFunction) create.withWorkingDir(ContainerPaths.TASK); // an image keeps its own WORKDIR
            CreateContainerResponse created = create.exec();
            id = created.getId();
            client.startContainerCmd(id).exec();
            return new DockerContainer(client, id, spec.config().memoryOrDefault() * ContainerLimits.MB,
                    new FileOutputCapture(out), () -> deleteTree(work));
        } catch (IOException | RuntimeException e) {
            if (id != null) reaper.remove(id);
            throw new BackendException("Runtime.Unavailable", "Cannot start a container from " + image.name() + ": "
                    + e.getMessage(), e);
        }
    }

    static String platform(String architecture) {
        return "arm64".equals(architecture) ? "linux/arm64" : "linux/amd64";
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // leftovers go with the environments folder
        }
    }

    @Override
    public void close() {
        images.close();
        reaper.close();
        try {
            docker.client().close();
        } catch (IOException ignored) {
            // the connection pool is released either way
        }
    }
}
