package dev.lambdaconsole.runtime.gateway.http;

import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The shared endpoint on 127.0.0.1: one port for every local service (the Lambda API, CloudWatch Logs, and those
 * the service modules register), so one {@code --endpoint-url} points every AWS client at the console. It can
 * also listen on a second local address, e.g. the Docker bridge's gateway for the functions in containers.
 */
public final class GatewayServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final HttpConfiguration config;

    /** Starts on {@code port} (0 picks a free one). Throws IllegalStateException when the port is taken. */
    public GatewayServer(ServiceRegistry registry, String host, int port) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4, 60_000);
        pool.setName("endpoint");
        pool.setDaemon(true);
        server = new Server(pool);
        config = new HttpConfiguration();
        config.setSendServerVersion(false);
        connector = connector(host, port);
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

    private ServerConnector connector(String host, int port) {
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(config));
        c.setHost(host);
        c.setPort(port);
        c.setAcceptedTcpNoDelay(true);
        c.setIdleTimeout(15 * 60 * 1000L);
        return c;
    }

    /**
     * Serves the same services on {@code host} too (a local address only, e.g. the Docker bridge gateway
     * 172.17.0.1 that containers reach the machine on): on this endpoint's port when it is free there, else on
     * any free port. Returns the port it listens on.
     */
    public int listenAlsoOn(String host) {
        try {
            return startConnector(host, port());
        } catch (Exception taken) {
            try {
                return startConnector(host, 0);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot listen on " + host + " too (" + e.getMessage() + ")", e);
            }
        }
    }

    private int startConnector(String host, int port) throws Exception {
        ServerConnector extra = connector(host, port);
        server.addConnector(extra);
        try {
            extra.start();
            return extra.getLocalPort();
        } catch (Exception e) {
            server.removeConnector(extra);
            extra.close();
            throw e;
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
