package org.palmares.jury;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Access;
import org.palmares.platform.JobClaims;

/**
 * Every hour (at minute {@code palmares.reminders.minute}, default 5), sends the automatic reminder of the current
 * edition when it is due (see {@link ReminderPolicy}). The reminder is claimed in the database first, so with several
 * instances it goes out once, from one of them; scripts/cluster-failover.sh runs two instances every minute to show it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
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

    /** The minute of each hour the job runs, as an EJB calendar expression ({@code *} for every minute). */
    @Inject
    @ConfigProperty(name = "palmares.reminders.minute", defaultValue = "5")
    String minute;

    @Resource
    TimerService timers;

    /** The reminders this instance found claimed elsewhere, to say so once each in the log. */
    private final Set<String> claimedElsewhere = new HashSet<>();

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(
                new ScheduleExpression().hour("*").minute(minute), new TimerConfig("palmares-reminders", false));
        LOG.info(() -> "Automatic reminders checked every hour at minute " + minute);
    }

    @Timeout
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
        if (key.isEmpty()) return 0;
        if (!claims.claim(key.get())) {
            if (claimedElsewhere.add(key.get())) {
                LOG.info(() -> "Automatic reminder " + key.get()
                        + " already claimed: sent by another instance, or before a restart");
            }
            return 0;
        }
        int sent = Access.asSystem(() -> progress.remindAll(edition));
        LOG.info(() -> "Automatic reminder " + key.get() + ": " + sent + " juror(s)");
        return sent;
    }
}
