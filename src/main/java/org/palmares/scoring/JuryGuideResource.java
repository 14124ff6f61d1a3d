package org.palmares.scoring;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The jury guides as organisers edit them over REST: {@code GET} the text in use, {@code PUT} a new version (the
 * Markdown as the request body), {@code DELETE} to go back to the file's text. Under {@code /organiser/}, so the
 * URL constraints already keep everyone else out; the service checks the role again.
 */
@Tag(name = "Jury guides", description = "The jury guides as organisers edit them (Markdown)")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JuryGuideResource {
    @Inject
    JuryGuideService guides;

    /** A guide's text and where it comes from. */
    public record GuideView(String guide, String lang, String markdown, boolean edited, Instant editedAt) {
        static GuideView of(JuryGuideService.GuideText t) {
            return new GuideView(
                    t.guide(),
                    t.lang(),
                    t.markdown(),
                    t.isEdited(),
                    t.isEdited() ? t.edited().getCreatedAt() : null);
        }
    }

    @GET
    @Path("organiser/jury-guides/{guide}/{lang}")
    @Operation(summary = "A guide's text in use and whether it was edited")
    @APIResponse(responseCode = "404", description = "No such guide or language")
    public GuideView one(@PathParam("guide") String guide, @PathParam("lang") String lang) {
        return GuideView.of(guides.text(guide, lang));
    }

    @PUT
    @Path("organiser/jury-guides/{guide}/{lang}")
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown"})
    @Operation(summary = "Saves a new version of a guide (the Markdown as the body)")
    @APIResponse(responseCode = "400", description = "Empty or too long text")
    @APIResponse(responseCode = "404", description = "No such guide or language")
    public GuideView save(@PathParam("guide") String guide, @PathParam("lang") String lang, String markdown) {
        guides.save(guide, lang, markdown);
        return GuideView.of(guides.text(guide, lang));
    }

    @DELETE
    @Path("organiser/jury-guides/{guide}/{lang}")
    @Operation(summary = "Goes back to the file's text (204)")
    @APIResponse(responseCode = "404", description = "No such guide or language")
    public Response reset(@PathParam("guide") String guide, @PathParam("lang") String lang) {
        guides.reset(guide, lang);
        return Response.noContent().build();
    }
}
