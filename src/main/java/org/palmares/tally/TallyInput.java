package org.palmares.tally;

import java.util.List;

/** What the tally reads: the categories with their criteria and nominations, and the submitted sheets. */
public final class TallyInput {
    private TallyInput() {}

    /** A criterion of a category, as the tally needs it. */
    public record CriterionSpec(long id, int weight, int min, int max, int tieBreakPriority) {
        public CriterionSpec {
            if (weight <= 0) throw new IllegalArgumentException("weight must be positive");
            if (min >= max) throw new IllegalArgumentException("scale must go up");
        }
    }

    /** A category: its criteria (in sheet order) and the nominations to rank. */
    public record CategorySpec(long id, List<CriterionSpec> criteria, List<Long> nominations) {
        public CategorySpec {
            criteria = List.copyOf(criteria);
            nominations = List.copyOf(nominations);
        }
    }

    /** A submitted sheet: one value per criterion of the nomination's category, in the category's order. */
    public record Sheet(long id, long jurorId, long nominationId, int[] values) {}
}
