package org.palmares.edition;

/** The phases an edition moves through, in order; each move is an explicit organiser action. */
public enum Phase {
    SETUP,
    NOMINATIONS_OPEN,
    SCREENING,
    SCORING,
    DELIBERATION,
    CEREMONY,
    PUBLISHED,
    ARCHIVED;

    /** The phase after this one, or empty for the last. */
    public java.util.Optional<Phase> next() {
        return ordinal() + 1 < values().length
                ? java.util.Optional.of(values()[ordinal() + 1])
                : java.util.Optional.empty();
    }

    public boolean isAtLeast(Phase other) {
        return compareTo(other) >= 0;
    }
}
