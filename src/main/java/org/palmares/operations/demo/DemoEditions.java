package org.palmares.operations.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.account.Account;
import org.palmares.account.AccountService;
import org.palmares.account.Role;
import org.palmares.ceremony.VoteService;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.edition.Phase;
import org.palmares.jury.JurorService;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationService;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;
import org.palmares.nomination.TerritoryService;
import org.palmares.platform.JsonSupport;

/**
 * Builds a demo edition from the demo file through the application's own services: its categories and criteria,
 * the territories and their contacts (made once, shared by every demo edition), the nominations, the jury. The
 * caller runs it as the application, in its transaction, and decides the phase the edition ends in.
 */
@ApplicationScoped
public class DemoEditions {
    static final String DEMO_FILE = "demo/trophees-2019.json";

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
    VoteService votes;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** The demo file. */
    static JsonObject data() {
        try (InputStream in = DemoEditions.class.getClassLoader().getResourceAsStream(DEMO_FILE)) {
            if (in == null) throw new IllegalStateException("Missing " + DEMO_FILE);
            return JsonSupport.JSON.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How an edition's names and texts read. */
    record Texts(String nameFr, String nameEn, String descriptionFr, String descriptionEn) {}

    /** The texts of the live edition: its year and ceremony day in the file's templates. */
    static Texts liveTexts(JsonObject data, DemoCalendar calendar, ZoneId zone) {
        JsonObject live = data.getJsonObject("edition").getJsonObject("live");
        String year = String.valueOf(calendar.year());
        String dayFr = calendar.ceremonyAt()
                .toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.FRENCH));
        String dayEn = calendar.ceremonyAt()
                .toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH));
        return new Texts(
                fill(fr(live, "name"), year, dayFr),
                fill(en(live, "name"), year, dayEn),
                fill(fr(live, "description"), year, dayFr),
                fill(en(live, "description"), year, dayEn));
    }

    /** The texts of the 2019 edition, as the file has them. */
    static Texts archiveTexts(JsonObject data) {
        JsonObject e = data.getJsonObject("edition");
        return new Texts(fr(e, "name"), en(e, "name"), fr(e, "description"), en(e, "description"));
    }

    private static String fill(String template, String year, String day) {
        return template.replace("{0}", year).replace("{1}", day);
    }

    /**
     * Makes an edition taking nominations, with every nomination of the file. {@code screenAll}: the call is over and
     * screening done, so every submitted nomination is eligible but the last, found ineligible; otherwise each keeps
     * the status the file gives it (drafts, submitted, some eligible already). Returns the edition's id; it is left in
     * NOMINATIONS_OPEN with the calendar's dates.
     */
    long build(JsonObject data, DemoCalendar calendar, Texts texts, boolean screenAll, String passwordHash) {
        JsonObject e = data.getJsonObject("edition");
        Edition edition = editions.create(
                calendar.code(), calendar.year(), texts.nameFr(), texts.nameEn(), e.getString("timeZone"));
        edition.setDescriptionFr(texts.descriptionFr());
        edition.setDescriptionEn(texts.descriptionEn());
        edition.setHowToTakePartFr(fr(e, "howToTakePart"));
        edition.setHowToTakePartEn(en(e, "howToTakePart"));
        edition.setReviewsPerNomination(e.getInt("reviewsPerNomination"));
        edition.setBlindReview(e.getBoolean("blindReview"));
        // The call must still run to be opened: the edition lives these few days while it is built, and gets its own
        // dates (in the past for the archive) once its nominations are in.
        LocalDateTime now = LocalDateTime.now(clock.withZone(edition.zone()));
        edition.setNominationsOpenAt(now.minusDays(1));
        edition.setNominationDeadline(now.plusDays(1));
        edition.setScoringDeadline(now.plusDays(2));
        edition.setCeremonyAt(now.plusDays(3));
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
                votes.setWindow(category.getId(), calendar.voteOpensAt(), calendar.voteClosesAt());
            }
        }
        editions.advance(edition.getId());

        Map<String, Territory> territoryByKey = territories(data, passwordHash);
        List<JsonValue> list = data.getJsonArray("nominations");
        int lastSubmitted = -1;
        for (int i = 0; i < list.size(); i++) {
            if (!"DRAFT".equals(list.get(i).asJsonObject().getString("status"))) lastSubmitted = i;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonObject nom = list.get(i).asJsonObject();
            Territory territory = territoryByKey.get(nom.getString("territory"));
            Category category = categories.get(nom.getString("category"));
            Nomination nomination =
                    nominations.createDraft(territory.getId(), category.getId(), nom.getString("title"));
            nominations.edit(nomination.getId(), nom.getString("title"), nom.getString("summary"));
            String status = nom.getString("status");
            if (status.equals("DRAFT")) continue;
            nominations.submit(nomination.getId());
            Nomination stored = em.find(Nomination.class, nomination.getId());
            if (screenAll && i == lastSubmitted) {
                stored.screen(false, ineligibility(), clock);
            } else if (screenAll || status.equals("ELIGIBLE")) {
                stored.screen(true, null, clock);
            }
        }

        Edition stored = editions.get(edition.getId());
        for (JsonValue j : data.getJsonArray("jurors")) {
            JsonObject jur = j.asJsonObject();
            Account account =
                    accounts.createOrGrant(jur.getString("email"), jur.getString("name"), EnumSet.of(Role.JUROR));
            if (!account.hasPassword()) accounts.setPasswordHash(account.getEmail(), passwordHash);
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
        stored.setNominationsOpenAt(calendar.nominationsOpenAt());
        stored.setNominationDeadline(calendar.nominationDeadline());
        stored.setScoringDeadline(calendar.scoringDeadline());
        stored.setCeremonyAt(calendar.ceremonyAt());
        return stored.getId();
    }

    private static String ineligibility() {
        return "Dossier incomplet : les résultats chiffrés (heures d'insertion, sorties positives) manquent.";
    }

    /** The territories of the file and their contacts: made the first time, found afterwards. */
    private Map<String, Territory> territories(JsonObject data, String passwordHash) {
        Map<String, Territory> byKey = new HashMap<>();
        for (JsonValue t : data.getJsonArray("territories")) {
            JsonObject ter = t.asJsonObject();
            Territory territory = territories.findByName(ter.getString("name")).orElse(null);
            if (territory == null) {
                territory = territories.create(
                        ter.getString("name"),
                        TerritoryKind.valueOf(ter.getString("kind")),
                        ter.getString("region"),
                        ter.getString("departement"));
                Account contact = accounts.createOrGrant(
                        ter.getString("contactEmail"), ter.getString("contactName"), EnumSet.of(Role.TERRITORY));
                accounts.setPasswordHash(contact.getEmail(), passwordHash);
                territories.addMember(territory.getId(), contact);
            }
            byKey.put(ter.getString("key"), territory);
        }
        return byKey;
    }

    /** Puts an edition in a phase as data (the demo's past is written, not lived through). */
    void phase(long editionId, Phase phase) {
        em.flush();
        em.createQuery("update Edition e set e.phase = :p where e.id = :id")
                .setParameter("p", phase)
                .setParameter("id", editionId)
                .executeUpdate();
        em.getEntityManagerFactory().getCache().evict(Edition.class);
        em.refresh(em.find(Edition.class, editionId));
    }

    static String fr(JsonObject o, String key) {
        return o.getJsonObject(key).getString("fr");
    }

    static String en(JsonObject o, String key) {
        return o.getJsonObject(key).getString("en");
    }
}
