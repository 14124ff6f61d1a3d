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

/**
 * The jury guides as organisers edit them over REST: {@code GET} the text in use, {@code PUT} a new version (the
 * Markdown as the request body), {@code DELETE} to go back to the file's text. Under {@code /organiser/}, so the
 * URL constraints already keep everyone else out; the service checks the role again.
 */
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
    public GuideView one(@PathParam("guide") String guide, @PathParam("lang") String lang) {
        return GuideView.of(guides.text(guide, lang));
    }

    @PUT
    @Path("organiser/jury-guides/{guide}/{lang}")
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown"})
    public GuideView save(@PathParam("guide") String guide, @PathParam("lang") String lang, String markdown) {
        guides.save(guide, lang, markdown);
        return GuideView.of(guides.text(guide, lang));
    }

    @DELETE
    @Path("organiser/jury-guides/{guide}/{lang}")
    public Response reset(@PathParam("guide") String guide, @PathParam("lang") String lang) {
        guides.reset(guide, lang);
        return Response.noContent().build();
    }
}
