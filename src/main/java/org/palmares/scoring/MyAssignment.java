package org.palmares.scoring;

import java.io.Serializable;

/** One nomination given to the caller, with where their sheet stands: NOT_STARTED, DRAFT or SUBMITTED. */
public record MyAssignment(
        long assignment,
        Long sheet,
        String reference,
        String title,
        String category,
        String categoryName,
        String state,
        int scored,
        int criteria)
        implements Serializable {

    /** What needs doing first: sheets in progress, then those not started, the submitted ones last. */
    int urgency() {
        return switch (state) {
            case "DRAFT" -> 0;
            case "NOT_STARTED" -> 1;
            default -> 2;
        };
    }
}
