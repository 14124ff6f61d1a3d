package org.palmares.edition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The preconditions of each phase change. Pure: the answer depends only on the facts and the instant given.
 * Each unmet precondition is a message key of the bundles, so the page can say what is missing.
 */
public final class PhaseRules {
    private PhaseRules() {}

    /** The message keys of what stops the edition from moving from {@code from} to the next phase; empty if nothing. */
    public static List<String> missingToLeave(Phase from, PhaseFacts facts, Instant now) {
        List<String> missing = new ArrayList<>();
        switch (from) {
            case SETUP -> {
                if (facts.categories() == 0) missing.add("phase.missing.categories");
                if (facts.categoriesWithoutCriteria() > 0) missing.add("phase.missing.criteria");
                if (facts.nominationDeadline() == null) missing.add("phase.missing.nominationDeadline");
                else if (!facts.nominationDeadline().isAfter(now)) missing.add("phase.missing.nominationDeadlinePast");
            }
            case NOMINATIONS_OPEN -> {
                if (facts.nominationDeadline() != null
                        && facts.nominationDeadline().isAfter(now))
                    missing.add("phase.missing.nominationDeadlineNotReached");
                if (facts.submittedNominations() == 0) missing.add("phase.missing.submittedNominations");
            }
            case SCREENING -> {
                if (facts.unscreenedNominations() > 0) missing.add("phase.missing.screening");
                if (facts.eligibleNominations() == 0) missing.add("phase.missing.eligibleNominations");
                if (facts.jurors() == 0) missing.add("phase.missing.jurors");
                if (facts.scoringDeadline() == null) missing.add("phase.missing.scoringDeadline");
                else if (!facts.scoringDeadline().isAfter(now)) missing.add("phase.missing.scoringDeadlinePast");
            }
            case SCORING -> {
                boolean deadlinePassed = facts.scoringDeadline() != null
                        && !facts.scoringDeadline().isAfter(now);
                if (!deadlinePassed && facts.draftSheets() > 0) missing.add("phase.missing.scoringNotFinished");
            }
            case DELIBERATION -> {
                if (facts.categoriesWithoutSignedDecision() > 0) missing.add("phase.missing.decisions");
            }
            case CEREMONY, PUBLISHED -> {
                // The ceremony and the publication need nothing more than the organiser's word.
            }
            case ARCHIVED -> missing.add("phase.missing.last");
        }
        return List.copyOf(missing);
    }
}
