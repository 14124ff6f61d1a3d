package org.palmares.nomination;

import java.io.Serializable;
import java.util.Locale;

/**
 * What an organiser filters the nominations list on. Every part is optional; a missing status shows every
 * nomination but drafts, which are still the territory's business.
 */
public record NominationFilter(Long categoryId, NominationStatus status, String region, Long territoryId, String text)
        implements Serializable {
    public static NominationFilter none() {
        return new NominationFilter(null, null, null, null, null);
    }

    /** The text search as a lower-case LIKE pattern, or null when there is none. */
    String likePattern() {
        if (text == null || text.isBlank()) return null;
        String escaped = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
