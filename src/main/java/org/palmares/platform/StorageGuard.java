package org.palmares.platform;

import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.changesets.UnitOfWorkChangeSet;

/**
 * Refuses every database write while {@link StorageStatus} says the storage cannot take it, before any SQL is sent:
 * an EclipseLink session listener (persistence.xml), so it sees every flush and commit with changes, and every bulk
 * or native update, whichever service makes them. Reads go on, except while the database may show changes it never
 * committed ({@link DatabaseRecovery#servesReads()}). The refusal carries a {@link StorageUnavailable}: a
 * 503 problem over REST, a message on the page.
 *
 * <p>Why refuse rather than let the database say so: embedded Derby answers a write it cannot store by shutting
 * the whole database down, so one failing autosave aborts every read running beside it.
 */
public class StorageGuard extends SessionEventAdapter {
    /**
     * How long EclipseLink waits before it retries a read on a new connection when the one it had died under it (the
     * database shut down by a failed write): 5 s by default, twice, which made a page wait 10 s before its 500.
     */
    static final int RECONNECT_DELAY_MILLIS = 100;

    /** The key EclipseLink gives the change set under in a postCalculateUnitOfWorkChangeSet event. */
    static final String CHANGE_SET = "UnitOfWorkChangeSet";

    /**
     * The refusal as EclipseLink carries it: one of its own exceptions, marked as logged, for it logs every other
     * exception a listener throws at WARNING with its stack, which would put a hundred lines in the log for each
     * refused autosave — on a disk that is full. Its cause is the {@link StorageUnavailable} the handlers answer.
     */
    static final class Refused extends EclipseLinkException {
        private static final long serialVersionUID = 1L;

        Refused(StorageUnavailable refusal) {
            super(refusal.messageKey(), refusal);
            setHasBeenLogged(true);
        }
    }

    private volatile StorageStatus status;

    @Override
    public void preLogin(SessionEvent event) {
        if (event.getSession().getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setDelayBetweenConnectionAttempts(RECONNECT_DELAY_MILLIS);
        }
    }

    @Override
    public void postCalculateUnitOfWorkChangeSet(SessionEvent event) {
        if (event.getProperty(CHANGE_SET) instanceof UnitOfWorkChangeSet changes && changes.hasChanges()) {
            refuseIfFull();
        }
    }

    @Override
    public void preExecuteQuery(SessionEvent event) {
        if (event.getQuery() == null) return;
        if (event.getQuery().isModifyQuery()) {
            refuseIfFull();
        } else {
            Optional<StorageUnavailable> refusal =
                    status().map(StorageStatus::readRefusal).orElse(Optional.empty());
            if (refusal.isPresent()) throw new Refused(refusal.get());
        }
    }

    private void refuseIfFull() {
        Optional<StorageUnavailable> refusal =
                status().map(StorageStatus::refusal).orElse(Optional.empty());
        if (refusal.isPresent()) throw new Refused(refusal.get());
    }

    private Optional<StorageStatus> status() {
        StorageStatus known = status;
        if (known == null) {
            try {
                known = CDI.current().select(StorageStatus.class).get();
                status = known;
            } catch (RuntimeException notYet) {
                // The schema migration and the first login run before CDI serves beans: nothing to guard yet.
                return Optional.empty();
            }
        }
        return Optional.of(known);
    }
}
