package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the storage takes writes ({@link StorageStatus}): down, with the problem, the reason and the free bytes,
 * while the disk is full or the database read-only. Readiness, not liveness: freeing space mends it without a restart,
 * and a restart would not (docs/reliability.md, "Full disk").
 */
@Readiness
@ApplicationScoped
public class StorageHealth implements HealthCheck {
    @Inject
    StorageStatus storage;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        StorageStatus.Snapshot s = storage.snapshot();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("storage")
                .status(s.problem().isEmpty())
                .withData("reserveBytes", s.reserveBytes());
        s.usableBytes().forEach((place, bytes) -> response.withData("usableBytes." + place, bytes));
        s.problem().ifPresent(p -> response.withData("problem", p.name()).withData("reason", s.reason()));
        s.since()
                .ifPresent(t -> response.withData(
                        "forSeconds", Duration.between(t, clock.instant()).toSeconds()));
        return response.build();
    }
}
