package dev.lambdaconsole.runtime;

import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.backend.docker.DockerBackend;
import dev.lambdaconsole.runtime.backend.docker.DockerDiscovery;
import dev.lambdaconsole.runtime.backend.docker.DockerSettings;
import dev.lambdaconsole.runtime.backend.docker.DockerUnavailableException;
import dev.lambdaconsole.runtime.backend.docker.PullPolicy;
import dev.lambdaconsole.runtime.backend.process.ProcessBackend;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.gateway.http.GatewayServer;
import dev.lambdaconsole.runtime.services.lambda.LambdaEndpoint;
import dev.lambdaconsole.runtime.logs.api.LogsService;
import dev.lambdaconsole.runtime.logs.api.SubscriptionFilters;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.metrics.LambdaMetrics;
import dev.lambdaconsole.runtime.metrics.ReservedFunctions;
import dev.lambdaconsole.runtime.services.cloudwatch.CloudWatchEndpoint;
import dev.lambdaconsole.runtime.services.cloudwatch.CloudWatchService;
import dev.lambdaconsole.runtime.runtimes.RuntimeClients;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine assembled: workspace, log store, runtime clients, backend, engine and the Lambda-compatible
 * endpoint. Closing it stops every environment and leaves no process behind.
 */
public final class LocalRuntime implements AutoCloseable {
    /**
     * How to start: where the workspace is, which backend, which endpoint port (0: any free one), the Docker
     * backend's settings (engine host, pull policy) and who hears about long backend work.
     */
    public record Options(Path workspace, String backend, String host, int port, EngineSettings settings,
                          DockerSettings docker, Consumer<BackendProgress> progress, List<ServiceModule> services) {
        /** The defaults, with the Docker settings of the system properties (lambdaconsole.docker.*). */
        public static Options defaults() {
            return new Options(Workspace.defaultRoot(), "process", "127.0.0.1", 9001, EngineSettings.defaults(),
                    DockerSettings.defaults(), p -> { }, null);
        }

        public Options withWorkspace(Path p) { return new Options(p, backend, host, port, settings, docker, progress, services); }
        public Options withBackend(String b) { return new Options(workspace, b, host, port, settings, docker, progress, services); }
        public Options withPort(int p) { return new Options(workspace, backend, host, p, settings, docker, progress, services); }
        public Options withSettings(EngineSettings s) {
            return new Options(workspace, backend, host, port, s, docker, progress, services);
        }
        public Options withDocker(DockerSettings d) {
            return new Options(workspace, backend, host, port, settings, d, progress, services);
        }
        /** The user's Docker host setting (first in the discovery chain); null or blank: discover. */
        public Options withDockerHost(String h) { return withDocker(docker.withHost(h)); }
        public String dockerHost() { return docker.host(); }
        /** When official AWS base images are pulled (default: when missing). */
        public Options withPullPolicy(PullPolicy p) { return withDocker(docker.withPull(p)); }
        /**
         * The service modules started with the engine on the shared endpoint; null (the default): those on the class
         * path ({@link ServiceModule#discovered()}), so the console and {@code serve} get the same services.
         */
        public Options withServices(List<ServiceModule> m) {
            return new Options(workspace, backend, host, port, settings, docker, progress, m);
        }
        /** Receives long backend work (image pulls and builds) for a progress display; called on any thread. */
        public Options withProgress(Consumer<BackendProgress> p) {
            return new Options(workspace, backend, host, port, settings, docker, p, services);
        }
    }

