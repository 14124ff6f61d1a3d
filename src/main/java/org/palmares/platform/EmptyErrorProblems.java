package org.palmares.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Gives every error answer of the API that has no body of its own an RFC 9457 problem, so that none leaves as the
 * container's HTML page: answers built by Jersey itself rather than thrown, such as the 412 of {@code
 * Request.evaluatePreconditions} for an If-Match naming another version of the palmarès (found by the SecurityIT
 * fuzzer). Thrown errors are {@link ProblemMappers}' work; this only fills the empty ones.
 */
@Provider
public class EmptyErrorProblems implements ContainerResponseFilter {
    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) return;
        Locale locale = Language.of(headers);
        String title = Messages.get(locale, "error.status." + status);
        if (title.equals("error.status." + status))
            title = Messages.get(locale, "error.status." + (status / 100 * 100));
        String detailKey = "error.problem." + status;
        String detail = Messages.get(locale, detailKey);
        response.setEntity(
                ProblemDetails.of(status, title, detail.equals(detailKey) ? title : detail)
                        .add("code", detailKey)
                        .build(),
                null,
                MediaType.valueOf(ProblemDetails.MEDIA_TYPE));
    }
}
