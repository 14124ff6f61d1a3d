package org.palmares.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers pending e-mails every 15 seconds. Each message is locked in its own transaction before it is sent,
 * so on a cluster a message goes out once, not once per node.
 */
@Singleton
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class OutboxDispatcher {
    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @jakarta.annotation.Resource
    UserTransaction tx;

    @Inject
    Activity activity;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void dispatch() {
        if (!mailer.isConfigured()) return;
        List<Long> due = em.createQuery(
                        "select m.id from OutboxMessage m where m.status = :pending and m.nextAttemptAt <= :now order by m.id",
                        Long.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(50)
                .getResultList();
        for (Long id : due) {
            deliverOne(id);
        }
    }

    private void deliverOne(Long id) {
        try {
            tx.begin();
            OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
            Activity.Event outcome = null;
            if (message != null && message.getStatus() == OutboxStatus.PENDING) {
                try {
                    mailer.deliver(message);
                    message.sent(clock.instant());
                    outcome = Activity.Event.MAIL_SENT;
                } catch (Exception e) {
                    outcome = Activity.Event.MAIL_FAILED;
                    message.failed(e.getMessage(), clock.instant());
                    LOG.log(Level.WARNING, "Mail {0} not delivered (attempt {1}): {2}", new Object[] {
                        id, message.getAttempts(), e.getMessage()
                    });
                }
            }
            tx.commit();
            // Counted once the outcome is recorded (a message sent but not marked so would go again).
            if (outcome != null) activity.count(outcome);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Outbox message " + id + " could not be processed", e);
            try {
                tx.rollback();
            } catch (Exception rollbackFailed) {
                LOG.log(Level.FINE, "Rollback after a failed dispatch failed too", rollbackFailed);
            }
        }
    }
}
