package org.palmares.edition;

import java.time.Instant;

/**
 * What the phase rules need to know about an edition, gathered by the service from the database so that
 * the rules themselves stay pure.
 *
 * @param nominationDeadline the nomination deadline as an instant, or null when not set
 * @param scoringDeadline the scoring deadline as an instant, or null when not set
 */
public record PhaseFacts(
        int categories,
        int categoriesWithoutCriteria,
        Instant nominationDeadline,
        Instant scoringDeadline,
        long submittedNominations,
        long unscreenedNominations,
        long eligibleNominations,
        long jurors,
        long draftSheets,
        long categoriesWithoutSignedDecision) {}
