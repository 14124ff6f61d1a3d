package org.palmares.jury.assignment;

import java.util.Objects;

/**
 * What the solver knows of an eligible nomination: its category, its territory's région and how many jurors must read
 * it (kept assignments included).
 *
 * @param territoryRegion the région of the nominating territory, or {@code null} when unknown
 */
public record NominationNeed(String id, String categoryCode, String territoryRegion, int required) {
    public NominationNeed {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a nomination has a blank id");
        }
        Objects.requireNonNull(categoryCode, "categoryCode");
        if (required < 0) {
            throw new IllegalArgumentException(
                    "nomination " + id + " requires a negative number of jurors: " + required);
        }
    }
}
