package org.palmares.jury;

/** Where a conflict of interest comes from. */
public enum ConflictKind {
    /** Derived from the juror's affiliations: hard, never overridden. */
    SAME_TERRITORY,
    /** Declared by the juror. */
    DECLARED,
    /** Set by an organiser, with a reason. */
    ORGANISER
}
