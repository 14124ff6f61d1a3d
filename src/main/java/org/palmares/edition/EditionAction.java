package org.palmares.edition;

import static org.palmares.edition.Phase.ARCHIVED;
import static org.palmares.edition.Phase.CEREMONY;
import static org.palmares.edition.Phase.DELIBERATION;
import static org.palmares.edition.Phase.NOMINATIONS_OPEN;
import static org.palmares.edition.Phase.PUBLISHED;
import static org.palmares.edition.Phase.SCORING;
import static org.palmares.edition.Phase.SCREENING;
import static org.palmares.edition.Phase.SETUP;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every change an edition's participants can make, with the phases in which it makes sense: the one table of
 * docs/phase-matrix.md, which {@code PhaseMatrixTest} holds to this enum and {@code IntegrityIT} tries cell by cell.
 * Services ask {@link PhaseGuard} before acting, so pages, REST and files meet the same rule. Finer rules stay where
 * they are (a deadline, a category's scoring freeze, a vote's window): a phase allows, they may still refuse.
 */
public enum EditionAction {
    /** Names, descriptions, time zone, deadlines, the ceremony's date. */
    EDITION_SETTINGS(SETUP, NOMINATIONS_OPEN, SCREENING, SCORING, DELIBERATION, CEREMONY, PUBLISHED),
    /** Blind review, reviews per nomination, required overall comment: fixed once jurors start reading. */
    REVIEW_SETTINGS(SETUP, NOMINATIONS_OPEN, SCREENING),
    /** Categories added, removed or recoded; a nomination form's extra questions. */
    CATEGORY_STRUCTURE(SETUP),
    /** A category's names, description, limit per territory, public vote. */
    CATEGORY_TEXTS(SETUP, NOMINATIONS_OPEN, SCREENING),
    /** Criteria added, changed (weights, scales, anchors) or removed: fixed once scoring starts. */
    CRITERIA(SETUP, NOMINATIONS_OPEN, SCREENING),
    /** A territory's draft: created, changed, files added or removed, submitted, withdrawn, taken back (deadline too). */
    NOMINATION(NOMINATIONS_OPEN),
    /** Eligibility verdicts, and moving a nomination to another category. */
    SCREENING_VERDICT(NOMINATIONS_OPEN, SCREENING),
    /** Jurors invited or enrolled, conflicts of interest raised by an organiser. */
    JURY(SETUP, NOMINATIONS_OPEN, SCREENING, SCORING),
    /** A juror declares a conflict of interest. */
    CONFLICT_DECLARATION(NOMINATIONS_OPEN, SCREENING, SCORING),
    /** The solver's run, manual assignments, locks, swaps, removals, the assignment settings. */
    ASSIGNMENT(SCREENING, SCORING),
    /** A juror opens, saves, submits or reopens a sheet, or recuses themselves (deadline and freeze too). */
    SCORING_SHEET(SCORING),
    /** Organisers freeze scoring in a category and remind jurors. */
    SCORING_OVERSIGHT(SCORING),
    /** The tally's method and policy. */
    TALLY_SETTINGS(SCORING, DELIBERATION),
    /**
     * The tally frozen or unfrozen, a decision taken, signed off or reopened: while the jury deliberates, and after, to
     * correct a decision found wrong (a reopened decision is under embargo again at once).
     */
    DELIBERATION_DECISION(DELIBERATION, CEREMONY, PUBLISHED),
    /** The ceremony's run of show prepared. */
    CEREMONY_PREPARATION(DELIBERATION, CEREMONY),
    /** The ceremony driven live (next, back, reveal). */
    CEREMONY_LIVE(CEREMONY),
    /** A category's results published or withdrawn, the ceremony's place, certificates and thanks sent. */
    PUBLICATION(CEREMONY, PUBLISHED),
    /** The public vote's window set. */
    PUBLIC_VOTE_SETUP(SETUP, NOMINATIONS_OPEN, SCREENING, SCORING, DELIBERATION),
    /** A member of the public casts or confirms a vote (the window too). */
    PUBLIC_VOTE(NOMINATIONS_OPEN, SCREENING, SCORING, DELIBERATION, CEREMONY),
    /** An organiser voids a fraudulent vote. */
    VOTE_MODERATION(NOMINATIONS_OPEN, SCREENING, SCORING, DELIBERATION, CEREMONY),
    /** Personal data of an archived edition anonymised. */
    ANONYMISATION(ARCHIVED);

    private final Set<Phase> phases;

    EditionAction(Phase first, Phase... more) {
        this.phases = EnumSet.of(first, more);
    }

    public boolean allowedIn(Phase phase) {
        return phases.contains(phase);
    }

    /** The phases that allow it, in order. */
    public Set<Phase> phases() {
        return EnumSet.copyOf(phases);
    }

    /** Its name in the bundles: {@code phase.action.<name>}. */
    public String messageKey() {
        return "phase.action." + name().toLowerCase(Locale.ROOT);
    }
}
