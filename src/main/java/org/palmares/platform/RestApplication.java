package org.palmares.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.palmares.account.Role;

/** The REST API of Palmarès, version 1; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("/api/v1")
@DeclareRoles({Role.ORGANISER_NAME, Role.JUROR_NAME, Role.TERRITORY_NAME})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Palmarès API",
                        version = "1",
                        description = "Nominations, jury, scoring, tally, ceremony and public vote of an awards"
                                + " edition. Every error is an RFC 9457 problem (application/problem+json) in the"
                                + " caller's language (Accept-Language: fr or en). Log in with HTTP Basic (scripts),"
                                + " the session cookie of the web pages, or a Bearer API token. Updates of"
                                + " nominations and score sheets need If-Match with the ETag read."),
        servers = @Server(url = "/", description = "This Palmarès (paths start with /api/v1)"))
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = RestApplication.BASIC,
            type = SecuritySchemeType.HTTP,
            scheme = "basic",
            description = "The e-mail and password of an account, on every call"),
    @SecurityScheme(
            securitySchemeName = RestApplication.SESSION,
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE,
            apiKeyName = "JSESSIONID",
            description = "The session of a login through /login.xhtml (what the pages' scripts use)"),
    @SecurityScheme(
            securitySchemeName = RestApplication.BEARER,
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "An API token an organiser created: Authorization: Bearer <token>")
})
public class RestApplication extends Application {
    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String BEARER = "bearer";
}
