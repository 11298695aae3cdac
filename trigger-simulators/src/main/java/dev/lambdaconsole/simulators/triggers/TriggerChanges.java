package dev.lambdaconsole.simulators.triggers;

import dev.lambdaconsole.runtime.gateway.ServiceRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which answered requests change a function's triggers or destinations, and the listeners told of them: a burst
 * of changes becomes one call, {@value #COALESCE_MS} ms after the first, on a thread of its own.
 */
final class TriggerChanges implements AutoCloseable {
    static final long COALESCE_MS = 200;
    private static final Logger LOG = Logger.getLogger(TriggerChanges.class.getName());
    private static final Set<String> EVENTS_OPERATIONS = Set.of("PutRule", "EnableRule", "DisableRule", "DeleteRule",
            "PutTargets", "RemoveTargets", "DeleteEventBus");
    private static final Set<String> LOGS_OPERATIONS = Set.of("PutSubscriptionFilter", "DeleteSubscriptionFilter",
            "DeleteLogGroup");
    private static final Set<String> SNS_ACTIONS = Set.of("Subscribe", "Unsubscribe", "ConfirmSubscription",
            "SetSubscriptionAttributes", "DeleteTopic", "CreateTopic");

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trigger-changes");
        t.setDaemon(true);
        return t;
    });

    AutoCloseable add(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void changed() {
        if (listeners.isEmpty() || !pending.compareAndSet(false, true)) return;
        try {
            timer.schedule(this::fire, COALESCE_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            pending.set(false);
        }
    }

    private void fire() {
        pending.set(false);
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A trigger change listener failed", e);
            }
        }
    }

    @Override
    public void close() { timer.shutdownNow(); }

    /** Whether a request {@code service} answered with {@code status} may have changed some function's triggers. */
    static boolean changesTriggers(String service, ServiceRequest r, int status) {
        if (status >= 300) return false;
        String method = r.method();
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        return switch (service) {
            case "lambda" -> write && !r.path().endsWith("/invocations") && !r.path().contains("invoke-async");
            case "lambda event source mappings", "lambda function urls", "apigateway" -> write;
            case "s3" -> (method.equals("PUT") || method.equals("DELETE"))
                    && (r.rawQuery() != null && r.rawQuery().contains("notification") || bucketLevel(r));
            case "events" -> EVENTS_OPERATIONS.contains(operation(r.target()));
            case "logs" -> LOGS_OPERATIONS.contains(operation(r.target()));
            case "sns" -> SNS_ACTIONS.contains(snsAction(r));
            default -> false;
        };
    }

    private static boolean bucketLevel(ServiceRequest r) {
        if (!r.method().equals("DELETE") || r.rawQuery() != null && !r.rawQuery().isEmpty()) return false;
        String path = r.path().length() > 1 ? r.path().substring(1) : "";
        return !path.isEmpty() && !path.contains("/");
    }

    private static String operation(String target) {
        if (target == null) return "";
        int dot = target.indexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    private static String snsAction(ServiceRequest r) {
        String action = r.query("Action");
        if (action != null) return action;
        List<String> inBody = ServiceRequest.parseForm(new String(r.body(), StandardCharsets.UTF_8)).get("Action");
        return inBody == null || inBody.isEmpty() ? "" : inBody.get(0);
    }
}
