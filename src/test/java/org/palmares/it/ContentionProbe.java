package org.palmares.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.palmares.platform.AuditLog;
import org.palmares.platform.RetryOnContention;

/** A service whose transaction the database refuses for contention a given number of times (PersistenceIT). */
@ApplicationScoped
public class ContentionProbe {
    private final AtomicInteger attempts = new AtomicInteger();

    @Inject
    AuditLog audit;

    /** Attempts since the last call (read through the bean, not its field: the test holds a proxy). */
    public int attemptsSinceLastCall() {
        return attempts.getAndSet(0);
    }

    /** Writes an audit entry, then fails like Derby's lock time-out on the first {@code refusals} attempts. */
    @RetryOnContention
    @Transactional
    public void write(String objectId, int refusals) {
        int attempt = attempts.incrementAndGet();
        audit.record("contention.probe", "probe", objectId);
        if (attempt <= refusals) {
            throw new IllegalStateException(
                    "refused", new SQLTransactionRollbackException("A lock could not be obtained", "40XL1"));
        }
    }
}
