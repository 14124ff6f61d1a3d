package org.palmares.platform;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.AccountService;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.jury.JurorService;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationService;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;
import org.palmares.nomination.TerritoryService;

/**
 * Fills an empty database at start-up: with the demo edition "Trophées de la Clause 2019" when
 * {@code PALMARES_DEMO} is true (the default), else with the first organiser of {@code PALMARES_ADMIN_EMAIL}.
 * Everything goes through the application's services, in one transaction: all of it or nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoLoader {
    private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
    static final String DEMO_FILE = "demo/trophees-2019.json";
    /** The password of every demo account; README and the login page show it while the demo is on. */
    public static final String DEMO_PASSWORD = "Palmares-demo-2019";

    @Inject
    @ConfigProperty(name = "palmares.demo", defaultValue = "true")
    boolean demo;

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
    TerritoryService territories;

    @Inject
    JurorService jurors;

    @Inject
    NominationService nominations;

    @Inject
    org.palmares.ceremony.VoteService votes;

    @Inject
    Clock clock;

    @jakarta.annotation.Resource
    UserTransaction tx;

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    private boolean demoLoaded;

    @PostConstruct
    void atStartUp() {
        loadIfEmpty();
    }

    /** Loads the start-up data if, and only if, the database has no account and no edition; says whether it did. */
    public boolean loadIfEmpty() {
        if (accounts.count() > 0 || !editions.isEmpty()) {
            LOG.info("The database holds data already: nothing to load");
            demoLoaded = demo
                    && accounts.findByEmail("organisateur@demo.palmares.org").isPresent();
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
            demoLoaded = demo;
            return true;
        } catch (Exception e) {
            try {
                tx.rollback();
            } catch (Exception ignoredBecauseAlreadyRolledBack) {
                LOG.fine("Rollback after a failed load: " + ignoredBecauseAlreadyRolledBack);
            }
            // On a cluster another node may have loaded the same data first; the unique keys refused ours.
            LOG.log(java.util.logging.Level.WARNING, "Start-up data not loaded", e);
            return false;
        }
    }

    /** Whether this instance runs with the demo edition, so the login page can list the demo accounts. */
    public boolean isDemo() {
        return demoLoaded;
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

    private String demoHash;

    /**
     * The demo password hashed once for every demo account (they all share it, and it is public): one PBKDF2 run
     * instead of one per account, which made the demo's loading a third of every start-up.
     */
    private String demoHash() {
        if (demoHash == null) demoHash = accounts.hashPassword(DEMO_PASSWORD);
        return demoHash;
    }

    private void loadDemo() {
        JsonObject data = read();
        JsonObject e = data.getJsonObject("edition");
        for (JsonValue o : data.getJsonArray("organisers")) {
            JsonObject organiser = o.asJsonObject();
            accounts.createOrGrant(
                    organiser.getString("email"), organiser.getString("name"), EnumSet.of(Role.ORGANISER));
            accounts.setPasswordHash(organiser.getString("email"), demoHash());
        }
        Edition edition = editions.create(
                e.getString("code"), e.getInt("year"), fr(e, "name"), en(e, "name"), e.getString("timeZone"));
        edition.setDescriptionFr(fr(e, "description"));
        edition.setDescriptionEn(en(e, "description"));
        edition.setHowToTakePartFr(fr(e, "howToTakePart"));
        edition.setHowToTakePartEn(en(e, "howToTakePart"));
        edition.setReviewsPerNomination(e.getInt("reviewsPerNomination"));
        edition.setBlindReview(e.getBoolean("blindReview"));
        // The demo is always "live": nominations opened ten days ago and close in three weeks.
        LocalDate today = LocalDate.now(clock.withZone(edition.zone()));
        edition.setNominationsOpenAt(today.minusDays(10).atTime(9, 0));
        edition.setNominationDeadline(today.plusDays(21).atTime(LocalTime.of(23, 59)));
        edition.setScoringDeadline(today.plusDays(45).atTime(LocalTime.of(23, 59)));
        edition.setCeremonyAt(LocalDateTime.of(today.plusDays(60), LocalTime.of(16, 15)));
        editions.update(edition);

        Map<String, Category> categories = new HashMap<>();
        for (JsonValue c : data.getJsonArray("categories")) {
            JsonObject cat = c.asJsonObject();
            Category category =
                    editions.addCategory(edition.getId(), cat.getString("code"), fr(cat, "name"), en(cat, "name"));
            category.setDescriptionFr(fr(cat, "description"));
            category.setDescriptionEn(en(cat, "description"));
            category.setLimitPerTerritory(cat.getInt("limitPerTerritory"));
            category.setPublicVote(cat.getBoolean("publicVote"));
            editions.updateCategory(category);
            for (JsonValue k : cat.getJsonArray("criteria")) {
                JsonObject crit = k.asJsonObject();
                Criterion criterion = editions.addCriterion(
                        category.getId(),
                        fr(crit, "name"),
                        en(crit, "name"),
                        crit.getInt("weight"),
                        crit.getInt("scaleMin"),
                        crit.getInt("scaleMax"));
                criterion.setTieBreakPriority(crit.getInt("tieBreakPriority"));
                JsonObject anchorsFr = crit.getJsonObject("anchors").getJsonObject("fr");
                JsonObject anchorsEn = crit.getJsonObject("anchors").getJsonObject("en");
                for (String value : anchorsFr.keySet()) {
                    criterion.anchor(
                            Integer.parseInt(value), anchorsFr.getString(value), anchorsEn.getString(value, null));
                }
                editions.updateCriterion(criterion);
            }
            categories.put(category.getCode(), editions.getCategory(category.getId()));
            if (category.isPublicVote()) {
                // The public vote of the demo is open from yesterday to the morning of the ceremony.
                votes.setWindow(
                        category.getId(),
                        today.minusDays(1).atStartOfDay(),
                        today.plusDays(60).atTime(12, 0));
            }
        }
        editions.advance(edition.getId());

        Map<String, Territory> territoryByKey = new HashMap<>();
        for (JsonValue t : data.getJsonArray("territories")) {
            JsonObject ter = t.asJsonObject();
            Territory territory = territories.create(
                    ter.getString("name"),
                    TerritoryKind.valueOf(ter.getString("kind")),
                    ter.getString("region"),
                    ter.getString("departement"));
            Account contact = accounts.createOrGrant(
                    ter.getString("contactEmail"), ter.getString("contactName"), EnumSet.of(Role.TERRITORY));
            accounts.setPasswordHash(contact.getEmail(), demoHash());
            territories.addMember(territory.getId(), contact);
            territoryByKey.put(ter.getString("key"), territory);
        }

        for (JsonValue n : data.getJsonArray("nominations")) {
            JsonObject nom = n.asJsonObject();
            Territory territory = territoryByKey.get(nom.getString("territory"));
            Category category = categories.get(nom.getString("category"));
            Nomination nomination =
                    nominations.createDraft(territory.getId(), category.getId(), nom.getString("title"));
            nominations.edit(nomination.getId(), nom.getString("title"), nom.getString("summary"));
            String status = nom.getString("status");
            if ("SUBMITTED".equals(status) || "ELIGIBLE".equals(status)) {
                nominations.submit(nomination.getId());
            }
            if ("ELIGIBLE".equals(status)) {
                // Screened already, so the jury's assignment has nominations to work on in the demo.
                em.find(Nomination.class, nomination.getId()).screen(true, null, clock);
            }
        }

        Edition stored = editions.get(edition.getId());
        for (JsonValue j : data.getJsonArray("jurors")) {
            JsonObject jur = j.asJsonObject();
            Account account =
                    accounts.createOrGrant(jur.getString("email"), jur.getString("name"), EnumSet.of(Role.JUROR));
            accounts.setPasswordHash(account.getEmail(), demoHash());
            List<Category> expertise = jur.getJsonArray("expertise").getValuesAs(JsonValue::toString).stream()
                    .map(code -> categories.get(code.replace("\"", "")))
                    .toList();
            List<Territory> affiliations = jur.getJsonArray("affiliations").getValuesAs(JsonValue::toString).stream()
                    .map(key -> territoryByKey.get(key.replace("\"", "")))
                    .toList();
            jurors.enrol(
                    stored,
                    account,
                    jur.getString("region"),
                    jur.getInt("capacity"),
                    jur.getString("organisation", null),
                    jur.getString("panel", null),
                    expertise,
                    affiliations);
        }
        LOG.info(() -> "Demo edition loaded: " + nominations.countInEdition(edition.getId()) + " nominations");
    }

    private static String fr(JsonObject o, String key) {
        return o.getJsonObject(key).getString("fr");
    }

    private static String en(JsonObject o, String key) {
        return o.getJsonObject(key).getString("en");
    }

    private static JsonObject read() {
        try (InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(DEMO_FILE)) {
            if (in == null) throw new IllegalStateException("Missing " + DEMO_FILE);
            return JsonSupport.JSON.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
