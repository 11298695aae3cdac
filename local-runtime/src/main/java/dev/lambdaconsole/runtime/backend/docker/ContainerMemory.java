package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak memory of a container: the kernel's own high-water mark from the cgroup (v1, read on the host when the
 * engine runs here), else the peak of the stats stream the engine sends about once a second.
 */
final class ContainerMemory implements AutoCloseable {
    private static final List<String> CGROUP_FILES = List.of(
            "/sys/fs/cgroup/memory/docker/%s/memory.max_usage_in_bytes",
            "/sys/fs/cgroup/memory/system.slice/docker-%s.scope/memory.max_usage_in_bytes",
            "/sys/fs/cgroup/docker/%s/memory.peak",
            "/sys/fs/cgroup/system.slice/docker-%s.scope/memory.peak");
    private final Path cgroupFile;
    private final AtomicLong streamedPeak = new AtomicLong();
    private final Closeable stream;

    ContainerMemory(DockerClient client, String containerId) {
        cgroupFile = CGROUP_FILES.stream().map(f -> Path.of(String.format(f, containerId)))
                .filter(Files::isReadable).findFirst().orElse(null);
        stream = cgroupFile != null ? null : client.statsCmd(containerId).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics stats) {
                MemoryStatsConfig memory = stats.getMemoryStats();
                if (memory == null) return;
                Long value = memory.getMaxUsage() != null ? memory.getMaxUsage() : memory.getUsage();
                if (value != null) streamedPeak.accumulateAndGet(value, Math::max);
            }
        });
    }

    long peakBytes() {
        if (cgroupFile != null) {
            try {
                long value = Long.parseLong(Files.readString(cgroupFile).trim());
                return streamedPeak.accumulateAndGet(value, Math::max);
            } catch (IOException | NumberFormatException gone) {
                return streamedPeak.get(); // the cgroup went with the container: the last value read
            }
        }
        return streamedPeak.get();
    }

    @Override
    public void close() {
        if (stream == null) return;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the stream ends with the container anyway
        }
    }
}
