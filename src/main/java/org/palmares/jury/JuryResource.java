package org.palmares.jury;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.edition.EditionService;

/** A juror's own assignments over REST. */
@Tag(name = "My assignments", description = "A juror's own assignments")
@Path("jury/assignments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JuryResource {
    @Inject
    JurorService jurors;

    @Inject
    EditionService editions;

    @GET
    @Operation(summary = "The caller's assignments in the current edition (jurors)")
    @APIResponse(responseCode = "404", description = "No current edition, or the caller is no juror of it")
    public List<AssignedNomination> mine() {
        return jurors.assignmentsOfCaller(editions.getCurrent()).stream()
                .map(a -> new AssignedNomination(
                        a.getId(),
                        a.getNomination().getReference(),
                        a.getNomination().getTitle(),
                        a.getNomination().getCategory().getCode()))
                .toList();
    }

    /** A nomination given to the caller to score. */
    public record AssignedNomination(long assignment, String reference, String title, String category) {}
}
