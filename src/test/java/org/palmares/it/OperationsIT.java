package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;

/**
 * Operations in a running Palmarès: the OpenAPI document covers every JAX-RS method with its errors, the API page
 * lists them, health answers with its named checks and reports a mail backlog, and the business counters of
 * /metrics move when a juror submits a sheet and a vote is verified. Mail goes to a closed loopback port, so messages
 * stay pending and every delivery fails; a message pending for 0 minutes is a backlog beyond 0 here. The order
 * matters: health is checked before any mail is queued. Last, a full disk, simulated ({@link SimulatedDisk}: CI
 * cannot mount a small file system; scripts/disk-full.sh fills a real one): every write is a 503 problem in the
 * caller's language with Retry-After, reads and logins go on, readiness is DOWN with the reason and liveness UP, and
 * once space is back, without a restart, writes go through and nothing refused was kept.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {
    private static final Pattern VOTE_CODE = Pattern.compile("\n {4}(\\d{6})\n");
    private static final String LOAD_TERRITORY = "contact@charge-territoire001.demo.palmares.org";
    private static final String OTHER_LOAD_TERRITORY = "contact@charge-territoire002.demo.palmares.org";
    private static final String LOAD_JUROR = "charge-jure001@demo.palmares.org";
    private static final Pattern ASSIGNMENT = Pattern.compile("\"assignment\":(\\d+)");
    private static final Pattern SHEET_API = Pattern.compile("data-api=\"[^\"]*(/api/v1/scoresheets/\\d+)\"");
    private static final Pattern CRITERION = Pattern.compile("data-criterion=\"(\\d+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares(
                        "palmares.smtp.host=127.0.0.1",
                        "palmares.smtp.port=9",
                        "palmares.health.outbox-max-backlog=0",
                        "palmares.health.outbox-max-age-minutes=0",
                        // A full disk at will (SimulatedDisk) and load accounts with dossiers of their own; the
                        // storage is measured on every write so that a test need not wait for the next check.
                        "palmares.demo.jurors=1",
                        "palmares.demo.territories=2",
                        "palmares.storage.check-millis=0",
                        "palmares.storage.retry-after-seconds=7")
                .addClasses(Deployments.class, Http.class, Demo.class, SimulatedDisk.class, SimulatedDisk.Switch.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    Clock clock;

    @ArquillianResource
    URL url;

    // --- helpers ---

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private HttpResponse<String> call(String method, String path, String who, String body, String... more) {
        List<String> headers =
                new ArrayList<>(List.of("Accept", "application/json", "Content-Type", "application/json"));
        if (who != null) headers.addAll(List.of("Authorization", Http.basic(who, Demo.PASSWORD)));
        headers.addAll(List.of(more));
        return new Http(url)
                .request(
                        method,
                        path,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        headers.toArray(String[]::new));
    }

    /** The value of an application counter in /metrics (0 when not there yet). */
    private double metric(String name) {
        HttpResponse<String> metrics = new Http(url).get("/metrics");
        assertEquals(200, metrics.statusCode());
        Matcher m = Pattern.compile(
                        "(?m)^" + Pattern.quote(name) + "\\{[^}]*mp_scope=\"application\"[^}]*\\} ([0-9.E+-]+)$")
                .matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private String metrics() {
        return new Http(url).get("/metrics").body();
    }

    private JsonObject health(String path) {
        HttpResponse<String> answer = new Http(url).get(path);
        assertTrue(
                answer.headers().firstValue("Content-Type").orElse("").contains("json"),
                path + " answers JSON: " + answer.headers());
        return json(answer.body());
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> name.equals(c.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    /** Every JAX-RS method of the application, by reflection over the compiled classes: "GET /api/v1/me". */
    private static Set<String> declaredOperations() throws IOException {
        Path classes = Path.of("target/classes");
        Set<String> operations = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains("$")) continue;
                Class<?> type;
                try {
                    type = Class.forName(name, false, OperationsIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null || jakarta.ws.rs.core.Application.class.isAssignableFrom(type)) continue;
                for (Method m : type.getMethods()) {
                    String verb = null;
                    for (var a : m.getAnnotations()) {
                        HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                        if (h != null) verb = h.value();
                    }
                    if (verb == null) continue;
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/api/v1/" + base.value() + "/" + (sub == null ? "" : sub.value()))
                            .replaceAll("/+", "/")
                            .replaceAll("(.)/$", "$1");
                    operations.add(verb + " " + path);
                }
            }
        }
        return operations;
    }

    /** An edition of its own with one criterion, one eligible nomination and jure01 assigned to it. */
    private Assignment assignment() throws Exception {
        String suffix =
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        tx.begin();
        Edition edition = new Edition(
                "OP" + suffix, 2032, "Exploitation " + suffix, "Operations " + suffix, "Europe/Paris", clock);
        Category category = edition.addCategory("SOC", "Social", "Social");
        category.setLimitPerTerritory(5);
        category.addCriterion("Impact", "Impact", 1, 1, 5);
        PhaseSwitch.advance(edition, org.palmares.edition.Phase.SCORING);
        em.persist(edition);
        Territory territory = new Territory("Territoire " + suffix, TerritoryKind.PLIE, "Bretagne", "29", clock);
        em.persist(territory);
        Nomination nomination = new Nomination(category, territory, 0, "Chantier " + suffix, clock);
        nomination.submit("OP" + suffix + "-SOC-001", clock);
        nomination.screen(true, null, clock);
        em.persist(nomination);
        Account account = em.createQuery("select a from Account a where a.email = :e", Account.class)
                .setParameter("e", Demo.JUROR)
                .getSingleResult();
        Juror juror = new Juror(edition, account, "Occitanie", 10);
        juror.acceptConfidentiality(clock);
        em.persist(juror);
        Assignment assignment = new Assignment(juror, nomination, AssignmentSource.MANUAL, clock);
        em.persist(assignment);
        tx.commit();
        return assignment;
    }

    private HttpResponse<String> cast(long nomination, String email) {
        String body = Json.createObjectBuilder()
                .add("category", "CDC")
                .add("nomination", nomination)
                .add("email", email)
                .build()
                .toString();
        return call("POST", "/api/v1/editions/" + Demo.EDITION + "/votes", null, body);
    }

    private long eligibleCdcNomination() {
        return em.createQuery(
                        "select n.id from Nomination n where n.category.code = 'CDC' and n.category.edition.code ="
                                + " '" + Demo.EDITION
                                + "' and n.status = org.palmares.nomination.NominationStatus.ELIGIBLE"
                                + " order by n.id",
                        Long.class)
                .setMaxResults(1)
                .getSingleResult();
    }

    private String codeMailedTo(String address) {
        String body = em.createQuery(
                        "select m.body from OutboxMessage m where m.recipient = :r order by m.id desc", String.class)
                .setParameter("r", address)
                .setMaxResults(1)
                .getSingleResult();
        Matcher m = VOTE_CODE.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static HttpResponse<String> api(Http who, String method, String path, String body, String... more) {
        List<String> headers =
                new ArrayList<>(List.of("Accept", "application/json", "X-Requested-With", "XMLHttpRequest"));
        if (body != null) headers.addAll(List.of("Content-Type", "application/json"));
        headers.addAll(List.of(more));
        return who.request(
                method,
                path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    /** A 503 problem saying, in the language asked, that the storage is full, with the Retry-After configured. */
    private static void assertStorageFull(HttpResponse<String> r, String title, String words) {
        assertTrue(Http.problem(r, 503), r.statusCode() + " " + r.headers() + " " + r.body());
        assertEquals(
                "7",
                r.headers().firstValue("Retry-After").orElse(""),
                r.headers().toString());
        JsonObject problem = json(r.body());
        assertEquals("storage.full", problem.getString("code"), r.body());
        assertEquals(title, problem.getString("title"), r.body());
        assertTrue(problem.getString("detail").contains(words), r.body());
    }

    private static Http loggedIn(URL url, String email) {
        Http who = new Http(url);
        HttpResponse<String> login = who.login(email, Demo.PASSWORD);
        assertEquals(302, login.statusCode(), email + " logs in: " + login.body());
        return who;
    }

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static HttpResponse<String> upload(Http who, long nomination, String language) {
        return who.request(
                "POST",
                "/api/v1/nominations/" + nomination + "/attachments",
                PDF,
                "Accept",
                "application/json",
                "Accept-Language",
                language,
                "Content-Type",
                "application/pdf",
                "X-Filename",
                "bilan.pdf");
    }

    // --- tests ---

    @Test
    @Order(1)
    @RunAsClient
    void health_is_up_with_its_named_checks_for_anyone() {
        JsonObject live = health("/health/live");
        assertEquals("UP", live.getString("status"), live.toString());
        assertEquals("UP", check(live, "heap").getString("status"));
        JsonObject ready = health("/health/ready");
        assertEquals("UP", ready.getString("status"), ready.toString());
        assertEquals("UP", check(ready, "database").getString("status"));
        JsonObject outbox = check(ready, "mail-outbox");
        assertEquals("UP", outbox.getString("status"), outbox.toString());
        assertEquals("0", outbox.getJsonObject("data").get("pending").toString().replace("\"", ""));
        assertEquals("UP", check(live, "database-recovery").getString("status"));
        assertEquals("UP", check(ready, "storage").getString("status"));
        JsonObject all = health("/health");
        assertEquals(5, all.getJsonArray("checks").size(), all.toString());
    }

    @Test
    @Order(2)
    @RunAsClient
    void the_openapi_document_lists_every_rest_method_with_its_errors_as_problem_details() throws IOException {
        HttpResponse<String> yaml = new Http(url).get("/openapi");
        assertEquals(200, yaml.statusCode(), "anyone reads the document");
        assertTrue(yaml.body().startsWith("openapi: 3"), yaml.body());
        HttpResponse<String> answer = new Http(url).get("/openapi?format=json");
        assertEquals(200, answer.statusCode());
        JsonObject document = json(answer.body());
        assertEquals("Palmarès API", document.getJsonObject("info").getString("title"));
        Set<String> schemes = document.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .keySet();
        assertEquals(Set.of("basic", "session", "bearer"), schemes);
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("ProblemDetails"));

        Set<String> documented = new TreeSet<>();
        List<String> without4xx = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var op : path.getValue().asJsonObject().entrySet()) {
                if (!(op.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) continue;
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.add(name);
                if (operation.getString("summary", "").isBlank()) withoutSummary.add(name);
                if (!operation.containsKey("tags")) withoutSummary.add(name + " (no tag)");
                boolean problem4xx = operation.getJsonObject("responses").entrySet().stream()
                        .filter(r -> r.getKey().startsWith("4"))
                        .anyMatch(r -> r.getValue().asJsonObject().containsKey("content")
                                && r.getValue()
                                        .asJsonObject()
                                        .getJsonObject("content")
                                        .containsKey("application/problem+json"));
                if (!problem4xx) without4xx.add(name);
            }
        }
        Set<String> declared = declaredOperations();
        assertTrue(declared.size() > 50, "reflection found the resources: " + declared);
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        assertTrue(undocumented.isEmpty(), "REST methods missing from /openapi: " + undocumented);
        assertTrue(without4xx.isEmpty(), "operations without a problem-details 4xx: " + without4xx);
        assertTrue(withoutSummary.isEmpty(), "operations without summary or tag: " + withoutSummary);

        JsonObject update = document.getJsonObject("paths")
                .getJsonObject("/api/v1/scoresheets/{id}")
                .getJsonObject("put");
        JsonObject cast = document.getJsonObject("paths")
                .getJsonObject("/api/v1/editions/{edition}/votes")
                .getJsonObject("post");
        assertTrue(
                !cast.containsKey("security") || cast.getJsonArray("security").isEmpty(),
                "the public vote needs no login");
        assertEquals(3, update.getJsonArray("security").size(), "Basic, session or Bearer");
        assertFalse(cast.getJsonObject("responses").containsKey("401"));
        assertTrue(cast.getJsonObject("responses").containsKey("429"));
        for (String code : List.of("400", "401", "404", "409", "412", "428"))
            assertTrue(update.getJsonObject("responses").containsKey(code), code + " of PUT /scoresheets/{id}");
    }

    @Test
    @Order(3)
    @RunAsClient
    void the_api_page_explains_authentication_and_lists_the_operations_by_tag_in_both_languages() {
        HttpResponse<String> fr = new Http(url).get("/api.xhtml", "Accept-Language", "fr");
        assertEquals(200, fr.statusCode());
        assertTrue(fr.body().contains("S&#39;authentifier") || fr.body().contains("S'authentifier"), fr.body());
        assertTrue(fr.body().contains("/openapi?format=json"));
        assertTrue(fr.body().contains("Scoring oversight"), "a tag of the document");
        assertTrue(fr.body().contains("/api/v1/scoresheets/{id}/submit"), "an operation of the document");
        assertFalse(fr.body().contains("id=\"api-unavailable\""));
        Http english = new Http(url);
        english.get("/lang?to=en&back=%2Fapi.xhtml");
        HttpResponse<String> en = english.get("/api.xhtml");
        assertTrue(en.body().contains("Authenticating"), en.body());
    }

    @Test
    @Order(4)
    void metrics_count_a_sheet_submitted_over_rest_and_time_the_call() throws Exception {
        Assignment assignment = assignment();
        double submitted = metric("sheets_submitted_total");
        double saves = metric("score_saves_total");
        double logins = metric("logins_succeeded_total");
        double failedLogins = metric("logins_failed_total");

        HttpResponse<String> opened =
                call("POST", "/api/v1/me/assignments/" + assignment.getId() + "/scoresheet", Demo.JUROR, null);
        assertEquals(200, opened.statusCode(), opened.body());
        JsonObject sheet = json(opened.body());
        long id = sheet.getJsonNumber("id").longValue();
        long criterion = em.createQuery("select c.id from Criterion c where c.category = :c", Long.class)
                .setParameter("c", assignment.getNomination().getCategory())
                .getSingleResult();
        HttpResponse<String> saved = call(
                "PUT",
                "/api/v1/scoresheets/" + id,
                Demo.JUROR,
                "{\"scores\":{\"" + criterion + "\":{\"value\":4}}}",
                "If-Match",
                "\"" + sheet.getJsonNumber("version") + "\"");
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> done = call("POST", "/api/v1/scoresheets/" + id + "/submit", Demo.JUROR, null);
        assertEquals(200, done.statusCode(), done.body());
        // Refused twice: counted once.
        assertEquals(
                409,
                call("POST", "/api/v1/scoresheets/" + id + "/submit", Demo.JUROR, null)
                        .statusCode());
        assertEquals(401, call("GET", "/api/v1/me", "nobody@example.org", null).statusCode());

        assertEquals(submitted + 1, metric("sheets_submitted_total"));
        assertEquals(saves + 1, metric("score_saves_total"));
        assertTrue(metric("logins_succeeded_total") >= logins + 4);
        assertTrue(metric("logins_failed_total") >= failedLogins + 1);
        assertTrue(
                Pattern.compile(
                                "(?m)^rest_requests_count\\{[^}]*operation=\"ScoringResource.submit\"[^}]*\\} 2(\\.0)?$")
                        .matcher(metrics())
                        .find(),
                "REST timing by method");
    }

    @Test
    @Order(5)
    void metrics_count_votes_cast_and_verified_and_the_outbox_backlog_makes_readiness_down() throws Exception {
        double cast = metric("votes_cast_total");
        double verified = metric("votes_verified_total");
        double failures = metric("mail_failures_total");
        long nomination = eligibleCdcNomination();

        String voter = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> ballot = cast(nomination, voter);
        assertEquals(202, ballot.statusCode(), ballot.body());
        String body = Json.createObjectBuilder()
                .add("ballot", json(ballot.body()).getString("ballot"))
                .add("code", codeMailedTo(voter))
                .build()
                .toString();
        HttpResponse<String> counted = call("POST", "/api/v1/editions/" + Demo.EDITION + "/votes/verify", null, body);
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals(cast + 1, metric("votes_cast_total"));
        assertEquals(verified + 1, metric("votes_verified_total"));

        // A second voter does not verify: their code waits in the outbox, the SMTP port refuses it.
        String waiting = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertEquals(202, cast(nomination, waiting).statusCode());
        assertEquals(cast + 2, metric("votes_cast_total"));
        HttpResponse<String> ready = new Http(url).get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonObject outbox = check(json(ready.body()), "mail-outbox");
        assertEquals("DOWN", outbox.getString("status"));
        assertTrue(
                outbox.getJsonObject("data").get("pending").toString().matches("\"?[1-9]\\d*\"?"), outbox.toString());
        assertEquals("UP", check(json(ready.body()), "database").getString("status"));
        assertEquals(200, new Http(url).get("/health/live").statusCode(), "a mail backlog leaves the JVM alive");

        // The dispatcher runs every 15 s: its failed attempt is counted.
        long until = System.currentTimeMillis() + 60_000;
        while (metric("mail_failures_total") <= failures && System.currentTimeMillis() < until) Thread.sleep(1000);
        assertTrue(metric("mail_failures_total") > failures, "a failed delivery is counted");
    }

    @Test
    @Order(6)
    @RunAsClient
    void while_the_disk_is_full_a_territory_reads_and_logs_in_but_each_write_is_a_503_problem_until_space_is_back()
            throws Exception {
        // A test before that failed while the disk was full must not fail this one too.
        SimulatedDisk.set(url, false);
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
        Http territory = loggedIn(url, LOAD_TERRITORY);
        HttpResponse<String> before = api(
                territory,
                "POST",
                "/api/v1/editions/" + Demo.EDITION + "/nominations",
                "{\"category\":\"SOC\",\"title\":\"Avant\"}");
        assertEquals(201, before.statusCode(), before.body());
        long kept = json(before.body()).getJsonNumber("id").longValue();
        String etag = before.headers().firstValue("ETag").orElseThrow();

        SimulatedDisk.set(url, true);
        assertStorageFull(
                api(
                        territory,
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/nominations",
                        "{\"category\":\"MIX\",\"title\":\"Pendant\"}",
                        "Accept-Language",
                        "en"),
                "Storage full",
                "storage is full");
        assertStorageFull(
                api(
                        territory,
                        "PUT",
                        "/api/v1/nominations/" + kept,
                        "{\"summary\":\"Écrit sur un disque plein\",\"answers\":{}}",
                        "If-Match",
                        etag,
                        "Accept-Language",
                        "fr"),
                "Stockage plein",
                "stockage du serveur est plein");
        assertStorageFull(upload(territory, kept, "fr"), "Stockage plein", "stockage");

        // Reading goes on, logging in too, and the login page is the login page, not a redirect.
        assertEquals(
                200, api(territory, "GET", "/api/v1/nominations/" + kept, null).statusCode());
        assertTrue(api(territory, "GET", "/api/v1/territory/nominations", null)
                .body()
                .contains("\"id\":" + kept));
        assertEquals(200, territory.get("/territory/index.xhtml").statusCode());
        HttpResponse<String> loginPage = new Http(url).get("/login.xhtml");
        assertEquals(200, loginPage.statusCode(), loginPage.headers().toString());
        Http other = loggedIn(url, OTHER_LOAD_TERRITORY);
        assertEquals(200, other.get("/territory/index.xhtml").statusCode());

        HttpResponse<String> ready = new Http(url).get("/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonObject storage = check(json(ready.body()), "storage");
        assertEquals("DOWN", storage.getString("status"));
        assertEquals("FULL", storage.getJsonObject("data").getString("problem"), storage.toString());
        assertTrue(storage.getJsonObject("data").getString("reason").contains("reserve"), storage.toString());
        assertEquals("UP", check(json(ready.body()), "database").getString("status"), "the database itself is fine");
        HttpResponse<String> live = new Http(url).get("/health/live");
        assertEquals(200, live.statusCode(), "a full disk is readiness, not liveness: " + live.body());
        assertEquals("UP", check(json(live.body()), "database-recovery").getString("status"));

        SimulatedDisk.set(url, false);
        HttpResponse<String> readyAgain = new Http(url).get("/health/ready");
        assertEquals(
                "UP",
                check(json(readyAgain.body()), "storage").getString("status"),
                "no restart: " + readyAgain.body());
        HttpResponse<String> saved = api(
                territory,
                "PUT",
                "/api/v1/nominations/" + kept,
                "{\"summary\":\"Écrit une fois la place revenue\",\"answers\":{}}",
                "If-Match",
                etag);
        assertEquals(200, saved.statusCode(), "the refused save changed nothing, so its version still holds");
        HttpResponse<String> file = upload(territory, kept, "fr");
        assertEquals(201, file.statusCode(), file.body());
        HttpResponse<String> after = api(
                territory,
                "POST",
                "/api/v1/editions/" + Demo.EDITION + "/nominations",
                "{\"category\":\"MIX\",\"title\":\"Après\"}");
        assertEquals(201, after.statusCode(), "the refused creation took no place: " + after.body());
        JsonObject stored =
                json(api(territory, "GET", "/api/v1/nominations/" + kept, null).body());
        assertEquals("Écrit une fois la place revenue", stored.getString("summary"));
        assertEquals(1, stored.getJsonArray("attachments").size(), "the refused file left nothing: " + stored);
    }

    @Test
    @Order(7)
    @RunAsClient
    void while_the_disk_is_full_a_juror_reads_their_sheets_a_save_is_a_503_and_a_dossier_opened_first_shows_why()
            throws Exception {
        // A test before that failed while the disk was full must not fail this one too.
        SimulatedDisk.set(url, false);
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.SCORING);
        Http juror = loggedIn(url, LOAD_JUROR);
        Matcher assignments = ASSIGNMENT.matcher(
                api(juror, "GET", "/api/v1/me/assignments", null).body());
        assertTrue(assignments.find());
        String first = assignments.group(1);
        assertTrue(assignments.find());
        String second = assignments.group(1);
        String page = juror.get("/jury/dossier.xhtml?assignment=" + first).body();
        Matcher sheetApi = SHEET_API.matcher(page);
        assertTrue(sheetApi.find(), "the dossier page names its sheet");
        String sheet = sheetApi.group(1);
        Matcher criterion = CRITERION.matcher(page);
        assertTrue(criterion.find());
        long version = json(api(juror, "GET", sheet, null).body())
                .getJsonNumber("version")
                .longValue();
        String scores = "{\"scores\":{\"" + criterion.group(1) + "\":{\"value\":3}}}";

        SimulatedDisk.set(url, true);
        assertStorageFull(
                api(juror, "PUT", sheet, scores, "If-Match", "\"" + version + "\"", "Accept-Language", "fr"),
                "Stockage plein",
                "stockage du serveur est plein");
        assertEquals(200, juror.get("/jury/dossier.xhtml?assignment=" + first).statusCode(), "an open sheet reads");
        assertEquals(
                version,
                json(api(juror, "GET", sheet, null).body())
                        .getJsonNumber("version")
                        .longValue(),
                "the refused save changed nothing");
        // Its first opening creates the sheet: a page that would write as it opens.
        HttpResponse<String> refused = juror.get("/jury/dossier.xhtml?assignment=" + second);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Enregistrement impossible pour l’instant"), refused.body());
        assertFalse(refused.body().contains("Quelque chose s'est mal passé"), "not the 500 page");
        assertTrue(
                refused.headers().firstValue("Retry-After").isPresent(),
                refused.headers().toString());

        SimulatedDisk.set(url, false);
        HttpResponse<String> saved = api(juror, "PUT", sheet, scores, "If-Match", "\"" + version + "\"");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(version + 1, json(saved.body()).getJsonNumber("version").longValue());
        assertEquals(200, juror.get("/jury/dossier.xhtml?assignment=" + second).statusCode());
    }
}
