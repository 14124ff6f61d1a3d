package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the embedded database is stuck: unusable for {@code palmares.health.database-stuck-seconds} (120)
 * though the disk has room and a reboot of it was tried, so that an orchestrator restarts the process. A full disk,
 * or an external database down, leaves it alive: see {@link RecoveryVerdict}. Reads what {@link StorageWatch} and
 * readiness last found: a liveness probe never waits on the database.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {
    @Inject
    DatabaseRecovery database;

    @Inject
    StorageStatus storage;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "palmares.health.database-stuck-seconds", defaultValue = "120")
    long stuckSeconds;

    @Override
    public HealthCheckResponse call() {
        boolean room = storage.snapshot().room();
        DatabaseRecovery.Check check = database.lastCheck();
        RecoveryVerdict verdict = RecoveryVerdict.of(
                database.embeddedDerbyOnDisk(),
                room,
                check.state(),
                check.stuckSince(),
                check.reboots(),
                clock.instant(),
                Duration.ofSeconds(stuckSeconds));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database-recovery")
                .status(verdict.alive())
                .withData("state", check.state().name());
        if (!verdict.reason().isEmpty()) response.withData("reason", verdict.reason());
        return response.build();
    }
}
