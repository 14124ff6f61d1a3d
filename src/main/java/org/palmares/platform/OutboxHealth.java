package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while mail goes out: no more than {@code palmares.health.outbox-max-backlog} (100) messages have waited in
 * the outbox longer than {@code palmares.health.outbox-max-age-minutes} (15). Reports the pending, stale and failed
 * counts and the oldest wait either way.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Mailer mailer;

    @Inject
    @ConfigProperty(name = "palmares.health.outbox-max-backlog", defaultValue = "100")
    long maxBacklog;

    @Inject
    @ConfigProperty(name = "palmares.health.outbox-max-age-minutes", defaultValue = "15")
    long maxAgeMinutes;

    @Override
    public HealthCheckResponse call() {
        try {
            OutboxBacklog backlog = backlog();
            return HealthCheckResponse.named("mail-outbox")
                    .status(backlog.healthy(maxBacklog))
                    .withData("pending", backlog.pending())
                    .withData("stale", backlog.stale())
                    .withData("failed", backlog.failed())
                    .withData("oldestPendingSeconds", backlog.oldest().toSeconds())
                    .withData("maxBacklog", maxBacklog)
                    .withData("maxAgeMinutes", maxAgeMinutes)
                    .withData("smtpConfigured", mailer.isConfigured())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("mail-outbox")
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }

    private OutboxBacklog backlog() {
        Instant now = clock.instant();
        Object[] row = em.createQuery(
                        "select count(m), min(m.createdAt) from OutboxMessage m where m.status = :pending",
                        Object[].class)
                .setParameter("pending", OutboxStatus.PENDING)
                .getSingleResult();
        long pending = ((Number) row[0]).longValue();
        Instant oldest = (Instant) row[1];
        long stale = em.createQuery(
                        "select count(m) from OutboxMessage m where m.status = :pending and m.createdAt <= :before",
                        Long.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("before", now.minus(Duration.ofMinutes(maxAgeMinutes)))
                .getSingleResult();
        long failed = em.createQuery("select count(m) from OutboxMessage m where m.status = :failed", Long.class)
                .setParameter("failed", OutboxStatus.FAILED)
                .getSingleResult();
        return new OutboxBacklog(
                pending, stale, failed, oldest == null ? Duration.ZERO : Duration.between(oldest, now));
    }
}
