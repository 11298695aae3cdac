package dev.lambdaconsole.runtime.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services the shared endpoint serves, and which one a request is for: the SigV4 credential scope first,
 * then the {@code X-Amz-Target} prefix, then the path (REST services). Several services signing with one name
 * (DynamoDB and DynamoDB Streams both sign "dynamodb") are told apart by their target.
 */
public final class ServiceRegistry {
    private final List<ServiceEndpoint> endpoints = new CopyOnWriteArrayList<>();

    public void register(ServiceEndpoint endpoint) {
        for (ServiceEndpoint e : endpoints) {
            if (e.name().equals(endpoint.name())) {
                throw new IllegalStateException("A service named " + endpoint.name() + " is already registered");
            }
        }
        endpoints.add(endpoint);
    }

    public List<ServiceEndpoint> endpoints() { return List.copyOf(endpoints); }

    /** The service a request is for, if it is one of ours. */
    public Optional<ServiceEndpoint> resolve(ServiceRequest request) {
        String prefix = targetPrefix(request.target());
        if (prefix != null) {
            for (ServiceEndpoint e : endpoints) if (e.targetPrefixes().contains(prefix)) return Optional.of(e);
        }
        String signing = request.signingService();
        if (signing != null) {
            List<ServiceEndpoint> signed = endpoints.stream().filter(e -> e.signingNames().contains(signing)).toList();
            if (signed.size() == 1) return Optional.of(signed.get(0));
            for (ServiceEndpoint e : signed) if (e.claimsPath(request)) return Optional.of(e);
            if (!signed.isEmpty() && prefix == null) return Optional.of(signed.get(0));
            if (!signed.isEmpty() || prefix != null) return Optional.empty();
        }
        if (prefix != null) return Optional.empty();
        for (ServiceEndpoint e : endpoints) if (e.claimsPath(request)) return Optional.of(e);
        return Optional.empty();
    }

    static String targetPrefix(String target) {
        if (target == null) return null;
        int dot = target.indexOf('.');
        return dot < 0 ? target : target.substring(0, dot);
    }

    // ---- listeners of handled requests (the console's live views) ----

    /** Told after a service answered a request: the service's name and the request (method, path, target). */
    @FunctionalInterface
    public interface RequestListener {
        void handled(String service, ServiceRequest request, int status);
    }

    private final List<RequestListener> requestListeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} after each request a service answered; it runs on the request's thread: keep it short. */
    public AutoCloseable addRequestListener(RequestListener listener) {
        requestListeners.add(listener);
        return () -> requestListeners.remove(listener);
    }

    /** Tells the listeners that {@code service} answered {@code request} with {@code status}. */
    public void handled(String service, ServiceRequest request, int status) {
        for (RequestListener l : requestListeners) {
            try {
                l.handled(service, request, status);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ServiceRegistry.class.getName())
                        .log(java.util.logging.Level.WARNING, "A request listener failed", e);
            }
        }
    }
}
