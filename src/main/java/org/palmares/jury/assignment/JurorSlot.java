package org.palmares.jury.assignment;

import java.util.Objects;
import java.util.Set;

/**
 * What the solver knows of a juror: how many dossiers they accept in all (kept ones included), their région and the
 * category codes they are expert in.
 *
 * @param region the juror's région, or {@code null} when unknown; an unknown région is shared with no one
 */
public record JurorSlot(String id, int capacity, String region, Set<String> expertise) {
    public JurorSlot {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a juror has a blank id");
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("juror " + id + " has a negative capacity: " + capacity);
        }
        expertise = Set.copyOf(Objects.requireNonNull(expertise, "expertise"));
    }

    boolean isExpertIn(String categoryCode) {
        return expertise.contains(categoryCode);
    }

    boolean sharesRegionWith(String otherRegion) {
        return region != null && region.equals(otherRegion);
    }
}
