package org.palmares.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies {@link SameOrigin} to every request, pages, REST and file servlets alike, before anything else reads it:
 * a cross-site form can neither submit a nomination nor log someone in. A refusal is a 403, as problem JSON under
 * {@code /api/}, the "access refused" page elsewhere.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SameOriginFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(SameOriginFilter.class.getName());

    @Inject
    @ConfigProperty(name = "palmares.base.url")
    Optional<String> baseUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        var facts = new SameOrigin.Request(
                request.getMethod(),
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"),
                request.getHeader("Host"),
                authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7),
                request.getRequestedSessionId() != null,
                request.getHeader("X-Requested-With") != null);
        Optional<String> refusal = SameOrigin.refusal(facts, baseUrl);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warning(() -> "Cross-site request refused: " + request.getMethod() + " " + request.getRequestURI() + " ("
                + refusal.get() + ")");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            // No Accept-Language: French, the default, not the server's own locale that getLocale() would give.
            Locale locale =
                    Messages.supported(request.getHeader("Accept-Language") == null ? null : request.getLocale());
            String body = ProblemDetails.of(
                            403, Messages.get(locale, "error.status.403"), Messages.get(locale, "error.crossSite"))
                    .add("code", "error.crossSite")
                    .build()
                    .toString();
            UnreadBodyDrain.drain(request);
            response.setStatus(403);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
        } else {
            response.sendError(403);
        }
    }
}
