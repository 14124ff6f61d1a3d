package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers and takes writes: what the Dockerfile's HEALTHCHECK and load balancers ask.
 * Down, with the SQL state seen, while it cannot be reached, and while it is read-only (an embedded Derby booted on a
 * full disk; asking it with room on the disk has {@link DatabaseRecovery} reopen it).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {
    @Inject
    DatabaseRecovery database;

    @Inject
    StorageStatus storage;

    @Override
    public HealthCheckResponse call() {
        DatabaseRecovery.State before = database.lastState();
        DatabaseRecovery.Check check = database.check(storage.snapshot().room());
        if (check.state() != before) storage.recheckSoon();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("database").status(check.state() == DatabaseRecovery.State.WRITABLE);
        if (check.state() != DatabaseRecovery.State.WRITABLE) {
            response.withData("state", check.state().name()).withData("error", check.detail());
        }
        return response.build();
    }
}
