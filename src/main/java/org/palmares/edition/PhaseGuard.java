package org.palmares.edition;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place a service asks whether the edition's phase allows an action ({@link EditionAction}). Everyone asks,
 * the application's own scheduled work included; start-up and demo data that are written straight to the database
 * (not through these actions) are data, not actions.
 */
@ApplicationScoped
public class PhaseGuard {
    /** Refuses (409 {@link PhaseClosed}) what the edition's phase does not allow. */
    public void require(Edition edition, EditionAction action) {
        if (!action.allowedIn(edition.getPhase())) throw new PhaseClosed(action, edition.getPhase());
    }

    /** Whether the phase allows it, for pages that offer the action only when it may succeed. */
    public boolean allows(Edition edition, EditionAction action) {
        return action.allowedIn(edition.getPhase());
    }
}
