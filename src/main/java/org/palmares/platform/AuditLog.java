package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Writes audit events in the caller's transaction, so an event exists exactly when its change does. */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecurityContext security;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String objectType, Object objectId, String before, String after) {
        em.persist(new AuditEvent(
                clock.instant(),
                actor(),
                action,
                objectType,
                objectId == null ? null : clip(objectId.toString()),
                before,
                after));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String objectType, Object objectId) {
        record(action, objectType, objectId, null, null);
    }

    public List<AuditEvent> latest(int max) {
        return em.createQuery("select e from AuditEvent e order by e.at desc, e.id desc", AuditEvent.class)
                .setMaxResults(max)
                .getResultList();
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    private String actor() {
        try {
            var principal = security.getCallerPrincipal();
            return principal == null ? "system" : principal.getName();
        } catch (RuntimeException outsideARequest) {
            // Start-up work (migration, demo loading) runs with no caller at all.
            return "system";
        }
    }
}
