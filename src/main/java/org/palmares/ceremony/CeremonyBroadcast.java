package org.palmares.ceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Passes each committed change of a ceremony to the screens connected to this instance. Across instances the
 * presenters poll the database (every 2 s); a cluster topic can replace the poll later (issue 9).
 */
@ApplicationScoped
public class CeremonyBroadcast {
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CeremonyChanged change) {
        CeremonySocket.push(change);
    }
}
