package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.ceremony.CeremonyService;
import org.palmares.ceremony.PublicVote;
import org.palmares.ceremony.VoteService;
import org.palmares.ceremony.publication.PublicationService;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.EditionService;
import org.palmares.edition.Phase;
import org.palmares.edition.PhaseClosed;
import org.palmares.edition.transfer.EditionAnonymisation;
import org.palmares.jury.AssignmentService;
import org.palmares.jury.ConflictKind;
import org.palmares.jury.Juror;
import org.palmares.jury.JurorService;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationService;
import org.palmares.nomination.NominationStatus;
import org.palmares.nomination.ScreeningService;
import org.palmares.platform.Access;
import org.palmares.scoring.ScoringService;
import org.palmares.tally.TallyMethod;
import org.palmares.tally.TallyService;

/**
 * Promises that must hold on every path, tried in a running Palmarès. The phase matrix (docs/phase-matrix.md) cell by
 * cell: the demo edition is put in each phase and every {@link EditionAction} is tried there through the application's
 * services, each in a transaction rolled back afterwards, so that every cell starts from the same data (a juror's
 * sheet goes over HTTP, as the page's script sends it). And blind review: everything a juror can reach, pages, REST,
 * files and e-mails, is read and searched for every territory's name.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrityIT {
    private static final String EDITION = Demo.EDITION;

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares()
                .addClasses(Deployments.class, Demo.class, org.palmares.nomination.MetadataFixtures.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    Clock clock;

    @Inject
    EditionService editions;

    @Inject
    NominationService nominations;

    @Inject
    ScreeningService screening;

    @Inject
    JurorService jurors;

    @Inject
    AssignmentService assignments;

    @Inject
    ScoringService scoring;

    @Inject
    TallyService tally;

    @Inject
    CeremonyService ceremony;

    @Inject
    PublicationService publication;

    @Inject
    VoteService votes;

    @Inject
    EditionAnonymisation anonymisation;

    @Inject
    org.palmares.scoring.ScoringOversight scoringOversight;

    @Inject
    org.palmares.jury.ProgressService progress;

    @ArquillianResource
    URL url;

    /** The objects the probes act on, made once in phases that allow making them. */
    private record Objects(
            long edition,
            long category,
            long publicVoteCategory,
            long eligible,
            long territory,
            long juror,
            long assignment,
            long sheet,
            long vote) {}

    @Test
    void every_action_is_refused_outside_its_phases_and_allowed_in_them() throws Exception {
        Objects o = objects();
        Http juror = new Http(url);
        assertEquals(302, juror.login(Demo.JUROR, Demo.PASSWORD).statusCode());
        Map<EditionAction, Probe> probes = probes(o, juror);
        assertEquals(EditionAction.values().length, probes.size(), "one probe per action of the matrix");
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Phase phase : Phase.values()) {
            PhaseSwitch.set(em, tx, EDITION, phase);
            for (EditionAction action : EditionAction.values()) {
                boolean refused = probes.get(action).refusedByPhase();
                cells++;
                if (refused == action.allowedIn(phase)) {
                    wrong.add(action + " in " + phase + ": " + (refused ? "refused" : "let through")
                            + ", the matrix says " + (refused ? "yes" : "—"));
                }
            }
        }
        PhaseSwitch.set(em, tx, EDITION, Phase.NOMINATIONS_OPEN);
        assertEquals(Phase.values().length * EditionAction.values().length, cells);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cells + " cells:\n" + String.join("\n", wrong));
    }

    @Test
    void a_refusal_over_rest_is_a_409_problem_that_names_the_phases_that_would_allow_it() throws Exception {
        PhaseSwitch.set(em, tx, EDITION, Phase.NOMINATIONS_OPEN);
        Http organiser = new Http(url);
        assertEquals(302, organiser.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
        HttpResponse<String> answer = organiser.request(
                "POST",
                "/api/v1/ceremony/" + EDITION + "/state",
                "{\"action\":\"next\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json",
                "Accept",
                "application/json",
                "Accept-Language",
                "en");
        assertTrue(Http.problem(answer, 409), answer.statusCode() + " " + answer.body());
        var problem =
                jakarta.json.Json.createReader(new StringReader(answer.body())).readObject();
        assertEquals("phase.closed", problem.getString("code"));
        assertEquals(
                "\"Run the ceremony\" is not possible while the edition is in the \"Nominations open\" phase; only in:"
                        + " Ceremony.",
                problem.getString("detail"));
    }

    @Test
    void in_blind_review_nothing_a_juror_can_reach_names_a_territory() throws Exception {
        PhaseSwitch.set(em, tx, EDITION, Phase.SCORING);
        String juror = "jure09@demo.palmares.org";
        tx.begin();
        em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", EDITION)
                .getSingleResult()
                .setBlindReview(true);
        tx.commit();
        em.getEntityManagerFactory().getCache().evictAll();
        Http browser = new Http(url);
        assertEquals(302, browser.login(juror, Demo.PASSWORD).statusCode());
        browser.acceptCharter();
        tx.begin();
        Edition edition = em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", EDITION)
                .getSingleResult();
        Juror me = em.createQuery("select j from Juror j where j.edition = :e and j.account.email = :m", Juror.class)
                .setParameter("e", edition)
                .setParameter("m", juror)
                .getSingleResult();
        List<Nomination> chosen = new ArrayList<>();
        java.util.Set<Long> territories = new java.util.HashSet<>();
        for (Nomination n : em.createQuery(
                        "select n from Nomination n where n.category.edition = :e and n.status = :s order by n.id",
                        Nomination.class)
                .setParameter("e", edition)
                .setParameter("s", NominationStatus.ELIGIBLE)
                .getResultList()) {
            if (chosen.size() < 3
                    && !jurors.inConflict(me, n)
                    && territories.add(n.getTerritory().getId())) {
                chosen.add(n);
            }
        }
        // A file named after its territory, as they often are, whose metadata names it too.
        Nomination withFile = chosen.get(0);
        byte[] pdf = org.palmares.nomination.MetadataFixtures.pdf(
                withFile.getTerritory().getName());
        java.nio.file.Path dir = java.nio.file.Path.of(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("palmares.data.dir", String.class),
                        "attachments")
                .toAbsolutePath();
        java.nio.file.Files.createDirectories(dir);
        String stored = "blind-" + System.nanoTime() + ".pdf";
        java.nio.file.Files.write(dir.resolve(stored), pdf);
        // Screened already, so no longer changeable by its territory: the file is put there as data.
        withFile.getAttachments()
                .add(new org.palmares.nomination.Attachment(
                        withFile,
                        "Dossier " + withFile.getTerritory().getName() + ".pdf",
                        stored,
                        "application/pdf",
                        pdf.length,
                        null,
                        clock.instant()));
        tx.commit();
        List<Long> mine = new ArrayList<>();
        for (Nomination n : chosen) {
            tx.begin();
            mine.add(Access.asSystem(() -> assignments.add(me.getId(), n.getId()))
                    .getId());
            tx.commit();
        }
        // What the juror reaches: the pages of the jury, every dossier, the REST API, the files, their own data.
        Map<String, String> reached = new java.util.LinkedHashMap<>();
        for (String page : List.of("/jury/index.xhtml", "/jury/charter.xhtml")) {
            reached.put(page, browser.get(page).body());
        }
        String conflicts = browser.get("/jury/conflicts.xhtml").body();
        // The page lists the network's territories on purpose, apart, tied to no dossier: the dossiers' part must not.
        int from = conflicts.indexOf("id=\"nominations-title\"");
        int to = conflicts.indexOf("id=\"territories-title\"");
        assertTrue(from > 0 && to > from, "the conflicts page has its two parts");
        reached.put("/jury/conflicts.xhtml (the dossiers)", conflicts.substring(from, to));
        reached.put(
                "/jury/conflicts.xhtml (the rest)",
                conflicts.substring(0, from)
                        + conflicts.substring(to).replaceFirst("(?s)id=\"conflicts:territories\".*?</table>", ""));
        for (String path : List.of("/api/v1/me/assignments", "/api/v1/jury/assignments", "/api/v1/me/data")) {
            reached.put(path, json(browser, path));
        }
        for (int i = 0; i < chosen.size(); i++) {
            long n = chosen.get(i).getId();
            reached.put(
                    "dossier " + n,
                    browser.get("/jury/dossier.xhtml?assignment=" + mine.get(i)).body());
            reached.put("/api/v1/nominations/" + n, json(browser, "/api/v1/nominations/" + n));
            String files = json(browser, "/api/v1/nominations/" + n + "/attachments");
            reached.put("/api/v1/nominations/" + n + "/attachments", files);
            var ids = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(files);
            while (ids.find()) {
                for (String query : List.of("", "?inline=true")) {
                    HttpResponse<String> file =
                            browser.get("/api/v1/nominations/" + n + "/attachments/" + ids.group(1) + query);
                    assertEquals(200, file.statusCode(), file.body());
                    reached.put("file " + ids.group(1) + query, file.headers().map() + "\n" + file.body());
                }
            }
        }
        tx.begin();
        Access.asSystem(() -> scoringOversight.remind(edition, chosen.get(1).getId()));
        Access.asSystem(() -> progress.remind(edition, me.getId()));
        tx.commit();
        em.createQuery(
                        "select m from OutboxMessage m where m.recipient = :r",
                        org.palmares.platform.OutboxMessage.class)
                .setParameter("r", juror)
                .getResultList()
                .forEach(m -> reached.put("e-mail " + m.getSubject(), m.getSubject() + "\n" + m.getBody()));
        List<String> names =
                em.createQuery("select t.name from Territory t", String.class).getResultList();
        List<String> leaks = new ArrayList<>();
        for (var entry : reached.entrySet()) {
            for (String name : names) {
                for (String form : List.of(
                        name, name.replace("'", "&#39;"), name.replace("'", "&apos;"), name.replace("'", "\\u0027"))) {
                    if (entry.getValue().contains(form)) leaks.add(entry.getKey() + " names " + name);
                }
            }
        }
        tx.begin();
        em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", EDITION)
                .getSingleResult()
                .setBlindReview(false);
        tx.commit();
        PhaseSwitch.set(em, tx, EDITION, Phase.NOMINATIONS_OPEN);
        assertTrue(reached.size() > 15, "what was read: " + reached.keySet());
        assertTrue(reached.keySet().stream().anyMatch(k -> k.startsWith("e-mail ")), "the juror's e-mails were read");
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        // Blind review off, the same part of the page names the territories: the scan sees a name where there is one.
        String open = browser.get("/jury/conflicts.xhtml").body();
        String dossiers =
                open.substring(open.indexOf("id=\"nominations-title\""), open.indexOf("id=\"territories-title\""));
        assertTrue(
                names.stream()
                        .anyMatch(name -> dossiers.contains(name) || dossiers.contains(name.replace("'", "&#39;"))),
                "the scan would have seen a territory's name");
    }

    private static String json(Http http, String path) {
        HttpResponse<String> answer = http.get(path, "Accept", "application/json");
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }

    /** One cell's try: true when the edition's phase refused the action, false when it let it through. */
    @FunctionalInterface
    private interface Probe {
        boolean refusedByPhase() throws Exception;
    }

    /** Runs the work as the application, in a transaction that is always rolled back. */
    private Probe inRollback(Work work) {
        return () -> {
            tx.begin();
            try {
                Access.asSystem(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
                return false;
            } catch (RuntimeException e) {
                if (phaseClosed(e)) return true;
                return false; // another rule said no: the phase itself let the action through
            } finally {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) tx.rollback();
                em.getEntityManagerFactory().getCache().evictAll();
            }
        };
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static boolean phaseClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PhaseClosed) return true;
        }
        return false;
    }

    private Map<EditionAction, Probe> probes(Objects o, Http juror) {
        Map<EditionAction, Probe> p = new EnumMap<>(EditionAction.class);
        p.put(EditionAction.EDITION_SETTINGS, inRollback(() -> {
            Edition e = detached(editions.get(o.edition()));
            e.setDescriptionFr(e.getDescriptionFr() + " (essai)");
            editions.update(e);
        }));
        p.put(EditionAction.REVIEW_SETTINGS, inRollback(() -> {
            Edition e = detached(editions.get(o.edition()));
            e.setBlindReview(!e.isBlindReview());
            editions.update(e);
        }));
        p.put(
                EditionAction.CATEGORY_STRUCTURE,
                inRollback(() -> editions.addCategory(o.edition(), "ESS", "Essai", "Try")));
        p.put(EditionAction.CATEGORY_TEXTS, inRollback(() -> {
            Category c = detached(editions.getCategory(o.category()));
            c.setNameFr(c.getNameFr() + " (essai)");
            editions.updateCategory(c);
        }));
        p.put(EditionAction.CRITERIA, inRollback(() -> editions.addCriterion(o.category(), "Essai", "Try", 1, 1, 5)));
        p.put(
                EditionAction.NOMINATION,
                inRollback(() -> nominations.createDraft(o.territory(), o.category(), "Candidature d'essai")));
        p.put(EditionAction.SCREENING_VERDICT, inRollback(() -> screening.screen(o.eligible(), true, null)));
        p.put(
                EditionAction.JURY,
                inRollback(() -> jurors.recordConflict(o.juror(), o.eligible(), ConflictKind.ORGANISER, "essai")));
        p.put(
                EditionAction.CONFLICT_DECLARATION,
                inRollback(() -> jurors.declareConflict(editions.get(o.edition()), o.eligible(), "essai")));
        p.put(EditionAction.ASSIGNMENT, inRollback(() -> assignments.lock(o.assignment(), true)));
        p.put(EditionAction.SCORING_SHEET, () -> {
            // As the dossier page's script saves: a stale version, so an allowed save stops at 412 and changes nothing.
            HttpResponse<String> answer = juror.request(
                    "PUT",
                    "/api/v1/scoresheets/" + o.sheet(),
                    "{\"scores\":{}}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "application/json",
                    "If-Match",
                    "\"999999\"");
            if (answer.statusCode() == 412) return false;
            assertTrue(Http.problem(answer, 409), answer.statusCode() + " " + answer.body());
            assertTrue(answer.body().contains("\"code\":\"phase.closed\""), answer.body());
            return true;
        });
        p.put(EditionAction.SCORING_OVERSIGHT, inRollback(() -> scoring.freeze(o.category(), true)));
        p.put(EditionAction.TALLY_SETTINGS, inRollback(() -> tally.use(o.category(), TallyMethod.RAW)));
        p.put(
                EditionAction.DELIBERATION_DECISION,
                inRollback(() -> tally.notAwarded(o.category(), "Aucun dossier cette année")));
        p.put(
                EditionAction.CEREMONY_PREPARATION,
                inRollback(() -> ceremony.configure(EDITION, 3, "#1d3557", "#ffffff")));
        p.put(EditionAction.CEREMONY_LIVE, inRollback(() -> ceremony.act(EDITION, "next", Locale.FRENCH)));
        p.put(EditionAction.PUBLICATION, inRollback(() -> publication.setPlace(o.edition(), "Montreuil")));
        p.put(
                EditionAction.PUBLIC_VOTE_SETUP,
                inRollback(() -> votes.setWindow(
                        o.publicVoteCategory(),
                        LocalDateTime.now(clock).minusDays(1),
                        LocalDateTime.now(clock).plusDays(30))));
        p.put(
                EditionAction.PUBLIC_VOTE,
                inRollback(() -> votes.cast(
                        o.publicVoteCategory(),
                        o.eligible(),
                        "phases." + System.nanoTime() + "@example.org",
                        null,
                        "127.0.0.1",
                        Locale.FRENCH)));
        p.put(EditionAction.VOTE_MODERATION, inRollback(() -> votes.voidVote(o.vote(), "essai")));
        // A blank reason: allowed by the phase, the anonymisation still stops before it writes anything.
        p.put(EditionAction.ANONYMISATION, inRollback(() -> anonymisation.anonymise(EDITION, " ")));
        return p;
    }

    private <T> T detached(T entity) {
        em.detach(entity);
        return entity;
    }

    /**
     * The demo edition's objects: an eligible nomination of the public-vote category (so a vote can name it), the
     * assigned juror with the charter accepted and a sheet opened, a counted vote. Made in the phases that allow them.
     */
    private Objects objects() throws Exception {
        tx.begin();
        Edition edition = em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", EDITION)
                .getSingleResult();
        Category voteCategory = edition.getCategories().stream()
                .filter(Category::isPublicVote)
                .findFirst()
                .orElseThrow();
        Category other = edition.getCategories().stream()
                .filter(c -> !c.isPublicVote())
                .findFirst()
                .orElseThrow();
        Juror juror = em.createQuery("select j from Juror j where j.edition = :e and j.account.email = :m", Juror.class)
                .setParameter("e", edition)
                .setParameter("m", Demo.JUROR)
                .getSingleResult();
        Nomination eligible = em.createQuery(
                        "select n from Nomination n where n.category = :c and n.status = :s order by n.id",
                        Nomination.class)
                .setParameter("c", voteCategory)
                .setParameter("s", NominationStatus.ELIGIBLE)
                .getResultStream()
                .filter(n -> !jurors.inConflict(juror, n))
                .findFirst()
                .orElseThrow();
        juror.acceptConfidentiality(clock);
        PublicVote vote = new PublicVote(voteCategory, eligible, "phase-it-voter", "127.0.0", clock.instant());
        em.persist(vote);
        tx.commit();
        PhaseSwitch.set(em, tx, EDITION, Phase.SCORING);
        tx.begin();
        long assignment = Access.asSystem(() -> assignments.add(juror.getId(), eligible.getId()))
                .getId();
        tx.commit();
        Http http = new Http(url);
        assertEquals(302, http.login(Demo.JUROR, Demo.PASSWORD).statusCode());
        HttpResponse<String> sheet = http.request(
                "POST", "/api/v1/me/assignments/" + assignment + "/scoresheet", null, "Accept", "application/json");
        assertEquals(200, sheet.statusCode(), sheet.body());
        long sheetId = jakarta.json.Json.createReader(new StringReader(sheet.body()))
                .readObject()
                .getJsonNumber("id")
                .longValue();
        return new Objects(
                edition.getId(),
                other.getId(),
                voteCategory.getId(),
                eligible.getId(),
                eligible.getTerritory().getId(),
                juror.getId(),
                assignment,
                sheetId,
                vote.getId());
    }
}
