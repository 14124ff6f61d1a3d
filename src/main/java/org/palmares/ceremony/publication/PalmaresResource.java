package org.palmares.ceremony.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.edition.Edition;
import org.palmares.platform.Language;
import org.palmares.platform.PublicEndpoint;
import org.palmares.platform.PublicPageCache;

/**
 * The published palmarès of an edition, for anyone: {@code GET /api/v1/editions/{edition}/palmares?lang=en}. Only
 * published categories appear. Cacheable one minute, with an ETag ({@code If-None-Match} answers 304).
 */
@Path("")
@Tag(name = "Palmarès", description = "The published laureates of an edition, for anyone")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PalmaresResource {
    private static final Jsonb JSON = JsonbBuilder.create();
    static final String CACHE = "public, max-age=60";

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "palmares.public-cache.seconds", defaultValue = "30")
    int cacheSeconds;

    @Inject
    Clock clock;

    @Inject
    PublicationService publication;

    @Context
    HttpServletRequest http;

    @Context
    Request request;

    public record LaureateView(
            String reference, String award, String title, String territory, String summary, String picture) {}

    public record CategoryView(
            String code,
            String name,
            List<LaureateView> winners,
            List<LaureateView> mentions,
            boolean notAwarded,
            String notAwardedReason) {}

    public record PalmaresView(
            String edition,
            String name,
            int year,
            LocalDateTime ceremonyAt,
            String place,
            String url,
            List<CategoryView> categories) {}

    @GET
    @Path("editions/{edition}/palmares")
    @PublicEndpoint
    @Operation(summary = "The published laureates of an edition (ETag; 304 with If-None-Match)")
    @APIResponse(responseCode = "200", description = "The palmarès, published categories only")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given")
    @APIResponse(responseCode = "404", description = "No such edition")
    public Response palmares(@PathParam("edition") String key, @QueryParam("lang") String lang) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : "fr".equals(lang) ? Locale.FRENCH : Language.of(http);
        // The same answer for every visitor until the next publication change: computed once, not per request.
        String json = PublicPageCache.remember(
                "palmares#" + key + "#" + locale.getLanguage(), cacheSeconds, clock, () -> json(key, locale));
        return answer(json, new EntityTag(sha256(json)));
    }

    private String json(String key, Locale locale) {
        Edition edition = publication.edition(key);
        String base = baseUrl;
        List<CategoryView> categories = publication.palmares(edition).stream()
                .filter(PublicationService.PalmaresCategory::published)
                .map(c -> new CategoryView(
                        c.category().getCode(),
                        c.category().name(locale),
                        c.winners().stream().map(l -> view(l, base)).toList(),
                        c.mentions().stream().map(l -> view(l, base)).toList(),
                        c.notAwarded() != null,
                        c.notAwarded()))
                .toList();
        var view = new PalmaresView(
                edition.getCode(),
                edition.name(locale),
                edition.getYear(),
                edition.getCeremonyAt(),
                publication.place(edition).orElse(null),
                base + "/palmares.xhtml?edition=" + edition.getCode(),
                categories);
        return JSON.toJson(view);
    }

    private Response answer(String json, EntityTag tag) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null
                ? notModified
                : Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                        .tag(tag);
        return answer.header("Cache-Control", CACHE)
                .header("Vary", "Accept-Language, Cookie")
                .build();
    }

    private static LaureateView view(PublicationService.Laureate l, String base) {
        var n = l.nomination();
        String picture = l.picture() == null
                ? null
                : base + "/palmares/picture?nomination=" + n.getId() + "&attachment="
                        + l.picture().getId();
        return new LaureateView(
                n.getReference(),
                l.award().name(),
                n.getTitle(),
                n.getTerritory().getName(),
                n.getSummary(),
                picture);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
