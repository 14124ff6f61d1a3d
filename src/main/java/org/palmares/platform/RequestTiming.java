package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Times every REST call by resource method ({@code rest_requests} with an {@code operation="Resource.method"} tag),
 * errors included: two {@code nanoTime} reads and a map look-up a call.
 */
@Provider
@ApplicationScoped
public class RequestTiming implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = RequestTiming.class.getName() + ".started";
    private static final Metadata METADATA = Metadata.builder()
            .withName("rest_requests")
            .withDescription("REST calls by resource method, from matching to the response")
            .build();

    @Inject
    MetricRegistry registry;

    @Context
    ResourceInfo resource;

    private final Map<Method, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) return;
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) return;
        Timer timer = timers.computeIfAbsent(
                method,
                m -> registry.timer(
                        METADATA, new Tag("operation", m.getDeclaringClass().getSimpleName() + "." + m.getName())));
        timer.update(Duration.ofNanos(System.nanoTime() - started));
    }
}
