package org.palmares.jury.assignment;

import java.util.ArrayList;
import java.util.List;

/**
 * A nomination that cannot reach its required number of jurors, with the figures that say why.
 *
 * @param assigned jurors on the nomination after the run, kept ones included
 * @param jurorsWithoutConflict jurors of the edition not in conflict with the nomination, those on it included
 * @param jurorsFull jurors without conflict, not on the nomination, whose capacity is used up
 */
public record Shortfall(String nominationId, int required, int assigned, int jurorsWithoutConflict, int jurorsFull) {

    /** Why jurors are missing; both may hold at once. */
    public enum Reason {
        /** Fewer jurors free of conflict than the nomination requires: only new jurors can help. */
        TOO_FEW_JURORS_WITHOUT_CONFLICT,
        /** The jurors free of conflict are full: more capacity would help. */
        CAPACITY_EXHAUSTED
    }

    public int missing() {
        return required - assigned;
    }

    public int missingBecauseOfConflicts() {
        return Math.max(0, required - jurorsWithoutConflict);
    }

    /** Juror-places to add, to jurors without conflict on this nomination, to fill it. */
    public int missingBecauseOfCapacity() {
        return missing() - missingBecauseOfConflicts();
    }

    public List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>(2);
        if (missingBecauseOfConflicts() > 0) {
            reasons.add(Reason.TOO_FEW_JURORS_WITHOUT_CONFLICT);
        }
        if (missingBecauseOfCapacity() > 0) {
            reasons.add(Reason.CAPACITY_EXHAUSTED);
        }
        return List.copyOf(reasons);
    }

    /** A plain English account for logs and the command-line solver; pages build theirs from the figures. */
    public String describe() {
        List<String> parts = new ArrayList<>(2);
        if (missingBecauseOfConflicts() > 0) {
            parts.add("only " + jurors(jurorsWithoutConflict) + " without conflict");
        }
        if (missingBecauseOfCapacity() > 0) {
            parts.add("capacity exhausted: " + jurors(jurorsFull) + " without conflict "
                    + (jurorsFull == 1 ? "is" : "are") + " already full");
        }
        return nominationId + " has " + assigned + " of " + required + " jurors, " + missing() + " missing: "
                + String.join("; ", parts);
    }

    private static String jurors(int count) {
        return count + (count == 1 ? " juror" : " jurors");
    }
}
