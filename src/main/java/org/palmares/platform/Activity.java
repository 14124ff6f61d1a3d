package org.palmares.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's business counters (MicroProfile Metrics, served at {@code /metrics}): a thing is counted once it
 * really happened, i.e. when the transaction that did it commits, never for a save that was rolled back.
 */
@ApplicationScoped
public class Activity {
    /** What is counted; the name is the metric's ({@code /metrics} shows it with {@code _total}). */
    public enum Event {
        SHEET_SUBMITTED("sheets_submitted", "Score sheets submitted by jurors"),
        SHEET_SAVED("score_saves", "Score sheet saves that changed something"),
        NOMINATION_SUBMITTED("nominations_submitted", "Nominations submitted by territories"),
        VOTE_CAST("votes_cast", "Public votes cast (a code was e-mailed)"),
        VOTE_VERIFIED("votes_verified", "Public votes verified and counted"),
        MAIL_SENT("mails_sent", "E-mails handed to the SMTP server"),
        MAIL_FAILED("mail_failures", "E-mail delivery attempts that failed"),
        LOGIN_SUCCEEDED("logins_succeeded", "Credential checks that succeeded (form login and each HTTP Basic call)"),
        LOGIN_FAILED("logins_failed", "Credential checks that failed (wrong e-mail or password, locked account)");

        private final String metric;
        private final String description;

        Event(String metric, String description) {
            this.metric = metric;
            this.description = description;
        }

        public String metric() {
            return metric;
        }
    }

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<Event, Counter> counters = new EnumMap<>(Event.class);

    /** Registers every counter at start-up, so {@code /metrics} lists them at 0 before the first event. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        counter(Event.SHEET_SUBMITTED);
    }

    /** Counts one event now if no transaction is running, else when the running one commits. */
    public void count(Event event) {
        Counter counter = counter(event);
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.inc();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Counted only after the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) counter.inc();
            }
        });
    }

    private synchronized Counter counter(Event event) {
        if (counters.isEmpty()) {
            for (Event e : Event.values()) {
                counters.put(
                        e,
                        registry.counter(Metadata.builder()
                                .withName(e.metric)
                                .withDescription(e.description)
                                .build()));
            }
        }
        return counters.get(event);
    }
}
