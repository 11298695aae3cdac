package dev.lambdaconsole.simulators.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.Limits;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.util.Left;
import scalikejdbc.Commons2ConnectionPoolFactory$;
import scalikejdbc.ConnectionPool$;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ElasticMQ embedded the way its own {@code ElasticMQServer} assembles it, but on a loopback port picked by the
 * system, with queues and messages in one SQLite file, and started only once the stored queues are back (its
 * server restores them after it already answers). ElasticMQ, Pekko, Scala and scalikejdbc types stay in this class.
 *
 * <p>ElasticMQ's SQL store is a JVM-wide singleton (scalikejdbc's default pool), so one instance per JVM stores its
 * queues; another started while it runs (two engines in one process, as some tests do) keeps them in memory only,
 * with a warning.
 */
final class ElasticMqServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ElasticMqServer.class.getName());
    /** Strong references: their level must outlive this class's first use (JUL keeps loggers weakly). */
    private static final java.util.List<Logger> QUIET = java.util.stream.Stream.of("org.elasticmq", "org.apache.pekko",
            "scalikejdbc", "org.apache.commons.dbcp2").map(Logger::getLogger).toList();
    private static final Object LOCK = new Object();
    private static ElasticMqServer running;

    static {
        QUIET.forEach(l -> l.setLevel(Level.WARNING));
    }

    private final ActorSystem system;
    private final SQSRestServer rest;
    private final int port;
    private final boolean stored;
    private final Path database;

    private ElasticMqServer(ActorSystem system, SQSRestServer rest, int port, boolean stored, Path database) {
        this.system = system;
        this.database = database;
        this.rest = rest;
        this.port = port;
        this.stored = stored;
    }

    /**
     * Starts ElasticMQ on 127.0.0.1 (a free port), its queues and messages in {@code database} (SQLite), queue URLs
     * on {@code publicUrl} (the console's endpoint), ARNs in {@code region} and {@code accountId}.
     */
    static ElasticMqServer start(Path database, URI publicUrl, String region, String accountId) {
        synchronized (LOCK) {
            boolean store = running == null;
            if (!store) {
                LOG.warning("Another local SQS already runs in this process and stores its queues in "
                        + running.database + "; this one keeps its queues in memory only");
            }
            ActorSystem system = ActorSystem.create("elasticmq", config(), ElasticMqServer.class.getClassLoader());
            try {
                Limits limits = StrictSQSLimits$.MODULE$;
                Option<ActorRef> listener = store ? Option.apply(storage(system, database)) : Option.empty();
                ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class,
                        () -> new QueueManagerActor(new NowProvider(), limits, listener)), "queues");
                if (store) restore(listener.get(), queues);
                NodeAddress visible = new NodeAddress(publicUrl.getScheme(), publicUrl.getHost(), publicUrl.getPort(), "");
                SQSRestServer rest = new TheSQSRestServerBuilder(Option.apply(system), Option.apply(queues), "127.0.0.1",
                        0, visible, false, limits, region, accountId, listener).start();
                int port = rest.waitUntilStarted().localAddress().getPort();
                ElasticMqServer server = new ElasticMqServer(system, rest, port, store, database);
                if (store) running = server;
                return server;
            } catch (Exception e) {
                terminate(system);
                if (store) ConnectionPool$.MODULE$.closeAll();
                throw new IllegalStateException("The local SQS (ElasticMQ) did not start: " + e.getMessage(), e);
            }
        }
    }

    /** The actor that writes queues and messages to SQLite as ElasticMQ changes them. */
    private static ActorRef storage(ActorSystem system, Path database) throws java.io.IOException {
        Files.createDirectories(database.getParent());
        String jdbc = "jdbc:sqlite:" + database.toAbsolutePath()
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000";
        // ElasticMQ opens its pool only once per JVM: give it this file's pool every time.
        ConnectionPool$.MODULE$.singleton(jdbc, "", "", ConnectionPool$.MODULE$.singleton$default$4(),
                Commons2ConnectionPoolFactory$.MODULE$);
        SqlQueuePersistenceConfig storage = new SqlQueuePersistenceConfig(true, "org.sqlite.JDBC", jdbc, "", "",
                false);
        scala.collection.immutable.List<CreateQueueMetadata> noBaseQueues =
                scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.<CreateQueueMetadata>of()).toList();
        return system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(storage, noBaseQueues)), "storage");
    }

    /** Puts the stored queues and their messages back before anyone can ask for them. */
    private static void restore(ActorRef store, ActorRef queues) throws Exception {
        Object result = Patterns.ask(store, new QueueEvent.Restore(queues), Duration.ofSeconds(60))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (result instanceof Left<?, ?> errors) {
            throw new IllegalStateException("Stored queues could not be restored: " + errors.value());
        }
    }

    /**
     * ElasticMQ's own settings (its application.conf) with Pekko made a quiet guest: warnings only, daemon threads,
     * no JVM shutdown hook or exit of its own (the engine closes it).
     */
    private static Config config() {
        ClassLoader loader = ElasticMqServer.class.getClassLoader();
        return ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.daemonic = on
                pekko.jvm-exit-on-fatal-error = off
                pekko.jvm-shutdown-hooks = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.load(loader));
    }

    /** The loopback port ElasticMQ listens on (the console's endpoint forwards to it). */
    int port() { return port; }

    @Override
    public void close() {
        synchronized (LOCK) {
            try {
                rest.stopAndWait();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "ElasticMQ's HTTP server did not stop cleanly", e);
            }
            terminate(system);
            if (!stored) return;
            ConnectionPool$.MODULE$.closeAll();
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(
                        new javax.management.ObjectName("org.elasticmq:name=Queues"));
            } catch (Exception ignored) {
                // not registered
            }
            if (running == this) running = null;
        }
    }

    private static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "ElasticMQ's actors did not stop within 30 s", e);
        }
    }
}
