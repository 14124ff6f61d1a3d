package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.palmares.platform.Messages;
import org.palmares.platform.ProblemDetails;

/**
 * How callers prove who they are: the login form (pages call {@code SecurityContext.authenticate}), or HTTP
 * Basic on the REST API for scripts. An unauthenticated call to a protected page goes to the login page; to a
 * protected REST path it gets a 401 problem document.
 */
@ApplicationScoped
@AutoApplySession
public class PalmaresAuthenticationMechanism implements HttpAuthenticationMechanism {
    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        boolean api = isApi(request);
        String header = request.getHeader("Authorization");
        if (api && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            CredentialValidationResult result = identityStores.validate(basic(header));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, context);
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
            var locale = org.palmares.platform.Language.of(request);
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Palmares\"");
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