    /** Jetty's start and stop lines are noise for users: only its warnings are shown. */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    static {
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** The explicit Docker host setting (first in the discovery chain), e.g. -Dlambdaconsole.docker.host=tcp://… */
    public static final String DOCKER_HOST_PROPERTY = DockerSettings.HOST_PROPERTY;
    /** The file in the workspace's state folder that remembers the Docker host that answered last. */
    static final String LAST_DOCKER_HOST_FILE = "docker-host";
    private static final Logger LOG = Logger.getLogger(LocalRuntime.class.getName());

    private final Workspace workspace;
    private final LogStore logs;
    private final LambdaEngine engine;
    private final GatewayServer endpoint;
    private final ServiceRegistry services;
    private final List<AutoCloseable> modules;
    private final SubscriptionFilters subscriptions;
    private final String backendNotice;
    private LambdaMetrics metrics;

    private LocalRuntime(Workspace workspace, LogStore logs, LambdaEngine engine, GatewayServer endpoint,
                         ServiceRegistry services, List<AutoCloseable> modules, SubscriptionFilters subscriptions,
                         String backendNotice) {
        this.workspace = workspace;
        this.logs = logs;
        this.engine = engine;
        this.endpoint = endpoint;
        this.services = services;
        this.modules = modules;
        this.subscriptions = subscriptions;
        this.backendNotice = backendNotice;
    }

    /** A backend chosen and a backend started: the backend and, when they differ, why. */
    record ChosenBackend(ExecutionBackend backend, String notice) { }

    public static LocalRuntime start(Options options) {
        Workspace workspace = new Workspace(options.workspace());
        RuntimeClients clients = RuntimeClients.install(workspace.stateDir().resolve("runtimes"));
        String dockerHost = options.dockerHost() == null || options.dockerHost().isBlank() ? null : options.dockerHost();
        DockerDiscovery discovery = new DockerDiscovery(dockerHost)
                .rememberingIn(workspace.stateDir().resolve(LAST_DOCKER_HOST_FILE));
        ChosenBackend chosen = backend(options.backend(), clients, discovery, options.docker(), options.progress());
        ExecutionBackend backend = chosen.backend();
        SqliteLogStore store = new SqliteLogStore(workspace.stateDir().resolve("logs.db"));
        LogStore logs = store;
        ReservedFunctions reserved = new ReservedFunctions(workspace);
        LambdaMetrics metrics = LambdaMetrics.attach(store, reserved);
        LambdaEngine engine = new LambdaEngine(workspace, backend, logs, options.settings());
        engine.addEventListener(metrics.engineEvents());
        ServiceRegistry registry = new ServiceRegistry();
        GatewayServer[] server = new GatewayServer[1];
        java.util.function.Supplier<String> url = () -> server[0].url();
        registry.register(new LambdaEndpoint(engine, url));
        SubscriptionFilters subscriptions = new SubscriptionFilters(engine, logs, ServiceContext.stateDirOf(workspace),
                options.settings().accountId());
        registry.register(new LogsService(logs, options.settings().region(), options.settings().accountId())
                .withSubscriptions(subscriptions).endpoint());
        registry.register(new CloudWatchEndpoint(new CloudWatchService(metrics)));
        List<AutoCloseable> started = new ArrayList<>();
        started.add(reserved);
        started.add(metrics);
        started.add(subscriptions);
        try {
            server[0] = new GatewayServer(registry, options.host(), options.port());
            if (options.settings().endpointInFunctions()) {
                engine.endpointForFunctions(endpointForFunctions(server[0], options.host(), backend));
            }
            ServiceContext context = new ServiceContext(engine, workspace, logs, ServiceContext.stateDirOf(workspace),
                    url, options.settings().region(), options.settings().accountId(), subscriptions);
            List<ServiceModule> modules = options.services() == null ? ServiceModule.discovered() : options.services();
            for (ServiceModule module : modules) {
                started.add(module.start(context, registry));
                LOG.fine(() -> "Started " + module.name());
            }
            LocalRuntime runtime = new LocalRuntime(workspace, logs, engine, server[0], registry, started, subscriptions,
                    chosen.notice());
            runtime.metrics = metrics;
            return runtime;
        } catch (RuntimeException e) {
            closeAll(started);
            if (server[0] != null) server[0].close();
            engine.close();
            logs.close();
            throw e;
        }
    }

    /**
     * The endpoint as the backend's runtimes reach it, where they reach the Runtime API: local processes at the
     * endpoint's own address; containers on Linux at the bridge gateway (the endpoint listens there too, a local
     * address only), on Docker Desktop at host.docker.internal, which the VM forwards to the host's loopback.
     * Null (functions get no AWS_ENDPOINT_URL, with a warning) when the endpoint cannot listen there.
     */
    static String endpointForFunctions(GatewayServer server, String host, ExecutionBackend backend) {
        String bind = backend.runtimeApiBindHost();
        String advertised = backend.runtimeApiAdvertisedHost();
        boolean everywhere = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        int port;
        try {
            port = bind.equals(host) || everywhere ? server.port() : server.listenAlsoOn(bind);
        } catch (IllegalStateException e) {
            LOG.warning("Functions get no AWS_ENDPOINT_URL: " + e.getMessage());
            return null;
        }
        return "http://" + (advertised.contains(":") ? "[" + advertised + "]" : advertised) + ":" + port;
    }

    static ChosenBackend backend(String name, RuntimeClients clients) {
        DockerSettings docker = DockerSettings.defaults();
        return backend(name, clients, new DockerDiscovery(docker.host()), docker, p -> { });
    }

    static ChosenBackend backend(String name, RuntimeClients clients, DockerDiscovery discovery,
                                 DockerSettings docker, Consumer<BackendProgress> progress) {
        return switch (name) {
            case "process" -> new ChosenBackend(new ProcessBackend(clients), null);
            case "docker" -> docker(clients, discovery, docker, progress);
            default -> throw new IllegalArgumentException("Unknown backend '" + name + "': use process or docker.");
        };
    }

    /** The Docker backend, or the process backend with a notice saying why Docker could not be used. */
    private static ChosenBackend docker(RuntimeClients clients, DockerDiscovery discovery, DockerSettings docker,
                                        Consumer<BackendProgress> progress) {
        try {
            return new ChosenBackend(DockerBackend.connect(clients, discovery, docker, report -> {
                log(report);
                progress.accept(report);
            }), null);
        } catch (DockerUnavailableException e) {
            return new ChosenBackend(new ProcessBackend(clients), "Docker not available (" + e.getMessage()
                    + "): running functions as local processes");
        }
    }

    /** Outcomes in the log; the steps (a pull's byte counts, a build's output lines) only at FINE. */
    private static void log(BackendProgress report) {
        Level level = report.error() != null ? Level.WARNING : report.finished() ? Level.INFO : Level.FINE;
        if (!LOG.isLoggable(level)) return;
        String detail = report.detail() == null ? "" : report.detail();
        LOG.log(level, detail.startsWith(report.task()) ? detail : report.task() + ": " + detail);
    }

    /**
     * Pings a Docker engine without starting anything: {@code host} alone (e.g. tcp://build-box:2375), or, when it
     * is blank, the places the Docker backend looks. Returns the engine's version and where it answered; throws
     * with one line per failed attempt when none answered.
     */
    public static String checkDocker(String host) throws DockerUnavailableException {
        return DockerDiscovery.check(host);
    }

    /** Why the backend asked for is not the one running (Docker not available), if so. */
    public Optional<String> backendNotice() { return Optional.ofNullable(backendNotice); }

    /** For a status bar: which backend runs functions, e.g. "docker backend (engine 26.1 at unix:///…)". */
    public String backendDescription() { return engine.backend().description(); }

    public Workspace workspace() { return workspace; }
    public LogStore logs() { return logs; }
    public LambdaEngine engine() { return engine; }
    /** CloudWatch's AWS/Lambda metrics of this engine (what the endpoint's CloudWatch and the Monitor charts read). */
    public LambdaMetrics metrics() { return metrics; }
    /** The shared endpoint (one port for every service). */
    public GatewayServer endpoint() { return endpoint; }

    /** The services the endpoint serves (names for README-style listings and the status bar). */
    public List<String> serviceNames() {
        return services.endpoints().stream().map(dev.lambdaconsole.runtime.gateway.ServiceEndpoint::name).sorted().toList();
    }

    @Override
    public void close() {
        endpoint.close();
        closeAll(modules);
        engine.close();
        logs.close();
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "A service module did not close cleanly", e);
            }
        }
    }

    /** The CloudWatch Logs subscription filters (PutSubscriptionFilter in process, for the console). */
    public SubscriptionFilters logSubscriptions() {
        return subscriptions;
    }
}
