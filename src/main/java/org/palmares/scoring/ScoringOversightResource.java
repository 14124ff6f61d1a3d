package org.palmares.scoring;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.account.Role;
import org.palmares.edition.Edition;
import org.palmares.jury.AssignmentService;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;

/**
 * The organisers' side of scoring over REST, under {@code /editions/{edition}/…} (code or id): the sheets of a
 * nomination or of a juror (values only with {@code ?values=true}), reminders, freezing per category, the history of
 * changes to submitted sheets. The class path is "" as for every {@code editions/…} resource, so that they share it.
 */
@Tag(name = "Scoring oversight", description = "The organisers' side of scoring: sheets, reminders, freezing, history")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScoringOversightResource {
    @Inject
    ScoringOversight oversight;

    @Inject
    AssignmentService assignments;

    @Inject
    Access access;

    @Context
    HttpHeaders headers;

    private Edition edition(String key) {
        // Outside the URL constraints of web.xml: anonymous callers must log in, others be organisers.
        if (access.callerEmail().isEmpty() && !access.isSystem()) {
            throw new DomainException(401, "error.unauthenticated");
        }
        access.require(Role.ORGANISER);
        return assignments.edition(key);
    }

    @GET
    @Path("editions/{edition}/nominations/{id}/sheets")
    @Operation(summary = "The sheets of a nomination (values only with ?values=true)")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or nomination")
    public List<ScoringOversight.SheetLine> ofNomination(
            @PathParam("edition") String edition,
            @PathParam("id") long id,
            @QueryParam("values") @DefaultValue("false") boolean values) {
        return oversight.ofNomination(edition(edition), id, values, locale());
    }

    @GET
    @Path("editions/{edition}/jurors/{id}/sheets")
    @Operation(summary = "The sheets of a juror (values only with ?values=true)")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or juror")
    public List<ScoringOversight.SheetLine> ofJuror(
            @PathParam("edition") String edition,
            @PathParam("id") long id,
            @QueryParam("values") @DefaultValue("false") boolean values) {
        return oversight.ofJuror(edition(edition), id, values, locale());
    }

    /** E-mails the jurors of the nomination whose sheet is not submitted: {@code {"reminded": n}}. */
    @POST
    @Path("editions/{edition}/nominations/{id}/remind")
    @Operation(summary = "E-mails the nomination's jurors whose sheet is not submitted")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or nomination")
    public Map<String, Integer> remind(@PathParam("edition") String edition, @PathParam("id") long id) {
        return Map.of("reminded", oversight.remind(edition(edition), id));
    }

    @GET
    @Path("editions/{edition}/nominations/{id}/sheets/history")
    @Operation(summary = "The changes made to the nomination's submitted sheets")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or nomination")
    public List<ScoringOversight.ChangeLine> history(@PathParam("edition") String edition, @PathParam("id") long id) {
        return oversight.history(edition(edition), id, locale());
    }

    @GET
    @Path("editions/{edition}/scoring/categories")
    @Operation(summary = "Scoring progress and freeze state per category")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition (code or id)")
    public List<ScoringOversight.CategoryState> categories(@PathParam("edition") String edition) {
        return oversight.categories(edition(edition), locale());
    }

    /** Freezes scoring in a category (code or id): no sheet of it changes or reopens until unfrozen. */
    @PUT
    @Path("editions/{edition}/scoring/categories/{category}/freeze")
    @Operation(summary = "Freezes scoring in a category (code or id)")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or category")
    public ScoringOversight.CategoryState freeze(
            @PathParam("edition") String edition, @PathParam("category") String category) {
        return oversight.freeze(edition(edition), category, true, locale());
    }

    @DELETE
    @Path("editions/{edition}/scoring/categories/{category}/freeze")
    @Operation(summary = "Unfreezes scoring in a category")
    @APIResponse(responseCode = "403", description = "Not an organiser")
    @APIResponse(responseCode = "404", description = "No such edition or category")
    public ScoringOversight.CategoryState unfreeze(
            @PathParam("edition") String edition, @PathParam("category") String category) {
        return oversight.freeze(edition(edition), category, false, locale());
    }

    private Locale locale() {
        return Language.of(headers);
    }
}
