package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this instance runs with the demo data, and the demo accounts' password, which the login page shows while it
 * does. The demo loader (on the top floor, operations/demo) says so at start-up; the pages below it ask here.
 */
@ApplicationScoped
public class DemoMode {
    @Inject
    @ConfigProperty(name = "palmares.demo.password", defaultValue = "Palmares-demo-2019")
    String password;

    private volatile boolean on;

    /** The demo data is in the database (loaded now or at an earlier start). */
    public void on() {
        on = true;
    }

    public boolean isOn() {
        return on;
    }

    /** The password every demo account has. */
    public String password() {
        return password;
    }
}
