package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Conflict;
import org.palmares.jury.ConflictKind;
import org.palmares.jury.Juror;
import org.palmares.nomination.MetadataFixtures;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;
import org.palmares.platform.Access;
import org.palmares.scoring.ScoreSheetRevision;
import org.palmares.scoring.ScoringService;

/**
 * Scoring inside a running Palmarès, over HTTP as the demo jurors: every forbidden path (another juror's sheet, a
 * nomination not assigned, in conflict, after the deadline, frozen), optimistic locking with If-Match, the history
 * kept, and blind review leaking no territory name. Each test builds an edition of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ScoringIT {
    private static final String OTHER_JUROR = "jure02@demo.palmares.org";

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares().addClasses(Deployments.class, Http.class, Demo.class, MetadataFixtures.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    Clock clock;

    @Inject
    ScoringService scoring;

    @ArquillianResource
    URL url;

    /** An edition of its own: one category with two criteria, two eligible nominations, jure01 and jure02 on n0. */
    record Setup(
            Edition edition,
            Category category,
            List<Criterion> criteria,
            Territory territory,
            Nomination assigned,
            Nomination unassigned,
            Assignment mine,
            Assignment theirs) {}

    private Setup setup(boolean blind, LocalDateTime scoringDeadline) throws Exception {
        String suffix =
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        tx.begin();
        Edition edition =
                new Edition("SC" + suffix, 2031, "Notation " + suffix, "Scoring " + suffix, "Europe/Paris", clock);
        edition.setBlindReview(blind);
        edition.setScoringDeadline(scoringDeadline);
        Category category = edition.addCategory("SOC", "Social", "Social");
        category.setLimitPerTerritory(5);
        Criterion impact = category.addCriterion("Impact", "Impact", 2, 1, 5);
        impact.anchor(1, "Aucun effet visible", "No visible effect");
        impact.anchor(5, "Effet mesuré et durable", "Measured, lasting effect");
        Criterion partners = category.addCriterion("Partenariat", "Partnership", 1, 0, 10);
        PhaseSwitch.advance(edition, org.palmares.edition.Phase.SCORING);
        em.persist(edition);
        Territory territory = new Territory("Territoire Secret " + suffix, TerritoryKind.PLIE, "Bretagne", "29", clock);
        em.persist(territory);
        Nomination n0 = new Nomination(category, territory, 0, "Chantier " + suffix, clock);
        // A file named after its author, as they often are, and whose metadata (document information, XMP) names the
        // territory too: blind review must let neither through.
        String stored = "it-" + suffix + ".pdf";
        byte[] pdf = MetadataFixtures.pdf(territory.getName());
        Path attachments = Path.of(
                        ConfigProvider.getConfig().getValue("palmares.data.dir", String.class), "attachments")
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(attachments);
        Files.write(attachments.resolve(stored), pdf);
        n0.attach("Bilan " + territory.getName() + ".pdf", stored, "application/pdf", pdf.length, null, clock);
        n0.submit("SC" + suffix + "-SOC-001", clock);
        n0.screen(true, null, clock);
        em.persist(n0);
        Nomination n1 = new Nomination(category, territory, 1, "Autre " + suffix, clock);
        n1.submit("SC" + suffix + "-SOC-002", clock);
        n1.screen(true, null, clock);
        em.persist(n1);
        Juror me = juror(edition, Demo.JUROR);
        Juror other = juror(edition, OTHER_JUROR);
        Assignment mine = new Assignment(me, n0, AssignmentSource.MANUAL, clock);
        Assignment theirs = new Assignment(other, n0, AssignmentSource.MANUAL, clock);
        em.persist(mine);
        em.persist(theirs);
        tx.commit();
        return new Setup(edition, category, List.of(impact, partners), territory, n0, n1, mine, theirs);
    }

    private Juror juror(Edition edition, String email) {
        Account account = em.createQuery("select a from Account a where a.email = :e", Account.class)
                .setParameter("e", email)
                .getSingleResult();
        Juror juror = new Juror(edition, account, "Occitanie", 10);
        juror.acceptConfidentiality(clock);
        em.persist(juror);
        return juror;
    }

    private HttpResponse<String> call(String method, String path, String who, String body, String... more) {
        String[] headers = new String[6 + more.length];
        headers[0] = "Authorization";
        headers[1] = Http.basic(who, Demo.PASSWORD);
        headers[2] = "Accept";
        headers[3] = "application/json";
        headers[4] = "Content-Type";
        headers[5] = "application/json";
        System.arraycopy(more, 0, headers, 6, more.length);
        return new Http(url)
                .request(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private JsonObject open(Assignment assignment, String who) {
        HttpResponse<String> opened =
                call("POST", "/api/v1/me/assignments/" + assignment.getId() + "/scoresheet", who, null);
        assertEquals(200, opened.statusCode(), opened.body());
        return json(opened.body());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String scores(Criterion c, int value) {
        return "{\"scores\":{\"" + c.getId() + "\":{\"value\":" + value + "}}}";
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
    }

    @Test
    void a_juror_cannot_read_or_change_another_jurors_sheet() throws Exception {
        Setup s = setup(false, null);
        long theirs = open(s.theirs(), OTHER_JUROR).getJsonNumber("id").longValue();
        assertProblem(404, call("GET", "/api/v1/scoresheets/" + theirs, Demo.JUROR, null));
        assertProblem(
                404,
                call(
                        "PUT",
                        "/api/v1/scoresheets/" + theirs,
                        Demo.JUROR,
                        scores(s.criteria().get(0), 5),
                        "If-Match",
                        "\"0\""));
        assertProblem(404, call("POST", "/api/v1/scoresheets/" + theirs + "/submit", Demo.JUROR, null));
        assertProblem(
                404, call("POST", "/api/v1/me/assignments/" + s.theirs().getId() + "/scoresheet", Demo.JUROR, null));
        assertProblem(404, call("GET", "/api/v1/scoresheets/" + theirs, Demo.ORGANISER, null));
        assertEquals(
                200,
                call("GET", "/api/v1/scoresheets/" + theirs, OTHER_JUROR, null).statusCode());
    }

    @Test
    void a_juror_cannot_open_a_nomination_not_assigned_to_them_on_the_page_or_over_rest() throws Exception {
        Setup s = setup(false, null);
        Http browser = new Http(url);
        assertEquals(302, browser.login(Demo.JUROR, Demo.PASSWORD).statusCode());
        HttpResponse<String> page =
                browser.get("/jury/dossier.xhtml?nomination=" + s.unassigned().getId());
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").contains("/error/404.xhtml"));
        HttpResponse<String> other =
                browser.get("/jury/dossier.xhtml?assignment=" + s.theirs().getId());
        assertTrue(other.headers().firstValue("Location").orElse("").contains("/error/404.xhtml"));
        HttpResponse<String> mine =
                browser.get("/jury/dossier.xhtml?assignment=" + s.mine().getId());
        assertEquals(200, mine.statusCode());
        assertTrue(mine.body().contains(s.assigned().getTitle()));
        assertTrue(mine.body().contains("Aucun effet visible"), "the anchors are shown");
        Http territory = new Http(url);
        assertEquals(302, territory.login(Demo.TERRITORY, Demo.PASSWORD).statusCode());
        assertEquals(
                403,
                territory
                        .get("/jury/dossier.xhtml?assignment=" + s.mine().getId())
                        .statusCode());
    }

    @Test
    void the_dossier_page_autosaves_over_rest_on_the_jurors_session_and_nobody_elses_session_reaches_that_sheet()
            throws Exception {
        Setup s = setup(false, null);
        Http browser = new Http(url);
        assertEquals(302, browser.login(Demo.JUROR, Demo.PASSWORD).statusCode());
        String page = browser.get("/jury/dossier.xhtml?assignment=" + s.mine().getId())
                .body();
        java.util.regex.Matcher api = java.util.regex.Pattern.compile("data-api=\"[^\"]*(/api/v1/scoresheets/\\d+)\"")
                .matcher(page);
        assertTrue(api.find(), "the page tells its script where to save");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile(
                        "id=\"sheetForm:version\"[^>]*value=\"(\\d+)\"")
                .matcher(page);
        assertTrue(version.find(), "the page carries the sheet's version");
        Criterion impact = s.criteria().get(0);
        assertTrue(page.contains("data-criterion=\"" + impact.getId() + "\""));
        String[] json = {"Content-Type", "application/json", "Accept", "application/json"};
        String ifMatch = "\"" + version.group(1) + "\"";
        // What the page's script sends: the session cookie, JSON, If-Match.
        HttpResponse<String> saved = browser.request(
                "PUT",
                api.group(1),
                scores(impact, 3).getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json",
                "Accept",
                "application/json",
                "If-Match",
                ifMatch);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject view = json(saved.body());
        assertEquals(3, view.getJsonObject("values").getInt(String.valueOf(impact.getId())));
        assertEquals(
                Long.parseLong(version.group(1)) + 1,
                view.getJsonNumber("version").longValue());
        // The page reloaded shows the saved value and the new version.
        String again = browser.get("/jury/dossier.xhtml?assignment=" + s.mine().getId())
                .body();
        assertTrue(again.contains("value=\"" + view.getJsonNumber("version") + "\""), "the new version is in the page");
        // Another juror's session, a territory's and no session at all cannot save that sheet.
        Http other = new Http(url);
        assertEquals(302, other.login(OTHER_JUROR, Demo.PASSWORD).statusCode());
        String[] stale = {"If-Match", "\"" + view.getJsonNumber("version") + "\""};
        byte[] body = scores(impact, 1).getBytes(StandardCharsets.UTF_8);
        assertProblem(404, other.request("PUT", api.group(1), body, concat(json, stale)));
        Http territory = new Http(url);
        assertEquals(302, territory.login(Demo.TERRITORY, Demo.PASSWORD).statusCode());
        assertProblem(404, territory.request("PUT", api.group(1), body, concat(json, stale)));
        assertProblem(401, new Http(url).request("PUT", api.group(1), body, concat(json, stale)));
        // The page's script after its session expired: 401, but no Basic challenge for the browser to pop up.
        HttpResponse<String> expired = new Http(url)
                .request("PUT", api.group(1), body, concat(concat(json, stale), new String[] {
                    "X-Requested-With", "XMLHttpRequest"
                }));
        assertProblem(401, expired);
        assertFalse(
                expired.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                "no password dialog over the page");
        JsonObject now = json(call("GET", "/api/v1/scoresheets/" + view.getJsonNumber("id"), Demo.JUROR, null)
                .body());
        assertEquals(3, now.getJsonObject("values").getInt(String.valueOf(impact.getId())), "nothing overwritten");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void a_juror_in_conflict_with_the_nominations_territory_cannot_open_the_sheet() throws Exception {
        Setup s = setup(false, null);
        tx.begin();
        Juror me = em.find(Assignment.class, s.mine().getId()).getJuror();
        em.persist(Conflict.withTerritory(
                me,
                em.find(Territory.class, s.territory().getId()),
                ConflictKind.ORGANISER,
                "Ancien salarié",
                null,
                clock));
        tx.commit();
        assertProblem(
                404, call("POST", "/api/v1/me/assignments/" + s.mine().getId() + "/scoresheet", Demo.JUROR, null));
    }

    @Test
    void after_the_scoring_deadline_the_server_refuses_every_change_with_409() throws Exception {
        Setup s = setup(
                false,
                LocalDateTime.now(clock.withZone(java.time.ZoneId.of("Europe/Paris")))
                        .minusHours(1));
        JsonObject sheet = open(s.mine(), Demo.JUROR);
        long id = sheet.getJsonNumber("id").longValue();
        assertFalse(sheet.getBoolean("changeable"));
        HttpResponse<String> late = call(
                "PUT",
                "/api/v1/scoresheets/" + id,
                Demo.JUROR,
                scores(s.criteria().get(0), 4),
                "If-Match",
                "\"" + sheet.getJsonNumber("version") + "\"");
        assertProblem(409, late);
        assertTrue(late.body().contains("date limite") || late.body().contains("deadline"), late.body());
        assertProblem(409, call("POST", "/api/v1/scoresheets/" + id + "/submit", Demo.JUROR, null));
    }

    @Test
    void a_frozen_category_refuses_changes_until_unfrozen() throws Exception {
        Setup s = setup(false, null);
        JsonObject sheet = open(s.mine(), Demo.JUROR);
        long id = sheet.getJsonNumber("id").longValue();
        Access.asSystem(() -> {
            scoring.freeze(s.category().getId(), true);
            return null;
        });
        assertProblem(
                409,
                call(
                        "PUT",
                        "/api/v1/scoresheets/" + id,
                        Demo.JUROR,
                        scores(s.criteria().get(0), 4),
                        "If-Match",
                        "\"0\""));
        Access.asSystem(() -> {
            scoring.freeze(s.category().getId(), false);
            return null;
        });
        assertEquals(
                200,
                call(
                                "PUT",
                                "/api/v1/scoresheets/" + id,
                                Demo.JUROR,
                                scores(s.criteria().get(0), 4),
                                "If-Match",
                                "\"" + sheet.getJsonNumber("version") + "\"")
                        .statusCode());
    }

    @Test
    void a_stale_if_match_is_refused_with_412_naming_what_changed_and_a_missing_one_with_428() throws Exception {
        Setup s = setup(false, null);
        JsonObject sheet = open(s.mine(), Demo.JUROR);
        long id = sheet.getJsonNumber("id").longValue();
        String first = "\"" + sheet.getJsonNumber("version") + "\"";
        Criterion impact = s.criteria().get(0);
        HttpResponse<String> tab1 =
                call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(impact, 4), "If-Match", first);
        assertEquals(200, tab1.statusCode(), tab1.body());
        assertEquals(4, json(tab1.body()).getJsonObject("values").getInt(String.valueOf(impact.getId())));
        HttpResponse<String> tab2 =
                call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(impact, 2), "If-Match", first);
        assertProblem(412, tab2);
        assertTrue(tab2.body().contains("(4)"), "the stored value is named: " + tab2.body());
        assertProblem(428, call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(impact, 2)));
        JsonObject now =
                json(call("GET", "/api/v1/scoresheets/" + id, Demo.JUROR, null).body());
        assertEquals(4, now.getJsonObject("values").getInt(String.valueOf(impact.getId())), "nothing overwritten");
    }

    @Test
    void scores_outside_the_scale_and_incomplete_submissions_are_refused_and_every_change_is_kept_in_history()
            throws Exception {
        Setup s = setup(false, null);
        JsonObject sheet = open(s.mine(), Demo.JUROR);
        long id = sheet.getJsonNumber("id").longValue();
        Criterion impact = s.criteria().get(0);
        Criterion partners = s.criteria().get(1);
        String v0 = "\"" + sheet.getJsonNumber("version") + "\"";
        assertProblem(400, call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(impact, 6), "If-Match", v0));
        HttpResponse<String> saved =
                call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(impact, 5), "If-Match", v0);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(100.0, json(saved.body()).getJsonNumber("result").doubleValue(), 1e-9);
        HttpResponse<String> incomplete = call("POST", "/api/v1/scoresheets/" + id + "/submit", Demo.JUROR, null);
        assertProblem(422, incomplete);
        assertTrue(incomplete.body().contains("2"), incomplete.body());
        String v1 = saved.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> complete =
                call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(partners, 0), "If-Match", v1);
        assertEquals(200, complete.statusCode(), complete.body());
        assertEquals(
                100 * 2.0 / 3, json(complete.body()).getJsonNumber("result").doubleValue(), 0.05);
        HttpResponse<String> submitted = call("POST", "/api/v1/scoresheets/" + id + "/submit", Demo.JUROR, null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("SUBMITTED", json(submitted.body()).getString("status"));
        String v3 = submitted.headers().firstValue("ETag").orElseThrow();
        assertProblem(409, call("PUT", "/api/v1/scoresheets/" + id, Demo.JUROR, scores(impact, 3), "If-Match", v3));
        HttpResponse<String> reopened = call("POST", "/api/v1/scoresheets/" + id + "/reopen", Demo.JUROR, null);
        assertEquals(200, reopened.statusCode(), reopened.body());
        assertEquals("DRAFT", json(reopened.body()).getString("status"));

        List<ScoreSheetRevision> history = Access.asSystem(() -> scoring.history(id));
        assertEquals(
                List.of("save", "save", "submit", "reopen"),
                history.stream()
                        .map(r -> json(r.getSnapshot()).getString("action"))
                        .toList());
        JsonObject firstSave = json(history.get(0).getSnapshot());
        assertEquals(Demo.JUROR, firstSave.getString("by"));
        assertEquals(5, firstSave.getJsonArray("scores").getJsonObject(0).getInt("value"));
        long audited = em.createQuery(
                        "select count(e) from AuditEvent e where e.objectType = 'ScoreSheet' and e.objectId = :id",
                        Long.class)
                .setParameter("id", String.valueOf(id))
                .getSingleResult();
        assertEquals(2, audited, "submit and reopen are audited");
    }

    @Test
    void in_blind_mode_no_juror_page_rest_answer_or_download_names_the_territory() throws Exception {
        Setup s = setup(true, null);
        String name = s.territory().getName();
        long nomination = s.assigned().getId();
        long file = s.assigned().getAttachments().get(0).getId();
        Http browser = new Http(url);
        assertEquals(302, browser.login(Demo.JUROR, Demo.PASSWORD).statusCode());
        HttpResponse<String> page =
                browser.get("/jury/dossier.xhtml?assignment=" + s.mine().getId());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(s.assigned().getTitle()));
        assertFalse(page.body().contains(name), "the dossier page names the territory");
        JsonObject sheet = open(s.mine(), Demo.JUROR);
        HttpResponse<String> rest =
                call("GET", "/api/v1/scoresheets/" + sheet.getJsonNumber("id").longValue(), Demo.JUROR, null);
        assertFalse(rest.body().contains(name));
        assertFalse(
                call("GET", "/api/v1/me/assignments", Demo.JUROR, null).body().contains(name));

        HttpResponse<String> read = call("GET", "/api/v1/nominations/" + nomination, Demo.JUROR, null);
        assertEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains(name), "GET /nominations/{id} names the territory: " + read.body());
        assertFalse(
                json(read.body()).containsKey("territory") && !json(read.body()).isNull("territory"));
        HttpResponse<String> files =
                call("GET", "/api/v1/nominations/" + nomination + "/attachments", Demo.JUROR, null);
        assertEquals(200, files.statusCode(), files.body());
        assertFalse(files.body().contains(name), files.body());
        String download = "/api/v1/nominations/" + nomination + "/attachments/" + file;
        for (String inline : List.of("", "?inline=true")) {
            HttpResponse<byte[]> got = new Http(url).getBytes(download + inline, "Authorization", juror());
            assertEquals(200, got.statusCode());
            String disposition = got.headers().firstValue("Content-Disposition").orElseThrow();
            assertFalse(disposition.contains("Secret"), "the download name names the territory: " + disposition);
            assertTrue(disposition.contains(s.assigned().getReference() + "-1.pdf"), disposition);
            assertCopyNamesNoOne(got.body(), name, "the download" + inline);
        }
        HttpResponse<byte[]> fromPage = browser.getBytes(download + "?inline=true");
        assertFalse(
                fromPage.headers().firstValue("Content-Disposition").orElse("").contains("Secret"),
                "the link in the page downloads under a neutral name too");
        assertCopyNamesNoOne(fromPage.body(), name, "the preview in the dossier page");
        byte[] original = new Http(url)
                .getBytes(download, "Authorization", Http.basic(Demo.ORGANISER, Demo.PASSWORD))
                .body();
        assertTrue(
                new String(original, StandardCharsets.ISO_8859_1).contains(name),
                "the organiser gets the file as uploaded, its metadata included");

        // A file that cannot be read through (a broken PDF) is refused to the juror, never sent as it is.
        long broken = attach(s.assigned(), "%PDF-1.4\n/Author (" + name + ")\n%%EOF\n");
        String brokenPath = "/api/v1/nominations/" + nomination + "/attachments/" + broken;
        for (String inline : List.of("", "?inline=true")) {
            HttpResponse<String> refused = call("GET", brokenPath + inline, Demo.JUROR, null);
            assertProblem(422, refused);
            assertTrue(refused.body().contains("attachment.blindCopy.unreadable"), refused.body());
            assertFalse(refused.body().contains(name), refused.body());
        }
        assertEquals(200, call("GET", brokenPath, Demo.ORGANISER, null).statusCode(), "the organiser still gets it");

        HttpResponse<String> organiser = call("GET", "/api/v1/nominations/" + nomination, Demo.ORGANISER, null);
        assertTrue(organiser.body().contains(name), "organisers still see the territory");
        Setup open = setup(false, null);
        HttpResponse<String> seen =
                browser.get("/jury/dossier.xhtml?assignment=" + open.mine().getId());
        assertTrue(seen.body().contains(open.territory().getName()), "outside blind mode the territory is shown");
        assertTrue(call("GET", "/api/v1/nominations/" + open.assigned().getId(), Demo.JUROR, null)
                .body()
                .contains(open.territory().getName()));
    }

    /** Adds a stored file to a nomination, as an upload would have; returns the attachment's id. */
    private long attach(Nomination nomination, String content) throws Exception {
        String stored = "it-" + UUID.randomUUID() + ".pdf";
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        Files.write(
                Path.of(ConfigProvider.getConfig().getValue("palmares.data.dir", String.class), "attachments", stored)
                        .toAbsolutePath(),
                bytes);
        // The nomination is eligible, so no longer takes files (Nomination.attach): the row is written directly, and
        // the nomination leaves the shared cache so that its list of files is read again.
        tx.begin();
        var attachment = new org.palmares.nomination.Attachment(
                em.find(Nomination.class, nomination.getId()),
                "Annexe.pdf",
                stored,
                "application/pdf",
                bytes.length,
                null,
                clock.instant());
        em.persist(attachment);
        tx.commit();
        em.getEntityManagerFactory().getCache().evict(Nomination.class, nomination.getId());
        return attachment.getId();
    }

    private static String juror() {
        return Http.basic(Demo.JUROR, Demo.PASSWORD);
    }

    /** A juror's copy: still the PDF (its two pages and text), and no byte of it names the territory. */
    private static void assertCopyNamesNoOne(byte[] copy, String territory, String what) throws Exception {
        assertFalse(new String(copy, StandardCharsets.ISO_8859_1).contains(territory), what + " names the territory");
        assertFalse(new String(copy, StandardCharsets.UTF_16BE).contains(territory), what + " names the territory");
        var reader = new com.lowagie.text.pdf.PdfReader(copy);
        assertEquals(2, reader.getNumberOfPages(), what);
        assertTrue(
                new com.lowagie.text.pdf.parser.PdfTextExtractor(reader)
                        .getTextFromPage(1)
                        .contains("Bilan d'activite"),
                what + " lost its text");
        assertTrue(reader.getInfo().values().stream().noneMatch(v -> v.contains("Secret")), what);
        reader.close();
    }

    @Test
    void a_recusal_ends_the_assignment_records_the_conflict_and_tells_the_organisers() throws Exception {
        Setup s = setup(false, null);
        HttpResponse<String> recused = call(
                "POST",
                "/api/v1/me/assignments/" + s.mine().getId() + "/recuse",
                Demo.JUROR,
                "{\"reason\":\"Mon ancien employeur\"}");
        assertEquals(204, recused.statusCode(), recused.body());
        assertTrue(em.find(Assignment.class, s.mine().getId()).isRecused());
        long conflicts = em.createQuery(
                        "select count(c) from Conflict c where c.nomination.id = :n and c.kind = :k", Long.class)
                .setParameter("n", s.assigned().getId())
                .setParameter("k", ConflictKind.DECLARED)
                .getSingleResult();
        assertEquals(1, conflicts);
        long mails = em.createQuery(
                        "select count(m) from OutboxMessage m where m.recipient = :r and m.subject like :s", Long.class)
                .setParameter("r", Demo.ORGANISER)
                .setParameter("s", "%" + s.assigned().getReference() + "%")
                .getSingleResult();
        assertEquals(1, mails);
        assertProblem(
                404, call("POST", "/api/v1/me/assignments/" + s.mine().getId() + "/scoresheet", Demo.JUROR, null));
        assertProblem(
                400,
                call(
                        "POST",
                        "/api/v1/me/assignments/" + s.theirs().getId() + "/recuse",
                        OTHER_JUROR,
                        "{\"reason\":\" \"}"));
    }

    private HttpResponse<String> markdown(String path, String who, String body) {
        return new Http(url)
                .request(
                        "PUT",
                        path,
                        body.getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.basic(who, Demo.PASSWORD),
                        "Accept",
                        "application/json",
                        "Content-Type",
                        "text/markdown; charset=UTF-8");
    }

    private HttpResponse<String> save(long sheet, String who, String body) {
        HttpResponse<String> now = call("GET", "/api/v1/scoresheets/" + sheet, who, null);
        return call(
                "PUT",
                "/api/v1/scoresheets/" + sheet,
                who,
                body,
                "If-Match",
                now.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void organisers_see_the_values_of_a_nominations_sheets_only_when_they_ask_and_remind_the_unfinished()
            throws Exception {
        Setup s = setup(false, null);
        String edition = s.edition().getCode();
        long sheet = open(s.mine(), Demo.JUROR).getJsonNumber("id").longValue();
        Criterion impact = s.criteria().get(0);
        assertEquals(200, save(sheet, Demo.JUROR, scores(impact, 4)).statusCode());
        String path =
                "/api/v1/editions/" + edition + "/nominations/" + s.assigned().getId() + "/sheets";
        HttpResponse<String> states = call("GET", path, Demo.ORGANISER, null);
        assertEquals(200, states.statusCode(), states.body());
        var lines = Json.createReader(new StringReader(states.body())).readArray();
        assertEquals(2, lines.size());
        assertTrue(
                lines.stream()
                        .allMatch(l -> l.asJsonObject().getJsonArray("scores").isEmpty()),
                states.body());
        assertTrue(states.body().contains("DRAFT") && states.body().contains("NOT_STARTED"), states.body());
        HttpResponse<String> values = call("GET", path + "?values=true", Demo.ORGANISER, null);
        assertTrue(values.body().contains("\"value\":4"), values.body());

        HttpResponse<String> reminded = call(
                "POST",
                "/api/v1/editions/" + edition + "/nominations/" + s.assigned().getId() + "/remind",
                Demo.ORGANISER,
                null);
        assertEquals(200, reminded.statusCode(), reminded.body());
        assertEquals(2, json(reminded.body()).getInt("reminded"));
        long mails = em.createQuery(
                        "select count(m) from OutboxMessage m where m.recipient = :r and m.subject like :s", Long.class)
                .setParameter("r", OTHER_JUROR)
                .setParameter("s", "%" + s.assigned().getReference() + "%")
                .getSingleResult();
        assertEquals(1, mails);

        Juror mine = em.find(Assignment.class, s.mine().getId()).getJuror();
        HttpResponse<String> ofJuror = call(
                "GET", "/api/v1/editions/" + edition + "/jurors/" + mine.getId() + "/sheets", Demo.ORGANISER, null);
        assertEquals(200, ofJuror.statusCode(), ofJuror.body());
        assertTrue(ofJuror.body().contains(s.assigned().getReference()));

        Http organiser = new Http(url);
        assertEquals(302, organiser.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
        HttpResponse<String> page = organiser.get(
                "/organiser/sheets.xhtml?nomination=" + s.assigned().getId());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(s.assigned().getTitle()));
    }

    @Test
    void jurors_and_territories_cannot_reach_the_organisers_sheets_freeze_history_or_guides() throws Exception {
        Setup s = setup(false, null);
        String base = "/api/v1/editions/" + s.edition().getCode();
        long n = s.assigned().getId();
        for (String who : List.of(Demo.JUROR, Demo.TERRITORY)) {
            assertProblem(403, call("GET", base + "/nominations/" + n + "/sheets?values=true", who, null));
            assertProblem(403, call("GET", base + "/nominations/" + n + "/sheets/history", who, null));
            assertProblem(403, call("POST", base + "/nominations/" + n + "/remind", who, null));
            assertProblem(403, call("PUT", base + "/scoring/categories/SOC/freeze", who, null));
            assertProblem(403, call("DELETE", base + "/scoring/categories/SOC/freeze", who, null));
            assertProblem(403, call("GET", base + "/scoring/categories", who, null));
            assertProblem(403, markdown("/api/v1/organiser/jury-guides/SOC/fr", who, "# Pirate"));
            Http browser = new Http(url);
            assertEquals(302, browser.login(who, Demo.PASSWORD).statusCode());
            assertEquals(
                    403, browser.get("/organiser/sheets.xhtml?nomination=" + n).statusCode());
            assertEquals(403, browser.get("/organiser/guides.xhtml").statusCode());
        }
        assertProblem(401, new Http(url).get(base + "/nominations/" + n + "/sheets", "Accept", "application/json"));
        assertProblem(404, call("GET", base + "/nominations/999999999/sheets", Demo.ORGANISER, null));
    }

    @Test
    void an_organiser_freezes_and_unfreezes_a_category_over_rest() throws Exception {
        Setup s = setup(false, null);
        long sheet = open(s.mine(), Demo.JUROR).getJsonNumber("id").longValue();
        String freeze = "/api/v1/editions/" + s.edition().getCode() + "/scoring/categories/SOC/freeze";
        HttpResponse<String> frozen = call("PUT", freeze, Demo.ORGANISER, null);
        assertEquals(200, frozen.statusCode(), frozen.body());
        assertTrue(json(frozen.body()).getBoolean("frozen"));
        assertProblem(409, save(sheet, Demo.JUROR, scores(s.criteria().get(0), 3)));
        HttpResponse<String> open = call("DELETE", freeze, Demo.ORGANISER, null);
        assertFalse(json(open.body()).getBoolean("frozen"));
        assertEquals(
                200, save(sheet, Demo.JUROR, scores(s.criteria().get(0), 3)).statusCode());
    }

    @Test
    void changes_to_a_submitted_sheet_are_listed_for_organisers_with_who_when_criterion_old_and_new() throws Exception {
        Setup s = setup(false, null);
        long sheet = open(s.mine(), Demo.JUROR).getJsonNumber("id").longValue();
        Criterion impact = s.criteria().get(0);
        Criterion partners = s.criteria().get(1);
        assertEquals(200, save(sheet, Demo.JUROR, scores(impact, 2)).statusCode());
        assertEquals(200, save(sheet, Demo.JUROR, scores(impact, 3)).statusCode());
        assertEquals(200, save(sheet, Demo.JUROR, scores(partners, 7)).statusCode());
        assertEquals(
                200,
                call("POST", "/api/v1/scoresheets/" + sheet + "/submit", Demo.JUROR, null)
                        .statusCode());
        assertEquals(
                200,
                call("POST", "/api/v1/scoresheets/" + sheet + "/reopen", Demo.JUROR, null)
                        .statusCode());
        assertEquals(200, save(sheet, Demo.JUROR, scores(impact, 5)).statusCode());
        HttpResponse<String> history = call(
                "GET",
                "/api/v1/editions/" + s.edition().getCode() + "/nominations/"
                        + s.assigned().getId() + "/sheets/history",
                Demo.ORGANISER,
                null);
        assertEquals(200, history.statusCode(), history.body());
        var changes = Json.createReader(new StringReader(history.body())).readArray();
        JsonObject value = changes.stream()
                .map(v -> v.asJsonObject())
                .filter(c -> "value".equals(c.getString("field")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(history.body()));
        assertEquals("3", value.getString("before"));
        assertEquals("5", value.getString("after"));
        assertEquals("1. Impact", value.getString("what"));
        assertEquals(Demo.JUROR, value.getString("by"));
        assertEquals(3, changes.size(), "submit, reopen, one value — the drafts before submission are not history");
    }

    @Test
    void an_organiser_edits_a_jury_guide_jurors_read_the_edit_and_a_reset_brings_the_file_back() throws Exception {
        Setup s = setup(false, null);
        String marker = "Consigne modifiee " + UUID.randomUUID();
        String guide = "/api/v1/organiser/jury-guides/SOC/fr";
        String file = json(call("GET", guide, Demo.ORGANISER, null).body()).getString("markdown");
        HttpResponse<String> saved = markdown(guide, Demo.ORGANISER, "## " + marker + "\n\n<script>alert(1)</script>");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(json(saved.body()).getBoolean("edited"));
        try {
            Http juror = new Http(url);
            assertEquals(302, juror.login(Demo.JUROR, Demo.PASSWORD).statusCode());
            String page = juror.get("/jury/dossier.xhtml?assignment=" + s.mine().getId())
                    .body();
            assertTrue(page.contains(marker), "the juror reads the edited guide");
            assertFalse(page.contains("<script>alert(1)</script>"), "raw HTML in a guide is escaped");
            assertProblem(403, markdown(guide, Demo.JUROR, "# Pirate"));
            assertProblem(400, markdown(guide, Demo.ORGANISER, "  "));
            Http organiser = new Http(url);
            assertEquals(302, organiser.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
            HttpResponse<String> editor = organiser.get("/organiser/guides.xhtml?guide=SOC&lang=fr");
            assertEquals(200, editor.statusCode());
            assertTrue(editor.body().contains(marker));
        } finally {
            assertEquals(204, call("DELETE", guide, Demo.ORGANISER, null).statusCode());
        }
        JsonObject back = json(call("GET", guide, Demo.ORGANISER, null).body());
        assertFalse(back.getBoolean("edited"));
        assertEquals(file, back.getString("markdown"));
        long versions = em.createQuery(
                        "select count(g) from JuryGuideVersion g where g.guide = 'SOC' and g.lang = 'fr' "
                                + "and g.body like :m",
                        Long.class)
                .setParameter("m", "%" + marker + "%")
                .getSingleResult();
        assertEquals(1, versions, "the edited version is kept as history");
    }
}
