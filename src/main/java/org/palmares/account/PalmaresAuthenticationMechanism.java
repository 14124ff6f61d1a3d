package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.palmares.platform.Messages;
import org.palmares.platform.ProblemDetails;
import org.palmares.platform.UnreadBodyDrain;

/**
 * How callers prove who they are: the login form (pages call {@code SecurityContext.authenticate}), or HTTP
 * Basic or an API token ({@code Authorization: Bearer}, see {@link TokenService}) on the REST API for scripts. An unauthenticated call to a protected page goes to the login page; to a
 * protected REST path it gets a 401 problem document.
 *
 * <p>A login through the form is kept in the HTTP session as the caller's name <em>and groups</em>, and every later
 * request of that session hands both to the container. Soteria's {@code @AutoApplySession} is not used: it hands
 * over the name only and lets the container look the groups up again, which under load sometimes finds none, so a
 * logged-in juror got 403 (Payara issue 6145). The session copy is serialisable, so it travels with a replicated
 * session.
 */
@ApplicationScoped
public class PalmaresAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String SESSION_CALLER = PalmaresAuthenticationMechanism.class.getName() + ".caller";

    /** Who is logged in on a session: the caller's name and groups, as the identity store gave them at login. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
        SessionCaller {
            groups = Set.copyOf(groups);
        }
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenService tokens;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.getSession()
                        .setAttribute(
                                SESSION_CALLER,
                                new SessionCaller(result.getCallerPrincipal().getName(), result.getCallerGroups()));
                return context.notifyContainerAboutLogin(result);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        boolean api = isApi(request);
        String header = request.getHeader("Authorization");
        // Credentials sent with the call win over a session the client may also hold.
        if (api && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(header.substring(7), request, response, context);
        }
        if (api && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            CredentialValidationResult result = identityStores.validate(basic(header));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && sessionCaller(session) instanceof SessionCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            if (api) return unauthorized(request, response, context);
            String next =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (request.getQueryString() != null) next += "?" + request.getQueryString();
            return context.redirect(
                    request.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /**
     * An API token: its owner is logged in for this one call (no session is ever created, a script keeps no cookie),
     * as long as the token's scope allows the method.
     */
    private AuthenticationStatus bearer(
            String credentials, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        TokenService.BearerCheck check = tokens.check(credentials, request.getMethod(), path, request.getRemoteAddr());
        return switch (check.outcome()) {
            case VALID -> {
                request.setAttribute(TokenService.BEARER_ATTRIBUTE, check.tokenId());
                yield context.notifyContainerAboutLogin(check.caller(), check.groups());
            }
            case INSUFFICIENT_SCOPE ->
                problem(
                        request,
                        response,
                        403,
                        "Bearer realm=\"Palmares\", error=\"insufficient_scope\"",
                        "error.token.insufficientScope");
            case INVALID ->
                problem(
                        request,
                        response,
                        401,
                        "Bearer realm=\"Palmares\", error=\"invalid_token\"",
                        "error.token.invalid");
        };
    }

    private static AuthenticationStatus problem(
            HttpServletRequest request, HttpServletResponse response, int status, String challenge, String key) {
        try {
            UnreadBodyDrain.drain(request);
            var locale = org.palmares.platform.Language.of(request);
            response.setStatus(status);
            response.setHeader("WWW-Authenticate", challenge);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(ProblemDetails.of(
                                    status, Messages.get(locale, "error.status." + status), Messages.get(locale, key))
                            .build()
                            .toString());
            // Committed now, so the container keeps this status and body rather than an error page of its own.
            response.flushBuffer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Object sessionCaller(HttpSession session) {
        try {
            return session.getAttribute(SESSION_CALLER);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static UsernamePasswordCredential basic(String header) {
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? new UsernamePasswordCredential(decoded, "")
                    : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return new UsernamePasswordCredential("", "");
        }
    }

    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            UnreadBodyDrain.drain(request);
            var locale = org.palmares.platform.Language.of(request);
            response.setStatus(401);
            // A page's script (it says so with X-Requested-With) gets no Basic challenge: the browser would pop up
            // its own password dialog over the page. It is told to log in again through the form instead.
            boolean script = "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
            response.setHeader("WWW-Authenticate", script ? "Session realm=\"Palmares\"" : "Basic realm=\"Palmares\"");
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(ProblemDetails.of(
                                    401,
                                    Messages.get(locale, "error.status.401"),
                                    Messages.get(locale, "error.unauthenticated"))
                            .build()
                            .toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
