package org.palmares.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.platform.DomainException;

/**
 * API tokens over REST, for organisers logged in or using Basic; a call made with a token is refused (403), so a
 * token can neither create another nor revoke one.
 */
@Tag(name = "Tokens", description = "API tokens for scripts (organisers, not over a token)")
@Path("organiser/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    @Inject
    TokenService tokens;

    @GET
    @Operation(summary = "Every API token (never a secret)")
    @APIResponse(responseCode = "403", description = "Not an organiser, or called with a token")
    public List<Token> list() {
        return tokens.all().stream().map(Token::of).toList();
    }

    /**
     * Creates a token from {@code {"name": "...", "scope": "read"|"write", "days": 90}} (scope and days optional:
     * read, 90). The answer holds the secret, this once.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a token; the answer holds its secret, this once")
    @APIResponse(responseCode = "201", description = "Created, with the secret")
    @APIResponse(responseCode = "400", description = "Missing or too long name, unknown scope, days out of 1..366")
    @APIResponse(responseCode = "403", description = "Not an organiser, or called with a token")
    public Response create(JsonObject body) {
        String name = string(body, "name");
        String scopeName = string(body, "scope");
        TokenScope scope = scopeName == null
                ? TokenScope.READ
                : TokenScope.of(scopeName).orElseThrow(() -> DomainException.invalid("tokens.error.scope"));
        int days = days(body);
        TokenService.Issued issued = tokens.create(name, scope, days);
        return Response.status(Response.Status.CREATED)
                .entity(new Created(Token.of(issued.token()), issued.secret()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Revokes a token; the token stops working at once. Revoking a revoked token again is no error. */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Revokes a token: it stops working at once")
    @APIResponse(responseCode = "403", description = "Not an organiser, or called with a token")
    @APIResponse(responseCode = "404", description = "No such token")
    public Token revoke(@PathParam("id") long id) {
        return Token.of(tokens.revoke(id));
    }

    private static String string(JsonObject body, String key) {
        if (body == null || !body.containsKey(key) || body.isNull(key)) return null;
        JsonValue value = body.get(key);
        if (value instanceof JsonString s) return s.getString();
        throw DomainException.invalid("tokens.error.field", key);
    }

    private static int days(JsonObject body) {
        if (body == null || !body.containsKey("days") || body.isNull("days")) return ApiToken.DEFAULT_DAYS;
        if (body.get("days") instanceof JsonNumber n && n.isIntegral()) {
            long days = n.longValue();
            if (days < 1 || days > TokenService.MAX_DAYS)
                throw DomainException.invalid("tokens.error.days", TokenService.MAX_DAYS);
            return (int) days;
        }
        throw DomainException.invalid("tokens.error.field", "days");
    }

    /** A token as lists show it: never its secret. */
    public record Token(
            long id,
            String name,
            String label,
            String owner,
            String scope,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            String lastUsedFrom,
            Instant revokedAt,
            String revokedBy) {
        static Token of(ApiToken t) {
            return new Token(
                    t.getId(),
                    t.getName(),
                    t.getLabel(),
                    t.getOwner().getEmail(),
                    t.getScope().name().toLowerCase(java.util.Locale.ROOT),
                    t.getCreatedAt(),
                    t.getExpiresAt(),
                    t.getLastUsedAt(),
                    t.getLastUsedFrom(),
                    t.getRevokedAt(),
                    t.getRevokedBy());
        }
    }

    /** A new token and its secret, to copy now: it is never shown again. */
    public record Created(Token token, String secret) {}
}
