package org.palmares.ceremony.publication;

/** What a nomination received in its category's decision. */
public enum Award {
    WINNER,
    MENTION
}
