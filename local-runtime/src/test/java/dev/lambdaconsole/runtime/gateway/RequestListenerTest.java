package dev.lambdaconsole.runtime.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Listeners of answered requests: told the service, request and status; a failing one does not stop the others. */
class RequestListenerTest {
    @Test
    void listenersHearEachAnsweredRequestUntilClosed() throws Exception {
        ServiceRegistry registry = new ServiceRegistry();
        List<String> heard = new CopyOnWriteArrayList<>();
        registry.addRequestListener((service, request, status) -> { throw new IllegalStateException("broken"); });
        AutoCloseable listening = registry.addRequestListener((service, request, status) ->
                heard.add(service + " " + request.method() + " " + request.path() + " " + status));
        ServiceRequest request = new ServiceRequest("POST", "/2015-03-31/event-source-mappings/", null, Map.of(),
                new byte[0], "r1");
        registry.handled("lambda event source mappings", request, 202);
        listening.close();
        registry.handled("lambda event source mappings", request, 202);
        assertThat(heard).containsExactly("lambda event source mappings POST /2015-03-31/event-source-mappings/ 202");
    }
}
