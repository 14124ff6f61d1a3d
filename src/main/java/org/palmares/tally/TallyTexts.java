package org.palmares.tally;

import org.palmares.tally.TallyResult.TieRule;

/** Short codes for tie-break rules and flags, as reports, exports and REST write them. */
public final class TallyTexts {
    private TallyTexts() {}

    /** RAW, MEDIAN, or CRITERIA:&lt;criterion id&gt;. */
    public static String ruleCode(TieRule rule) {
        return rule.rule() == TieBreak.CRITERIA
                ? "CRITERIA:" + rule.criterionId()
                : rule.rule().name();
    }
}
