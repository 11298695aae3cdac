package dev.lambdaconsole.runtime.gateway.http;

import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The shared endpoint on 127.0.0.1: one port for every local service (the Lambda API, CloudWatch Logs, and those
 * the service modules register), so one {@code --endpoint-url} points every AWS client at the console.
 */
public final class GatewayServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    /** Starts on {@code port} (0 picks a free one). Throws IllegalStateException when the port is taken. */
    public GatewayServer(ServiceRegistry registry, String host, int port) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4, 60_000);
        pool.setName("endpoint");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptedTcpNoDelay(true);
        connector.setIdleTimeout(15 * 60 * 1000L);
        server.addConnector(connector);
        server.setHandler(new GatewayHandler(registry));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // nothing started
            }
            throw new IllegalStateException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "). Another program may use the port: choose another with --port.", e);
        }
    }

    public int port() { return connector.getLocalPort(); }

    public String url() { return "http://" + connector.getHost() + ":" + port(); }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping at shutdown
        }
    }
}
