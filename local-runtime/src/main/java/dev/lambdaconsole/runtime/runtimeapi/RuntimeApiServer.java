package dev.lambdaconsole.runtime.runtimeapi;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Jetty server whose connectors are the Runtime API endpoints: each execution environment gets its own
 * port on the address its runtime can reach (loopback for processes), with TCP_NODELAY and no idle timeout
 * (a pending {@code /next} never times out). Jetty keeps request trailers, which streamed responses need.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private final Server server;
    private final Map<Connector, RuntimeApiChannel> channels = new ConcurrentHashMap<>();
    private final HttpConfiguration httpConfig = new HttpConfiguration();

    public RuntimeApiServer() {
        QueuedThreadPool pool = new QueuedThreadPool(2000, 2, 60_000);
        pool.setName("runtime-api");
        pool.setDaemon(true);
        server = new Server(pool);
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendDateHeader(false);
        server.setHandler(new RuntimeApiHandler(channels));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Runtime API server: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a new endpoint on {@code bindHost} (a free port). {@code advertisedHost} is the host the runtime
     * uses to reach it (the same for processes; the host gateway for containers).
     */
    public RuntimeApiChannel open(String bindHost, String advertisedHost, String functionName) {
        ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(httpConfig));
        connector.setHost(bindHost);
        connector.setPort(0);
        connector.setIdleTimeout(0);
        connector.setAcceptedTcpNoDelay(true);
        connector.setReuseAddress(true);
        try {
            server.addConnector(connector);
            connector.start();
        } catch (Exception e) {
            server.removeConnector(connector);
            throw new IllegalStateException("Cannot open a Runtime API endpoint on " + bindHost + ": " + e.getMessage(), e);
        }
        String host = advertisedHost.contains(":") ? "[" + advertisedHost + "]" : advertisedHost;
        RuntimeApiChannel channel = new RuntimeApiChannel(host + ":" + connector.getLocalPort(), functionName, () -> {
            channels.remove(connector);
            try {
                connector.stop();
            } catch (Exception ignored) {
                // the port is released with the connector; nothing else to undo
            }
            server.removeConnector(connector);
        });
        channels.put(connector, channel);
        return channel;
    }

    /** Endpoints open now (one per live execution environment). */
    public int openEndpoints() { return channels.size(); }

    @Override
    public void close() {
        channels.values().forEach(RuntimeApiChannel::close);
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping is best effort at shutdown
        }
    }
}
