package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a Docker engine the way Testcontainers does: an explicit setting, DOCKER_HOST, the host that answered
 * last time (remembered in a small file), the standard Unix socket, the Docker Desktop sockets, the Windows
 * named pipe. Each candidate is pinged; the first that answers wins and is remembered. When none answers, the
 * exception lists every attempt with its error.
 */
public final class DockerDiscovery {
    private final String explicitHost;
    private final Map<String, String> env;
    private final Path home;
    private final boolean windows;
    private final Path root;
    private final Path lastHostFile;

    public DockerDiscovery(String explicitHost) {
        this(explicitHost, System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", "").toLowerCase().startsWith("windows"), Path.of("/"));
    }

    /** For tests: the environment, home folder, OS and file-system root (for the standard socket) given. */
    public DockerDiscovery(String explicitHost, Map<String, String> env, Path home, boolean windows, Path root) {
        this(explicitHost, env, home, windows, root, null);
    }

    private DockerDiscovery(String explicitHost, Map<String, String> env, Path home, boolean windows, Path root,
                            Path lastHostFile) {
        this.explicitHost = explicitHost;
        this.env = env;
        this.home = home;
        this.windows = windows;
        this.root = root;
        this.lastHostFile = lastHostFile;
    }

    /** The same chain, which also tries the host written in {@code file} third and writes the winner there. */
    public DockerDiscovery rememberingIn(Path file) {
        return new DockerDiscovery(explicitHost, env, home, windows, root, file);
    }

    /** The candidates in order, each with where it came from, e.g. "DOCKER_HOST" → "tcp://…". */
    Map<String, String> candidates() {
        Map<String, String> hosts = new LinkedHashMap<>();
        if (explicitHost != null && !explicitHost.isBlank()) hosts.putIfAbsent(explicitHost.trim(), "setting");
        String fromEnv = env.get("DOCKER_HOST");
        if (fromEnv != null && !fromEnv.isBlank()) hosts.putIfAbsent(fromEnv.trim(), "DOCKER_HOST");
        LastWorkingHost.read(lastHostFile).ifPresent(last -> hosts.putIfAbsent(last, "last working"));
        if (windows) {
            hosts.putIfAbsent("npipe:////./pipe/docker_engine", "Windows named pipe");
        } else {
            hosts.putIfAbsent("unix://" + root.resolve("var/run/docker.sock"), "standard socket");
            hosts.putIfAbsent("unix://" + home.resolve(".docker/run/docker.sock"), "Docker Desktop socket");
            hosts.putIfAbsent("unix://" + home.resolve(".docker/desktop/docker.sock"), "Docker Desktop socket");
        }
        return hosts;
    }

    /** The first engine that answers a ping. */
    public DockerConnection connect() throws DockerUnavailableException {
        return connect(candidates());
    }

    /**
     * For a settings page's "Test connection": pings {@code host} alone, or the whole chain when it is blank, and
     * lets the connection go. Returns what answered, e.g. "Docker 27.5.1 at unix:///var/run/docker.sock (standard socket)".
     */
    public static String check(String host) throws DockerUnavailableException {
        DockerDiscovery chain = new DockerDiscovery(null);
        Map<String, String> candidates = host == null || host.isBlank() ? chain.candidates()
                : Map.of(host.trim(), "setting");
        DockerConnection found = chain.connect(candidates);
        try {
            return "Docker " + found.engineVersion() + " at " + found.host() + " (" + candidates.get(found.host()) + ")";
        } finally {
            closeQuietly(found.client());
        }
    }

    private DockerConnection connect(Map<String, String> candidates) throws DockerUnavailableException {
        List<String> attempts = new ArrayList<>();
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            String host = candidate.getKey();
            String label = host + " (" + candidate.getValue() + ")";
            if (host.startsWith("unix://") && !Files.exists(Path.of(host.substring("unix://".length())))) {
                attempts.add(label + ": no such socket");
                continue;
            }
            DockerClient client = null;
            try {
                client = client(host);
                client.pingCmd().exec();
                DockerConnection connection = DockerConnection.of(client, host);
                LastWorkingHost.write(lastHostFile, host);
                return connection;
            } catch (RuntimeException e) {
                attempts.add(label + ": " + reason(e));
                closeQuietly(client);
            }
        }
        throw new DockerUnavailableException(attempts);
    }

    static DockerClient client(String host) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(200)
                .connectionTimeout(Duration.ofSeconds(3))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static void closeQuietly(DockerClient client) {
        if (client == null) return;
        try {
            client.close();
        } catch (Exception ignored) {
            // nothing to release beyond the connection pool
        }
    }
}
