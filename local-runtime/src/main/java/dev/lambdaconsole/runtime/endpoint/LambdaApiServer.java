package dev.lambdaconsole.runtime.endpoint;

import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Lambda-compatible HTTP endpoint on 127.0.0.1, so that the AWS CLI and SDKs work unchanged with
 * {@code --endpoint-url http://127.0.0.1:PORT}.
 */
public final class LambdaApiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    /** Starts on {@code port} (0 picks a free one). Throws IllegalStateException when the port is taken. */
    public LambdaApiServer(LambdaEngine engine, String host, int port) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4, 60_000);
        pool.setName("lambda-api");
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
        server.setHandler(new LambdaApiHandler(engine, this::url));
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
