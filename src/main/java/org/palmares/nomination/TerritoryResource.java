package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.palmares.platform.DomainException;

/** A territory's own nominations over REST; another territory's are "not found". */
@Tag(name = "Territory", description = "A territory's own nominations")
@Path("territory/nominations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TerritoryResource {
    @Inject
    NominationService nominations;

    @GET
    @Operation(summary = "The caller's territory's nominations")
    public List<OwnNomination> mine() {
        return nominations.ofCallerTerritory().stream().map(OwnNomination::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's territory's nominations")
    @APIResponse(responseCode = "404", description = "No such nomination, or another territory's")
    public OwnNomination one(@PathParam("id") long id) {
        return nominations.ofCallerTerritory().stream()
                .filter(n -> n.getId() == id)
                .findFirst()
                .map(OwnNomination::of)
                .orElseThrow(() -> DomainException.notFound("nomination"));
    }

    /** A nomination as its territory sees it. */
    public record OwnNomination(
            long id, String reference, String title, String category, String status, Instant updatedAt) {
        static OwnNomination of(Nomination n) {
            return new OwnNomination(
                    n.getId(),
                    n.getReference(),
                    n.getTitle(),
                    n.getCategory().getCode(),
                    n.getStatus().name(),
                    n.getUpdatedAt());
        }
    }
}
