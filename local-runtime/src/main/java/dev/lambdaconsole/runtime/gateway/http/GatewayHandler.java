package dev.lambdaconsole.runtime.gateway.http;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.UnknownService;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one dispatcher of the shared endpoint: reads the body once, tells the service from the request, runs it
 * where it may block or where the request arrived, and always completes the exchange — an unexpected failure is
 * logged with its stack trace and answered in the service's 500 shape, never left hanging.
 */
final class GatewayHandler extends Handler.Abstract.NonBlocking {
    private static final Logger LOG = Logger.getLogger(GatewayHandler.class.getName());
    static final int MAX_BODY = 80 * 1024 * 1024; // a 50 MB zip, base64-encoded in JSON

    private final ServiceRegistry registry;

    GatewayHandler(ServiceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((body, failure) -> {
            ServiceRequest sr = toServiceRequest(request, body, requestId);
            Optional<ServiceEndpoint> endpoint;
            try {
                endpoint = registry.resolve(sr);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not tell the service of " + sr, e);
                write(response, callback, sr, UnknownService.reply(sr, registry));
                return;
            }
            if (endpoint.isEmpty()) {
                write(response, callback, sr, UnknownService.reply(sr, registry));
                return;
            }
            ServiceEndpoint service = endpoint.get();
            if (failure != null) {
                write(response, callback, sr, errorReply(service, sr, new AwsServiceException(413,
                        "RequestTooLargeException", "Request must be smaller than " + MAX_BODY + " bytes: "
                        + failure.getMessage())));
                return;
            }
            Runnable run = () -> dispatch(service, sr, response, callback);
            if (service.blocking(sr)) {
                Executor pool = getServer().getThreadPool();
                pool.execute(run);
            } else {
                run.run();
            }
        });
        return true;
    }

    private void dispatch(ServiceEndpoint service, ServiceRequest sr, Response response, Callback callback) {
        CompletionStage<ServiceResponse> reply;
        try {
            reply = service.handle(sr);
        } catch (Throwable e) {
            write(response, callback, sr, errorReply(service, sr, e));
            return;
        }
        reply.whenComplete((r, e) -> {
            if (e != null) {
                write(response, callback, sr, errorReply(service, sr, e));
            } else if (r == null) {
                write(response, callback, sr, errorReply(service, sr, new IllegalStateException(
                        service.name() + " answered nothing to " + sr)));
            } else {
                write(response, callback, sr, r);
                registry.handled(service.name(), sr, r.status());
            }
        });
    }

    /** The service's error reply; unexpected failures are logged first. A failing error writer still answers. */
    static ServiceResponse errorReply(ServiceEndpoint service, ServiceRequest sr, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(e instanceof AwsServiceException) && !service.expected(e)) {
            LOG.log(Level.WARNING, service.name() + " failed on " + sr + " (request " + sr.requestId() + ")", e);
        }
        try {
            return service.error(sr, e);
        } catch (RuntimeException writerFailure) {
            LOG.log(Level.SEVERE, service.name() + " could not write its error for " + sr, writerFailure);
            return ServiceResponse.text(500, "text/plain", "Internal error of the local " + service.name()
                    + " service: " + e);
        }
    }

    private void write(Response response, Callback callback, ServiceRequest sr, ServiceResponse r) {
        try {
            response.setStatus(r.status());
            if (!r.headers().containsKey("x-amzn-RequestId")) response.getHeaders().put("x-amzn-RequestId", sr.requestId());
            r.headers().forEach((k, v) -> response.getHeaders().put(k, v));
            r.multiHeaders().forEach((k, values) -> values.forEach(v -> response.getHeaders().add(k, v)));
            if (r.contentType() != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
            if (r.stream() != null) {
                getServer().getThreadPool().execute(() -> stream(response, callback, sr, r));
            } else if (r.body().length == 0) {
                response.write(true, null, callback);
            } else {
                response.write(true, ByteBuffer.wrap(r.body()), callback);
            }
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Could not answer " + sr, e);
            callback.failed(e);
        }
    }

    /** A streamed body: written on a worker thread; a writer that fails mid-way cuts the response short. */
    private static void stream(Response response, Callback callback, ServiceRequest sr, ServiceResponse r) {
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            r.stream().writeTo(out);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "Streaming the reply to " + sr + " stopped: " + e);
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static ServiceRequest toServiceRequest(Request request, byte[] body, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        return new ServiceRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers, body, requestId, Request.getRemoteAddr(request));
    }
}
