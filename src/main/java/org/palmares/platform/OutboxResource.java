package org.palmares.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The outbox over REST, for organisers. */
@Tag(name = "Outbox", description = "The outgoing e-mails (organisers)")
@Path("organiser/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
    @Inject
    Mailer mailer;

    @GET
    @Operation(summary = "The latest e-mails of the outbox (?max=1..500)")
    @APIResponse(responseCode = "400", description = "max is no whole number from 1 to 500")
    public List<Mail> list(@QueryParam("max") @DefaultValue("50") int max) {
        return mailer.outbox(Paging.limit("max", max, 500)).stream()
                .map(m -> new Mail(
                        m.getId(),
                        m.getRecipient(),
                        m.getSubject(),
                        m.getBody(),
                        m.getStatus().name(),
                        m.getAttempts(),
                        m.getCreatedAt()))
                .toList();
    }

    /** One e-mail of the outbox. */
    public record Mail(
            long id, String recipient, String subject, String body, String status, int attempts, Instant createdAt) {}
}
