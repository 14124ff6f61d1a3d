package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.palmares.account.Role;

/** The organisers' reading of the audit log: filtered, newest first, paged and counted in the database. */
@ApplicationScoped
public class AuditSearch {
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    public long count(AuditFilter filter, ZoneId zone) {
        access.require(Role.ORGANISER);
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, zone, params);
        var query = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public List<AuditEvent> page(AuditFilter filter, ZoneId zone, int first, int max) {
        access.require(Role.ORGANISER);
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, zone, params);
        TypedQuery<AuditEvent> query = em.createQuery(
                "select e from AuditEvent e" + where + " order by e.at desc, e.id desc", AuditEvent.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList();
    }

    /**
     * Hands every matching event to the consumer, newest first, a batch at a time; each batch starts below the last
     * id seen, so events written during an export neither shift nor repeat rows.
     */
    public void forEachBatch(AuditFilter filter, ZoneId zone, Consumer<List<AuditEvent>> consumer) {
        access.require(Role.ORGANISER);
        Long below = null;
        while (true) {
            Map<String, Object> params = new HashMap<>();
            String where = where(filter, zone, params);
            if (below != null) {
                where += (where.isEmpty() ? " where" : " and") + " e.id < :below";
                params.put("below", below);
            }
            TypedQuery<AuditEvent> query =
                    em.createQuery("select e from AuditEvent e" + where + " order by e.id desc", AuditEvent.class);
            params.forEach(query::setParameter);
            List<AuditEvent> batch = query.setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) return;
            consumer.accept(batch);
            if (batch.size() < BATCH) return;
            below = batch.get(batch.size() - 1).getId();
        }
    }

    /** The object types the log holds, for the filter's list. */
    public List<String> objectTypes() {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select distinct e.objectType from AuditEvent e where e.objectType is not null "
                                + "order by e.objectType",
                        String.class)
                .getResultList();
    }

    /** The actions the log holds, for the filter's list. */
    public List<String> actions() {
        access.require(Role.ORGANISER);
        return em.createQuery("select distinct e.action from AuditEvent e order by e.action", String.class)
                .getResultList();
    }

    private static String where(AuditFilter f, ZoneId zone, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (f.actorPattern() != null) {
            conditions.add("lower(e.actor) like :actor escape '\\'");
            params.put("actor", f.actorPattern());
        }
        if (f.objectTypeOrNull() != null) {
            conditions.add("e.objectType = :type");
            params.put("type", f.objectTypeOrNull());
        }
        if (f.objectIdOrNull() != null) {
            conditions.add("e.objectId = :object");
            params.put("object", f.objectIdOrNull());
        }
        if (f.actionOrNull() != null) {
            conditions.add("e.action = :action");
            params.put("action", f.actionOrNull());
        }
        if (f.fromInstant(zone) != null) {
            conditions.add("e.at >= :from");
            params.put("from", f.fromInstant(zone));
        }
        if (f.untilInstant(zone) != null) {
            conditions.add("e.at < :until");
            params.put("until", f.untilInstant(zone));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
