package org.palmares.it;

/** The demo accounts the integration tests log in with (see README). */
public final class Demo {
    public static final String PASSWORD = "Palmares-demo-2019";
    public static final String ORGANISER = "organisateur@demo.palmares.org";
    public static final String JUROR = "jure01@demo.palmares.org";
    public static final String TERRITORY = "contact@mde-olaine.demo.palmares.org";
    /** The code of the demo edition that takes nominations (the site's current one). */
    public static final String EDITION = "TC2019";

    private Demo() {}
}
