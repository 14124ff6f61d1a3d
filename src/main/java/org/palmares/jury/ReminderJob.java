package org.palmares.jury;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Access;
import org.palmares.platform.JobClaims;

/**
 * Every hour, sends the automatic reminder of the current edition when it is due (see {@link ReminderPolicy}). The
 * reminder is claimed in the database first, so with several instances it goes out once, from one of them.
 */
@Singleton
public class ReminderJob {
    private static final Logger LOG = Logger.getLogger(ReminderJob.class.getName());

    @Inject
    EditionService editions;

    @Inject
    AssignmentService assignments;

    @Inject
    ProgressService progress;

    @Inject
    JobClaims claims;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void hourly() {
        try {
            editions.findCurrent().ifPresent(this::remindIfDue);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Automatic reminders failed", e);
        }
    }

    /** Sends the edition's reminder if it is due and this instance wins the claim; returns how many were reminded. */
    public int remindIfDue(Edition edition) {
        int days = assignments.settings(edition).getReminderDays();
        Optional<String> key = ReminderPolicy.due(
                edition.getCode(), edition.getPhase(), edition.getScoringDeadline(), edition.zone(), days, clock);
        if (key.isEmpty() || !claims.claim(key.get())) return 0;
        int sent = Access.asSystem(() -> progress.remindAll(edition));
        LOG.info(() -> "Automatic reminder " + key.get() + ": " + sent + " juror(s)");
        return sent;
    }
}
