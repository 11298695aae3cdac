package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.runtimes.RuntimeClients;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lambda's sandbox as Docker settings: memory without swap, CPU proportional to memory (1,769 MB = 1 vCPU;
 * at least one vCPU during init),
 * /tmp a tmpfs of the ephemeral storage size, read-only root file system, no capabilities, no privilege gain,
 * at most 1,024 processes and open files, code, layers and runtime clients mounted read-only, an init process.
 */
final class ContainerLimits {
    static final long MB = 1024L * 1024L;
    static final double MB_PER_VCPU = 1769.0;

    private ContainerLimits() {}

    static long nanoCpus(int memoryMb) {
        return Math.max(10_000_000L, Math.round(memoryMb / MB_PER_VCPU * 1e9));
    }

    /**
     * CPU during init: at least one vCPU. Lambda's published cold starts (Python ~80-90 ms at 128 MB) show
     * that init is not held to 128/1769 of a vCPU; under that share an interpreter alone takes a second.
     * The share proportional to memory applies from the first invocation on.
     */
    static long initNanoCpus(int memoryMb) {
        return Math.max(1_000_000_000L, nanoCpus(memoryMb));
    }

    /**
     * The folders mounted into the container; {@code code} is null for image functions (the code is in the
     * image), {@code runtimeClients} null for images with their own runtime client.
     */
    record Mounts(Path code, Path opt, Path runtimeClients, Path work) {
        List<Bind> binds() {
            List<Bind> binds = new ArrayList<>();
            if (code != null) binds.add(new Bind(code.toString(), new Volume(ContainerPaths.TASK), AccessMode.ro));
            binds.add(new Bind(opt.toString(), new Volume(ContainerPaths.OPT), AccessMode.ro));
            binds.add(new Bind(work.toString(), new Volume(ContainerPaths.CONSOLE), AccessMode.rw));
            if (runtimeClients != null) {
                // Each client's folder on its own, so that what the image keeps in /var/runtime (the SDK for
                // JavaScript in node_modules, as in the official images) stays visible.
                for (String client : RuntimeClients.FOLDERS) {
                    binds.add(new Bind(runtimeClients.resolve(client).toString(),
                            new Volume(ContainerPaths.RUNTIME + "/" + client), AccessMode.ro));
                }
            }
            return binds;
        }
    }

    static HostConfig hostConfig(FunctionConfig config, Mounts mounts) {
        long memory = config.memoryOrDefault() * MB;
        int tmpMb = config.ephemeralOrDefault();
        return HostConfig.newHostConfig()
                .withBinds(mounts.binds())
                .withTmpFs(Map.of(ContainerPaths.TMP, "rw,exec,nosuid,nodev,size=" + tmpMb + "m,mode=1777"))
                .withMemory(memory)
                .withMemorySwap(memory)
                .withNanoCPUs(initNanoCpus(config.memoryOrDefault()))
                .withReadonlyRootfs(true)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withCapDrop(Capability.ALL)
                .withPidsLimit(1024L)
                .withUlimits(List.of(new com.github.dockerjava.api.model.Ulimit("nofile", 1024L, 1024L)))
                .withAutoRemove(false)
                // An init process as PID 1 passes SIGTERM on: a runtime as PID 1 would ignore it until the kill.
                .withInit(true);
    }
}
