package org.palmares.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every second, on each node (each has its own disk; nothing here is shared): measures the storage and, when the
 * database needs it (a failure was seen, it was not writable, the disk just got room again), asks it and has an
 * embedded Derby that came up read-only reopened. So the application mends itself once space is freed, whether or
 * not requests or health probes come; and the writes' own path never waits on a database round trip.
 */
@Singleton
public class StorageWatch {
    @Inject
    StorageStatus storage;

    @Inject
    DatabaseRecovery database;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void watch() {
        StorageStatus.Snapshot snapshot = storage.snapshot();
        if (!database.needsLook()) return;
        DatabaseRecovery.State before = database.lastState();
        DatabaseRecovery.Check check = database.check(snapshot.room());
        if (check.state() != before) storage.recheckSoon();
    }
}
