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
import org.palmares.platform.DomainException;

/** A territory's own nominations over REST; another territory's are "not found". */
@Path("territory/nominations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TerritoryResource {
    @Inject
    NominationService nominations;

    @GET
    public List<OwnNomination> mine() {
        return nominations.ofCallerTerritory().stream().map(OwnNomination::of).toList();
    }

    @GET
    @Path("{id}")
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
