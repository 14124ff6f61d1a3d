package org.palmares.it;

/** The demo accounts the integration tests log in with (see README). */
public final class Demo {
    public static final String PASSWORD = "Palmares-demo-2019";
    public static final String ORGANISER = "organisateur@demo.palmares.org";
    public static final String JUROR = "jure01@demo.palmares.org";
    public static final String TERRITORY = "contact@mde-olaine.demo.palmares.org";
    /** The code of the demo's live edition, the site's current one: this year's (see operations/demo/DemoCalendar). */
    public static final String EDITION =
            "TC" + java.time.Year.now(java.time.ZoneId.of("Europe/Paris")).getValue();
    /** The demo's 2019 edition, archived with its published palmarès (in deployments that ask for it). */
    public static final String ARCHIVE = "TC2019";

    private Demo() {}
}
