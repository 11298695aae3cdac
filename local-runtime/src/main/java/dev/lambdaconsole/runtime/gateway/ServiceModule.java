package dev.lambdaconsole.runtime.gateway;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A set of local services started with the engine (e.g. the trigger simulators). Modules on the class path are
 * found with {@link ServiceLoader} ({@code META-INF/services/dev.lambdaconsole.runtime.gateway.ServiceModule}), so
 * the console and {@code serve} get the same services from the same composition ({@code LocalRuntime.start}).
 */
public interface ServiceModule {
    /** For logs, e.g. "trigger simulators". */
    String name();

    /** Starts the module's services and registers their endpoints; the returned handle is closed with the engine. */
    AutoCloseable start(ServiceContext context, ServiceRegistry registry);

    /** The modules on the class path, in a stable order (by name). */
    static List<ServiceModule> discovered() {
        return ServiceLoader.load(ServiceModule.class).stream().map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(ServiceModule::name)).toList();
    }
}
