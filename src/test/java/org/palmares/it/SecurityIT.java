package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may reach what, from outside, over HTTP: login, throttling, and a table of every page and REST path
 * of the application against every role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {
    enum Who {
        ANONYMOUS,
        ORGANISER,
        JUROR,
        TERRITORY
    }

    /** Every page and REST path, and the roles that may open it; the others must be refused. */
    static final Map<String, Set<Who>> ACCESS = Map.ofEntries(
            Map.entry("/index.xhtml", Set.of(Who.values())),
            Map.entry("/login.xhtml", Set.of(Who.ANONYMOUS)),
            Map.entry("/forgot-password.xhtml", Set.of(Who.values())),
            Map.entry("/set-password.xhtml", Set.of(Who.values())),
            Map.entry("/error/403.xhtml", Set.of(Who.values())),
            Map.entry("/error/404.xhtml", Set.of(Who.values())),
            Map.entry("/error/500.xhtml", Set.of(Who.values())),
            Map.entry("/error/expired.xhtml", Set.of(Who.values())),
            Map.entry("/organiser/index.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/edition.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/editions.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/category.xhtml?id=1", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/outbox.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/backups.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/transfer.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/edition?code=TC2019", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/organiser/editions/TC2019/export", Set.of(Who.ORGANISER)),
            Map.entry("/account/index.xhtml", Set.of(Who.ORGANISER, Who.JUROR, Who.TERRITORY)),
            Map.entry("/api/v1/me/data", Set.of(Who.ORGANISER, Who.JUROR, Who.TERRITORY)),
            Map.entry("/api/v1/organiser/backups", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/accounts.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/jurors.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/nominations.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/territories.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/nominations?format=xlsx", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/attachments?nomination=1", Set.of(Who.ORGANISER)),
            Map.entry("/join.xhtml", Set.of(Who.values())),
            Map.entry("/territory/colleagues.xhtml", Set.of(Who.TERRITORY)),
            Map.entry("/organiser/assignment.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/progress.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/sheets.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/guides.xhtml?guide=general&lang=en", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/scoring/categories", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/organiser/jury-guides/general/fr", Set.of(Who.ORGANISER)),
            Map.entry("/jury/index.xhtml", Set.of(Who.JUROR)),
            Map.entry("/jury/charter.xhtml", Set.of(Who.JUROR)),
            Map.entry("/jury/conflicts.xhtml", Set.of(Who.JUROR)),
            Map.entry("/jury/dossier.xhtml", Set.of(Who.JUROR)),
            Map.entry("/api/v1/me/assignments", Set.of(Who.JUROR)),
            Map.entry("/territory/index.xhtml", Set.of(Who.TERRITORY)),
            Map.entry("/territory/nomination.xhtml?category=5", Set.of(Who.TERRITORY)),
            Map.entry("/api/v1/editions/TC2019/nominations", Set.of(Who.ORGANISER, Who.TERRITORY)),
            Map.entry("/api/v1/organiser/categories/1/questions", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/public/edition", Set.of(Who.values())),
            Map.entry("/api.xhtml", Set.of(Who.values())),
            Map.entry("/openapi", Set.of(Who.values())),
            Map.entry("/health/live", Set.of(Who.values())),
            Map.entry("/api/v1/me", Set.of(Who.ORGANISER, Who.JUROR, Who.TERRITORY)),
            Map.entry("/api/v1/organiser/editions", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/organiser/editions/1", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/organiser/outbox", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/jury/assignments", Set.of(Who.JUROR)),
            Map.entry("/api/v1/editions/TC2019/jurors", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/conflicts", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/assignments", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/territory/nominations", Set.of(Who.TERRITORY)),
            Map.entry("/vote/index.xhtml?category=CDC", Set.of(Who.values())),
            Map.entry("/vote/verify.xhtml", Set.of(Who.values())),
            Map.entry("/organiser/votes.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/votes", Set.of(Who.values())),
            Map.entry("/api/v1/editions/TC2019/votes/counts", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/tally.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/tally?what=results&format=csv", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/tally?what=sheets&format=xlsx", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/jury-report.pdf", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/scores", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/results", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/results?method=RAW", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/decisions", Set.of(Who.ORGANISER)),
            Map.entry("/palmares.xhtml?edition=TC2019", Set.of(Who.values())),
            Map.entry("/palmares.xhtml", Set.of(Who.values())),
            Map.entry("/organiser/publication.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/certificates.zip", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/editions/TC2019/palmares", Set.of(Who.values())),
            Map.entry("/organiser/ceremony.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/ceremony/script.pdf?edition=TC2019", Set.of(Who.ORGANISER)),
            Map.entry("/ceremony/presenter.xhtml?edition=TC2019", Set.of(Who.ORGANISER)),
            Map.entry("/ceremony/remote.xhtml?edition=TC2019", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/ceremony/TC2019/state", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/tokens.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/api/v1/organiser/tokens", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/audit.xhtml", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/audit", Set.of(Who.ORGANISER)),
            Map.entry("/organiser/export/audit?type=ApiToken&action=token.create", Set.of(Who.ORGANISER)));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares();
    }

    @ArquillianResource
    URL url;

    @Test
    void the_access_table_lists_every_page_of_the_application() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        Set<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(webapp)) {
            files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/"))
                    .forEach(pages::add);
        }
        Set<String> listed = new TreeSet<>();
        ACCESS.keySet().forEach(k -> listed.add(k.replaceFirst("\\?.*", "")));
        pages.removeAll(listed);
        assertTrue(pages.isEmpty(), "pages missing from the access table: " + pages);
    }

    @Test
    void every_page_and_rest_path_is_open_to_its_roles_and_refused_to_the_others() {
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            Http http = new Http(url);
            if (who != Who.ANONYMOUS) {
                assertEquals(302, http.login(email(who), Demo.PASSWORD).statusCode(), "login of " + who);
            }
            for (var entry : ACCESS.entrySet()) {
                String path = entry.getKey();
                boolean allowed = entry.getValue().contains(who);
                HttpResponse<String> response = path.startsWith("/api/")
                        ? (who == Who.ANONYMOUS
                                ? http.get(path, "Accept", "application/json")
                                : http.getAs(path, email(who), Demo.PASSWORD))
                        : http.get(path);
                int status = response.statusCode();
                boolean ok = allowed ? opened(path, response) : refused(who, path, response);
                if (!ok) wrong.add(who + " " + path + " -> " + status);
            }
        }
        assertTrue(wrong.isEmpty(), "unexpected answers: " + wrong);
    }

    /**
     * Open means the page itself, or a step its role must take first inside the same area (a juror who has not
     * accepted the charter is sent to it): never the login page, never an error.
     */
    private static boolean opened(String path, HttpResponse<String> response) {
        if (response.statusCode() == 200) return true;
        String area = path.substring(0, path.indexOf('/', 1) + 1);
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && area.length() > 1 && location.contains(area);
    }

    private static boolean refused(Who who, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (path.startsWith("/api/")) {
            boolean problem =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            return problem && status == (who == Who.ANONYMOUS ? 401 : 403);
        }
        if (who == Who.ANONYMOUS) {
            return status == 302
                    && response.headers().firstValue("Location").orElse("").contains("/login.xhtml?next=");
        }
        if (path.startsWith("/login.xhtml")) {
            // A logged-in visitor has nothing to do on the login page: it sends them to their own home page.
            return status == 302;
        }
        return status == 403
                && response.body().contains("Accès refusé")
                && !response.body().contains("at org.");
    }

    @Test
    void each_role_lands_on_its_own_home_page_after_login() {
        assertLandsOn(Demo.ORGANISER, "/organiser/index.xhtml");
        assertLandsOn(Demo.JUROR, "/jury/index.xhtml");
        assertLandsOn(Demo.TERRITORY, "/territory/index.xhtml");
    }

    @Test
    void login_goes_back_to_the_page_asked_for() {
        Http http = new Http(url);
        HttpResponse<String> redirect = http.get("/organiser/outbox.xhtml");
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElse("").contains("next=%2Forganiser%2Foutbox.xhtml"));
        HttpResponse<String> answer = http.login(Demo.ORGANISER, Demo.PASSWORD, "/organiser/outbox.xhtml");
        assertEquals(302, answer.statusCode());
        assertTrue(
                answer.headers().firstValue("Location").orElse("").endsWith("/organiser/outbox.xhtml"),
                answer.headers().firstValue("Location").orElse("none"));
        HttpResponse<String> elsewhere = new Http(url).login(Demo.ORGANISER, Demo.PASSWORD, "//evil.example/");
        assertTrue(
                elsewhere.headers().firstValue("Location").orElse("").endsWith("/organiser/index.xhtml"),
                "no redirect off the site");
    }

    @Test
    void a_wrong_password_is_refused_with_a_clear_message_and_no_session() {
        Http http = new Http(url);
        HttpResponse<String> answer = http.login(Demo.JUROR, "not the password at all");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("Adresse électronique ou mot de passe incorrect."), "message shown");
        assertEquals(302, http.get("/jury/index.xhtml").statusCode(), "still not logged in");
        HttpResponse<String> unknown = new Http(url).login("nobody@example.org", "whatever password");
        assertTrue(
                unknown.body().contains("Adresse électronique ou mot de passe incorrect."),
                "an unknown address gets the same answer as a wrong password");
    }

    @Test
    void five_failed_logins_make_the_account_wait_even_with_the_right_password() {
        String account = "jure11@demo.palmares.org";
        for (int i = 0; i < 5; i++) {
            new Http(url).login(account, "wrong password " + i);
        }
        HttpResponse<String> answer = new Http(url).login(account, Demo.PASSWORD);
        assertEquals(200, answer.statusCode(), "no login");
        assertTrue(answer.body().contains("Trop de tentatives de connexion"), "the page says why");
        assertEquals(
                401,
                new Http(url).getAs("/api/v1/me", account, Demo.PASSWORD).statusCode(),
                "the REST API is throttled too");
        assertEquals(302, new Http(url).login(Demo.JUROR, Demo.PASSWORD).statusCode(), "other accounts go on");
    }

    @Test
    void the_session_id_changes_at_login_and_logout_ends_the_session() {
        Http http = new Http(url);
        http.get("/login.xhtml");
        HttpResponse<String> login = http.login(Demo.ORGANISER, Demo.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElse("");
        assertFalse(cookie.isEmpty(), "a new session cookie is set at login");
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertEquals(200, http.get("/organiser/index.xhtml").statusCode());
        assertEquals(302, http.post("/logout", Map.of()).statusCode());
        assertEquals(302, http.get("/organiser/index.xhtml").statusCode(), "logged out");
    }

    @Test
    void every_answer_carries_the_security_headers() {
        HttpResponse<String> home = new Http(url).get("/index.xhtml");
        assertTrue(
                home.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("DENY", home.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals(
                "nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertNotNull(home.headers().firstValue("Referrer-Policy").orElse(null));
    }

    @Test
    void rest_errors_are_problem_details_in_the_callers_language() {
        HttpResponse<String> missing =
                new Http(url).getAs("/api/v1/organiser/editions/999999", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(missing.body().contains("\"status\":404"), missing.body());
        HttpResponse<String> english = new Http(url).get("/api/v1/nowhere", "Accept-Language", "en");
        assertEquals(404, english.statusCode());
        assertTrue(english.body().contains("Not found"), english.body());
    }

    @Test
    void a_territory_cannot_read_another_territorys_nomination() {
        String others = new Http(url)
                .getAs("/api/v1/territory/nominations", "contact@mde-brevaine.demo.palmares.org", Demo.PASSWORD)
                .body();
        var id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(others);
        HttpResponse<String> mine = new Http(url).getAs("/api/v1/territory/nominations", Demo.TERRITORY, Demo.PASSWORD);
        assertEquals(200, mine.statusCode());
        if (id.find()) {
            String foreign = id.group(1);
            assertFalse(mine.body().contains("\"id\":" + foreign + ","), "not in the list");
            assertEquals(
                    404,
                    new Http(url)
                            .getAs("/api/v1/territory/nominations/" + foreign, Demo.TERRITORY, Demo.PASSWORD)
                            .statusCode());
        } else {
            throw new AssertionError("the second demo territory has no nomination: " + others);
        }
    }

    @Test
    void a_phase_change_whose_preconditions_fail_answers_409_with_what_is_missing() {
        HttpResponse<String> answer =
                new Http(url).postAs("/api/v1/organiser/editions/1/advance", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(409, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(answer.body().contains("\"missing\""), answer.body());
    }

    @Test
    void a_territory_asks_to_join_and_the_organisers_see_the_request_but_a_robot_filling_the_trap_is_ignored() {
        Http visitor = new Http(url);
        assertEquals(200, submitJoin(visitor, "Association Clause Bleue", "").statusCode());
        Http robot = new Http(url);
        HttpResponse<String> trapped = submitJoin(robot, "Robot Spam Territoire", "http://spam.example");
        assertEquals(200, trapped.statusCode(), "a robot is thanked like anyone");
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        String page = organiser.get("/organiser/territories.xhtml").body();
        assertTrue(page.contains("Association Clause Bleue"), "the request waits for a decision");
        assertFalse(page.contains("Robot Spam Territoire"), "the trapped request is not stored");
        HttpResponse<String> invalid = submitJoinWith(new Http(url), "X", "PLIE", "Bretagne", "999x", "", "");
        assertTrue(invalid.body().contains("2 ou 3 chiffres"), "the field says what is wrong");
    }

    @Test
    void a_territory_member_invites_a_colleague_who_joins_the_same_territory() {
        Http member = new Http(url);
        member.login("contact@mde-brevaine.demo.palmares.org", Demo.PASSWORD);
        String page = member.get("/territory/colleagues.xhtml").body();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("invite", "invite");
        form.put("invite:name", "Camille Collègue");
        form.put("invite:email", "camille.collegue@example.org");
        form.put("invite:submit", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page));
        HttpResponse<String> answer = member.post("/territory/colleagues.xhtml", form);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("camille.collegue@example.org"), "listed among the colleagues");
        String outbox = new Http(url)
                .getAs("/api/v1/organiser/outbox", Demo.ORGANISER, Demo.PASSWORD)
                .body();
        assertTrue(outbox.contains("camille.collegue@example.org"), "the invitation is in the outbox");
        String others = new Http(url)
                .getAs("/api/v1/territory/nominations", "camille.collegue@example.org", "no password yet")
                .body();
        assertFalse(others.contains("TC2019"), "no password chosen yet: nothing to see");
    }

    @Test
    void the_export_is_for_organisers_and_is_a_csv_with_a_byte_order_mark() {
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        HttpResponse<String> csv = organiser.get("/organiser/export/nominations?format=csv-semicolon");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("TC2019-nominations.csv"));
        assertTrue(
                csv.body().startsWith("\uFEFFN° de dossier;Catégorie;"),
                csv.body().substring(0, 80));
        assertTrue(csv.body().lines().count() > 30, "every demo nomination but drafts, one per line");
        Http territory = new Http(url);
        territory.login(Demo.TERRITORY, Demo.PASSWORD);
        assertEquals(
                403, territory.get("/organiser/export/nominations?format=csv").statusCode());
    }

    private HttpResponse<String> submitJoin(Http http, String name, String website) {
        return submitJoinWith(http, name, "ASSOCIATION", "Bretagne", "29", "Léa Martin", website);
    }

    private HttpResponse<String> submitJoinWith(
            Http http, String name, String kind, String region, String departement, String contact, String website) {
        String page = http.get("/join.xhtml").body();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("join", "join");
        form.put("join:name", name);
        form.put("join:kind_input", kind);
        form.put("join:region", region);
        form.put("join:departement", departement);
        form.put("join:contactName", contact);
        form.put("join:contactEmail", "lea.martin@example.org");
        form.put("join:message", "Nous portons la clause depuis 2015.");
        form.put("join:website", website);
        form.put("join:submit", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page));
        return http.post("/join.xhtml", form);
    }

    @Test
    void only_an_organiser_takes_a_backup_and_it_is_listed_with_what_it_holds() {
        Http http = new Http(url);
        HttpResponse<String> juror = http.postAs("/api/v1/organiser/backups", Demo.JUROR, Demo.PASSWORD);
        assertEquals(403, juror.statusCode());
        assertTrue(juror.headers().firstValue("Content-Type").orElse("").contains("problem+json"), juror.body());
        HttpResponse<String> made = http.postAs("/api/v1/organiser/backups", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(201, made.statusCode(), made.body());
        String name = jsonString(made.body(), "name");
        String list = http.getAs("/api/v1/organiser/backups", Demo.ORGANISER, Demo.PASSWORD)
                .body();
        assertTrue(list.contains("\"name\":\"" + name + "\""), list);
        assertTrue(list.contains("\"nominations\":"), "the manifest says what the backup holds: " + list);
    }

    @Test
    void each_person_downloads_their_own_data_and_nothing_of_another_territory() {
        Http http = new Http(url);
        HttpResponse<String> territory = http.getAs("/api/v1/me/data", Demo.TERRITORY, Demo.PASSWORD);
        assertEquals(200, territory.statusCode(), territory.body());
        assertTrue(
                territory.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        var doc = parse(territory.body());
        assertEquals(Demo.TERRITORY, doc.getJsonObject("account").getString("email"));
        var territories = doc.getJsonArray("territories");
        assertEquals(1, territories.size());
        assertEquals(
                "Maison de l'Emploi du Val d'Olaine",
                territories.getJsonObject(0).getString("name"));
        String body = territory.body();
        assertTrue(body.contains("La clause en trois minutes"), "its own nomination is there");
        assertFalse(body.contains("Le guide de la clause sociale"), "another territory's nomination is not");
        assertFalse(body.contains("passwordHash") || body.contains("pbkdf2"), "no password hash, even its own");

        var juror =
                parse(http.getAs("/api/v1/me/data", Demo.JUROR, Demo.PASSWORD).body());
        assertEquals(1, juror.getJsonArray("juries").size(), "the juror's place in the demo jury");
        assertEquals(0, juror.getJsonArray("territories").size());
    }

    private static jakarta.json.JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String jsonString(String json, String field) {
        return parse(json).getString(field);
    }

    @Test
    void parallel_basic_authenticated_calls_of_one_account_all_succeed() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> new Http(url)
                        .getAs("/api/v1/me", "jure07@demo.palmares.org", Demo.PASSWORD)
                        .statusCode()));
            }
            for (var call : calls) assertEquals(200, call.get(), "no optimistic-lock failure on the account");
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertLandsOn(String email, String page) {
        HttpResponse<String> answer = new Http(url).login(email, Demo.PASSWORD);
        assertEquals(302, answer.statusCode(), "login of " + email);
        assertTrue(
                answer.headers().firstValue("Location").orElse("").endsWith(page),
                answer.headers().firstValue("Location").orElse("none"));
    }

    private static String email(Who who) {
        return switch (who) {
            case ORGANISER -> Demo.ORGANISER;
            case JUROR -> Demo.JUROR;
            case TERRITORY -> Demo.TERRITORY;
            case ANONYMOUS -> throw new IllegalArgumentException();
        };
    }
}
