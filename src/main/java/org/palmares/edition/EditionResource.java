package org.palmares.edition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.platform.PublicEndpoint;

/** Editions over REST: the public view of the current one, and the organisers' view of all. */
@Tag(name = "Editions", description = "Editions: the public view of the current one, the organisers' view of all")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EditionResource {
    @Inject
    EditionService editions;

    /** What the public may know of the current edition: names, calendar, prizes. */
    @GET
    @Path("public/edition")
    @PublicEndpoint
    @Operation(summary = "What the public may know of the current edition")
    @APIResponse(responseCode = "404", description = "No current edition")
    public PublicEdition current() {
        return PublicEdition.of(editions.getCurrent());
    }

    @GET
    @Path("organiser/editions")
    @Operation(summary = "Every edition (organisers)")
    public List<EditionSummary> all() {
        return editions.all().stream().map(EditionSummary::of).toList();
    }

    @GET
    @Path("organiser/editions/{id}")
    @Operation(summary = "One edition (organisers)")
    @APIResponse(responseCode = "404", description = "No such edition")
    public EditionSummary one(@PathParam("id") long id) {
        return EditionSummary.of(editions.get(id));
    }

    /** Moves the edition to its next phase; 409 with the missing preconditions when it may not. */
    @POST
    @Path("organiser/editions/{id}/advance")
    @Operation(summary = "Moves the edition to its next phase")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponse(
            responseCode = "409",
            description = "A precondition of the next phase is missing (listed in 'missing') or a deadline refuses it")
    public EditionSummary advance(@PathParam("id") long id) {
        editions.advance(id);
        return EditionSummary.of(editions.get(id));
    }

    /** The public view of an edition. */
    public record PublicEdition(
            String code,
            int year,
            String nameFr,
            String nameEn,
            String phase,
            String timeZone,
            LocalDateTime nominationDeadline,
            LocalDateTime ceremonyAt,
            List<PublicCategory> categories) {
        static PublicEdition of(Edition e) {
            return new PublicEdition(
                    e.getCode(),
                    e.getYear(),
                    e.getNameFr(),
                    e.getNameEn(),
                    e.getPhase().name(),
                    e.getTimeZone(),
                    e.getNominationDeadline(),
                    e.getCeremonyAt(),
                    e.getCategories().stream().map(PublicCategory::of).toList());
        }
    }

    /** A prize as the public sees it. */
    public record PublicCategory(
            String code, String nameFr, String nameEn, String descriptionFr, String descriptionEn, boolean publicVote) {
        static PublicCategory of(Category c) {
            return new PublicCategory(
                    c.getCode(),
                    c.getNameFr(),
                    c.getNameEn(),
                    c.getDescriptionFr(),
                    c.getDescriptionEn(),
                    c.isPublicVote());
        }
    }

    /** An edition as organisers see it. */
    public record EditionSummary(
            long id,
            String code,
            int year,
            String nameFr,
            String nameEn,
            String phase,
            boolean current,
            String timeZone,
            LocalDateTime nominationDeadline,
            LocalDateTime scoringDeadline,
            int reviewsPerNomination,
            boolean blindReview,
            boolean overallCommentRequired,
            int categories) {
        static EditionSummary of(Edition e) {
            return new EditionSummary(
                    e.getId(),
                    e.getCode(),
                    e.getYear(),
                    e.getNameFr(),
                    e.getNameEn(),
                    e.getPhase().name(),
                    e.isCurrent(),
                    e.getTimeZone(),
                    e.getNominationDeadline(),
                    e.getScoringDeadline(),
                    e.getReviewsPerNomination(),
                    e.isBlindReview(),
                    e.isOverallCommentRequired(),
                    e.getCategories().size());
        }
    }
}
