package org.palmares.account;

/** What an account may do; an account may hold several. */
public enum Role {
    ORGANISER,
    JUROR,
    TERRITORY;

    public static final String ORGANISER_NAME = "ORGANISER";
    public static final String JUROR_NAME = "JUROR";
    public static final String TERRITORY_NAME = "TERRITORY";
}
