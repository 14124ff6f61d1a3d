package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Makes sure a category's reference counter row exists before a submission locks it. The row is created in a
 * transaction of its own, so two first submissions racing in a new category do not both try to insert it
 * inside their submitting transactions (one of which would then fail).
 */
@ApplicationScoped
public class ReferenceCounters {
    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(long categoryId) {
        if (em.find(ReferenceCounter.class, categoryId) == null) {
            em.persist(new ReferenceCounter(categoryId));
            em.flush();
        }
    }
}
