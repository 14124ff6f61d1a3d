package org.palmares.operations.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.AccountService;
import org.palmares.account.Role;
import org.palmares.edition.EditionService;
import org.palmares.edition.Phase;
import org.palmares.nomination.NominationService;
import org.palmares.platform.Access;
import org.palmares.platform.DemoMode;

/**
 * Fills an empty database at start-up: with the demo when {@code PALMARES_DEMO} is true (the default), else with the
 * first organiser of {@code PALMARES_ADMIN_EMAIL}. The demo's live edition, "Trophées de la Clause" of this year, is
 * loaded in the phase of {@code PALMARES_DEMO_PHASE} (taking nominations by default), with the dates and the data that
 * phase has: what follows it (jury, sheets, decisions, the archive of 2019) is the work of the demo steps that start
 * after this one. Everything goes through the application's services, in one transaction: all of it or nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoLoader {
    private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());

    @Inject
    @ConfigProperty(name = "palmares.demo", defaultValue = "true")
    boolean demo;

    @Inject
    @ConfigProperty(name = "palmares.demo.phase", defaultValue = "NOMINATIONS_OPEN")
    Phase phase;

    @Inject
    @ConfigProperty(name = "palmares.admin.email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "palmares.admin.password")
    Optional<String> adminPassword;

    @Inject
    EditionService editions;

    @Inject
    AccountService accounts;

    @Inject
    NominationService nominations;

    @Inject
    DemoEditions builder;

    @Inject
    DemoMode demoMode;

    @Inject
    Clock clock;

    @jakarta.annotation.Resource
    UserTransaction tx;

    private boolean loadedNow;

    @PostConstruct
    void atStartUp() {
        if (!DemoCalendar.loadable(phase)) {
            throw new IllegalStateException("PALMARES_DEMO_PHASE=" + phase + ": the demo edition can be loaded in "
                    + "NOMINATIONS_OPEN, SCREENING, SCORING, DELIBERATION, CEREMONY or PUBLISHED");
        }
        loadIfEmpty();
    }

    /** Loads the start-up data if, and only if, the database has no account and no edition; says whether it did. */
    public boolean loadIfEmpty() {
        if (accounts.count() > 0 || !editions.isEmpty()) {
            LOG.info("The database holds data already: nothing to load");
            if (demo && accounts.findByEmail("organisateur@demo.palmares.org").isPresent()) demoMode.on();
            return false;
        }
        try {
            tx.begin();
            Access.asSystem(() -> {
                if (demo) {
                    loadDemo();
                } else {
                    createFirstOrganiser();
                }
                return null;
            });
            tx.commit();
            if (demo) demoMode.on();
            loadedNow = demo;
            return true;
        } catch (Exception e) {
            try {
                tx.rollback();
            } catch (Exception ignoredBecauseAlreadyRolledBack) {
                LOG.fine("Rollback after a failed load: " + ignoredBecauseAlreadyRolledBack);
            }
            // On a cluster another node may have loaded the same data first; the unique keys refused ours.
            LOG.log(Level.WARNING, "Start-up data not loaded", e);
            return false;
        }
    }

    /** Whether this start loaded the demo (the later demo steps act only then). */
    public boolean loadedNow() {
        return loadedNow;
    }

    /** The phase the live demo edition was loaded in. */
    public Phase phase() {
        return phase;
    }

    private void createFirstOrganiser() {
        if (adminEmail.isEmpty() || adminPassword.isEmpty()) {
            LOG.warning("Empty database and no demo: set PALMARES_ADMIN_EMAIL and PALMARES_ADMIN_PASSWORD "
                    + "to create the first organiser");
            return;
        }
        accounts.createOrGrant(adminEmail.get(), adminEmail.get(), EnumSet.of(Role.ORGANISER));
        accounts.setPassword(adminEmail.get(), adminPassword.get());
        LOG.info("First organiser created: " + adminEmail.get());
    }

    private void loadDemo() {
        JsonObject data = DemoEditions.data();
        // The demo password hashed once for every demo account (they all share it, and it is public): one PBKDF2 run
        // instead of one per account, which made the demo's loading a third of every start-up.
        String hash = accounts.hashPassword(demoMode.password());
        for (JsonValue o : data.getJsonArray("organisers")) {
            JsonObject organiser = o.asJsonObject();
            accounts.createOrGrant(
                    organiser.getString("email"), organiser.getString("name"), EnumSet.of(Role.ORGANISER));
            accounts.setPasswordHash(organiser.getString("email"), hash);
        }
        String zone = data.getJsonObject("edition").getString("timeZone");
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of(zone)));
        DemoCalendar calendar = DemoCalendar.live(today, phase);
        long edition = builder.build(
                data,
                calendar,
                DemoEditions.liveTexts(data, calendar, java.time.ZoneId.of(zone)),
                phase.isAtLeast(Phase.SCREENING),
                hash);
        if (phase != Phase.NOMINATIONS_OPEN) builder.phase(edition, phase);
        LOG.info(() -> "Demo edition " + calendar.code() + " loaded in " + phase + ": "
                + nominations.countInEdition(edition) + " nominations");
    }
}
