package org.palmares.ceremony;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonSupport;
import org.palmares.platform.Language;

/**
 * The big screen's state over REST, for organisers only (401 without a login, 403 for other roles):
 * {@code GET /api/v1/ceremony/{edition}/state} ({@code ?brief=true}: without the slide and script) and
 * {@code POST} with {@code {"action":"next|back|black|restart"}}, as the remote and the presenter's keys use.
 */
@Tag(name = "Ceremony", description = "The big screen of the ceremony, driven by the remote (organisers)")
@Path("ceremony/{edition}/state")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CeremonyResource {
    @Inject
    Access access;

    @Inject
    CeremonyService ceremonies;

    @Context
    HttpServletRequest request;

    @PathParam("edition")
    String editionKey;

    @GET
    @Operation(summary = "The big screen's state (?brief=true: without slide and script)")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public JsonObject state(@QueryParam("brief") boolean brief) {
        organiser();
        return json(brief ? ceremonies.brief(editionKey) : ceremonies.state(editionKey, locale()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moves the show: {\"action\":\"next|back|black|restart\"}")
    @APIResponse(responseCode = "400", description = "Unknown or missing action, malformed JSON")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public JsonObject act(JsonObject body) {
        organiser();
        String action = body == null || !(body.get("action") instanceof JsonString s) ? null : s.getString();
        // Two remotes pressing at once: the loser of the version check simply tries again on the new state.
        for (int attempt = 1; ; attempt++) {
            try {
                return json(ceremonies.act(editionKey, action, locale()));
            } catch (RuntimeException e) {
                if (attempt >= 3 || !optimisticLock(e)) throw e;
            }
        }
    }

    private static boolean optimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OptimisticLockException) return true;
        return false;
    }

    private void organiser() {
        if (access.callerEmail().isEmpty() && !access.isSystem()) {
            throw new DomainException(401, "error.unauthenticated");
        }
        access.require(Role.ORGANISER);
    }

    private Locale locale() {
        return Language.of(request);
    }

    static JsonObject json(CeremonyState state) {
        JsonObjectBuilder b = JsonSupport.JSON
                .createObjectBuilder()
                .add("edition", state.edition())
                .add("index", state.index())
                .add("slides", state.slides())
                .add("black", state.black())
                .add("deck", state.deck());
        if (state.changedAt() != null) b.add("changedAt", state.changedAt().toString());
        state.slide().ifPresent(s -> {
            JsonObjectBuilder slide =
                    JsonSupport.JSON.createObjectBuilder().add("kind", s.kind().name());
            if (s.categoryCode() != null)
                slide.add("category", s.categoryCode()).add("categoryName", s.categoryName());
            slide.add("nominees", nominees(s.nominees()));
            slide.add("winners", nominees(s.winners()));
            slide.add("mentions", nominees(s.mentions()));
            b.add("slide", slide);
        });
        state.line()
                .ifPresent(l -> b.add(
                        "script",
                        JsonSupport.JSON
                                .createObjectBuilder()
                                .add("number", l.number())
                                .add("speaker", l.speaker())
                                .add("say", l.say())
                                .add("asWritten", l.asWritten())));
        return b.build();
    }

    private static JsonArrayBuilder nominees(List<SlideNominee> list) {
        JsonArrayBuilder a = JsonSupport.JSON.createArrayBuilder();
        list.forEach(n -> a.add(JsonSupport.JSON
                .createObjectBuilder()
                .add("reference", n.reference())
                .add("title", n.title())
                .add("territory", n.territory())
                .add("picture", n.pictureUrl())));
        return a;
    }
}
