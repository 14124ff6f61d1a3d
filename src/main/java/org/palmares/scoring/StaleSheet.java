package org.palmares.scoring;

import org.palmares.platform.DomainException;

/**
 * A save named an older version of the sheet than the stored one (another tab or device saved in between). Says
 * which criteria now hold other values than the ones sent, and whether the overall comment differs, so nothing is
 * silently overwritten.
 */
public class StaleSheet extends DomainException {
    private final long current;

    StaleSheet(String criteria, boolean overall, long current) {
        super(412, "sheet.stale", criteria, overall ? 1 : 0);
        this.current = current;
    }

    /** The stored version, to save over it when the juror chooses to keep their own values. */
    public long current() {
        return current;
    }
}
