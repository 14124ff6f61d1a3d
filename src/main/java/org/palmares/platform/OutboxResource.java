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

/** The outbox over REST, for organisers. */
@Path("organiser/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
    @Inject
    Mailer mailer;

    @GET
    public List<Mail> list(@QueryParam("max") @DefaultValue("50") int max) {
        return mailer.outbox(Math.max(1, Math.min(max, 500))).stream()
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
