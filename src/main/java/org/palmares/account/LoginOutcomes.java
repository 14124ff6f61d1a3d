package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * What a login's check writes, each in a short transaction of its own: the password check before it runs outside
 * any transaction, so that a burst of logins (the deadline's last hour) holds no database connection while it hashes.
 * Bulk updates, not the versioned entity: parallel requests of one account must not fail each other with an
 * optimistic-lock error (nor lose a failure).
 */
@ApplicationScoped
public class LoginOutcomes {
    @PersistenceContext
    EntityManager em;

    @Transactional
    public void failed(long accountId, Instant lockedUntil) {
        // A null parameter would go to the database untyped (PostgreSQL takes it for text and refuses it).
        var update = em.createQuery("update Account a set a.failedLogins = a.failedLogins + 1, a.lockedUntil = "
                        + (lockedUntil == null ? "null" : ":until") + " where a.id = :id")
                .setParameter("id", accountId);
        if (lockedUntil != null) update.setParameter("until", lockedUntil);
        update.executeUpdate();
    }

    @Transactional
    public void succeeded(long accountId, Instant now) {
        em.createQuery("update Account a set a.failedLogins = 0, a.lockedUntil = null, a.lastLoginAt = :now "
                        + "where a.id = :id")
                .setParameter("now", now)
                .setParameter("id", accountId)
                .executeUpdate();
    }
}
