package org.palmares.jury.assignment;

import java.util.Comparator;
import java.util.Objects;

/** One juror on one nomination: the unit that is assigned, kept or forbidden by a conflict. */
public record Pair(String jurorId, String nominationId) implements Comparable<Pair> {
    private static final Comparator<Pair> BY_JUROR_THEN_NOMINATION =
            Comparator.comparing(Pair::jurorId).thenComparing(Pair::nominationId);

    public Pair {
        Objects.requireNonNull(jurorId, "jurorId");
        Objects.requireNonNull(nominationId, "nominationId");
    }

    public static Pair of(String jurorId, String nominationId) {
        return new Pair(jurorId, nominationId);
    }

    @Override
    public int compareTo(Pair other) {
        return BY_JUROR_THEN_NOMINATION.compare(this, other);
    }
}
