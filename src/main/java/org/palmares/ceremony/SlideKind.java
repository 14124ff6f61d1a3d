package org.palmares.ceremony;

/** What a slide of the ceremony shows. */
public enum SlideKind {
    TITLE,
    CATEGORY,
    NOMINEES,
    SUSPENSE,
    WINNER,
    /** A category whose decision is not signed off: it cannot be revealed, and the slide says so. */
    NOT_SIGNED_OFF,
    /** A category whose signed decision gives no prize. */
    NOT_AWARDED,
    END
}
