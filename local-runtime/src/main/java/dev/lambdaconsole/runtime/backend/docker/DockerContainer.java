package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import dev.lambdaconsole.runtime.backend.FileOutputCapture;
import dev.lambdaconsole.runtime.backend.RuntimeInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment's container. A background thread waits for it to exit and reads, before the exit
 * is reported, whether the kernel killed it for memory. Stopping removes it (it runs without auto-remove so
 * that its exit code and state can be read first).
 */
final class DockerContainer implements RuntimeInstance {
    private final DockerClient client;
    private final String id;
    private final FileOutputCapture output;
    private final ContainerMemory memory;
    private final Runnable cleanup;
    private final long memoryLimitBytes;
    private final long invokeNanoCpus;
    /** The CPU share for invocations, applied after init. */
    private volatile CompletableFuture<Void> limited = CompletableFuture.completedFuture(null);
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile boolean outOfMemory;
    private boolean finished;

    DockerContainer(DockerClient client, String id, long memoryLimitBytes, FileOutputCapture output,
                    Runnable cleanup) {
        this.client = client;
        this.memoryLimitBytes = memoryLimitBytes;
        this.invokeNanoCpus = ContainerLimits.nanoCpus((int) (memoryLimitBytes / ContainerLimits.MB));
        this.id = id;
        this.output = output;
        this.cleanup = cleanup;
        this.memory = new ContainerMemory(client, id);
        Thread waiter = new Thread(this::awaitExit, "docker-wait-" + id.substring(0, 12));
        waiter.setDaemon(true);
        waiter.start();
    }

    String id() { return id; }

    private void awaitExit() {
        int code;
        try {
            code = client.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode();
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
            outOfMemory = Boolean.TRUE.equals(state.getOOMKilled());
        } catch (RuntimeException removed) {
            code = 137;
        }
        exited.complete(code);
    }

    @Override public CompletableFuture<Integer> exited() { return exited; }

    /** Init is over: from now on the container gets the CPU share proportional to its memory. */
    @Override
    public void initialised() {
        if (invokeNanoCpus >= ContainerLimits.initNanoCpus((int) (memoryLimitBytes / ContainerLimits.MB))) return;
        limited = CompletableFuture.runAsync(() -> {
            try {
                client.updateContainerCmd(id).withNanoCPUs(invokeNanoCpus).exec();
            } catch (RuntimeException gone) {
                // the container ended meanwhile; nothing to limit
            }
        });
    }
    @Override public CompletableFuture<Void> invocationLimits() { return limited; }

    /** After an OOM kill the cgroup is gone with the container: the peak was the limit, as Lambda reports it. */
    @Override
    public long maxMemoryUsedBytes() {
        long peak = memory.peakBytes();
        return outOfMemory ? Math.max(peak, memoryLimitBytes) : peak;
    }
    @Override public List<String> drainOutput(boolean includePartial) { return output.drain(includePartial); }
    @Override public boolean outOfMemory() { return outOfMemory; }

    @Override
    public void stop(Duration grace) {
        try {
            client.stopContainerCmd(id).withTimeout((int) Math.max(1, Math.ceil(grace.toMillis() / 1000.0))).exec();
        } catch (RuntimeException alreadyStopped) {
            // exited on its own or already removed
        }
        finish();
    }

    @Override
    public void kill() {
        try {
            client.killContainerCmd(id).exec();
        } catch (RuntimeException alreadyStopped) {
            // exited on its own or already removed
        }
        finish();
    }

    private void finish() {
        synchronized (this) {
            if (finished) return;
            finished = true;
        }
        try {
            exited.get(5, TimeUnit.SECONDS); // its state is read before it goes
        } catch (Exception stillRunning) {
            // removed by force below
        }
        memory.close();
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException gone) {
            // removed already (close, shutdown hook)
        }
        output.close();
        cleanup.run();
    }
}
