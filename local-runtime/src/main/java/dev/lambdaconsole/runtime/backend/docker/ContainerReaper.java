package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Leaves no container behind: removes this session's containers on close and in a JVM shutdown hook, and at
 * start sweeps the containers of earlier sessions whose engine process is gone (a crash, a kill -9).
 */
final class ContainerReaper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ContainerReaper.class.getName());
    private final DockerClient client;
    private final String session;
    private final Thread hook;

    ContainerReaper(DockerClient client, String session) {
        this.client = client;
        this.session = session;
        this.hook = new Thread(this::removeSession, "lambda-console-docker-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Removes containers labelled by this app whose session is no longer alive; returns how many. */
    int sweep() {
        int removed = 0;
        for (Container c : labelled(Map.of(Labels.APP, Labels.APP_NAME))) {
            String owner = c.getLabels() == null ? null : c.getLabels().get(Labels.SESSION);
            if (!session.equals(owner) && !Labels.alive(owner)) {
                remove(c.getId());
                removed++;
            }
        }
        return removed;
    }

    /** Removes every container of this session. */
    void removeSession() {
        for (Container c : labelled(Map.of(Labels.APP, Labels.APP_NAME, Labels.SESSION, session))) {
            remove(c.getId());
        }
    }

    private List<Container> labelled(Map<String, String> labels) {
        try {
            return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot list Lambda Console containers: {0}", e.getMessage());
            return List.of();
        }
    }

    void remove(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot remove container {0}: {1}", new Object[] {id, e.getMessage()});
        }
    }

    @Override
    public void close() {
        removeSession();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
