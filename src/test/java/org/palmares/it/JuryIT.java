package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentRun;
import org.palmares.jury.AssignmentService;
import org.palmares.jury.ConflictKind;
import org.palmares.jury.Juror;
import org.palmares.jury.JurorService;
import org.palmares.jury.assignment.AssignmentPlan;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.JobClaims;
import org.palmares.scoring.ScoreSheet;

/**
 * The jury's assignment inside a running Palmarès: solver runs saved or refused whole, changes by hand checked, and,
 * over HTTP, that jurors see only what is theirs and only organisers reach the edition's jury paths.
 */
@ExtendWith(ArquillianExtension.class)
class JuryIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares().addClasses(Deployments.class, Http.class, Demo.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    Clock clock;

    @Inject
    AssignmentService assignments;

    @Inject
    JurorService jurors;

    @Inject
    JobClaims claims;

    @Inject
    org.palmares.jury.ProgressService progress;

    @Inject
    org.palmares.platform.Mailer mailer;

    @ArquillianResource
    URL url;

    /** A small edition of its own: one category (three jurors per nomination), two eligible nominations of one territory. */
    record Small(Edition edition, Territory territory, List<Nomination> nominations, List<Juror> jurors) {}

    private Small small(int jurorCount, int capacity) throws Exception {
        String suffix =
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        tx.begin();
        Edition edition = new Edition("IT" + suffix, 2030, "Essai " + suffix, "Test " + suffix, "Europe/Paris", clock);
        Category category = edition.addCategory("SOC", "Social", "Social");
        category.setLimitPerTerritory(5);
        // Assignment, conflicts and reminders are the work of the scoring phase.
        PhaseSwitch.advance(edition, org.palmares.edition.Phase.SCORING);
        em.persist(edition);
        Territory territory = new Territory("Territoire " + suffix, TerritoryKind.PLIE, "Bretagne", "29", clock);
        em.persist(territory);
        List<Nomination> nominations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Nomination n = new Nomination(category, territory, i, "Candidature " + i, clock);
            n.submit("IT" + suffix + "-SOC-00" + (i + 1), clock);
            n.screen(true, null, clock);
            em.persist(n);
            nominations.add(n);
        }
        List<Juror> list = new ArrayList<>();
        for (int i = 0; i < jurorCount; i++) {
            Account account = new Account(
                    "jure" + i + "." + suffix.toLowerCase(Locale.ROOT) + "@example.org",
                    "Juré " + i + " " + suffix,
                    clock);
            em.persist(account);
            Juror juror = new Juror(edition, account, i == 0 ? "Bretagne" : "Occitanie", capacity);
            juror.addExpertise(category);
            em.persist(juror);
            list.add(juror);
        }
        tx.commit();
        return new Small(edition, territory, nominations, list);
    }

    private List<Assignment> currentOf(Edition edition) {
        return Access.asSystem(() -> assignments.current(edition));
    }

    @Test
    void the_service_runs_the_solver_on_the_edition_and_saves_the_plan_and_the_run() throws Exception {
        Small s = small(4, 5);
        var outcome = Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        assertEquals(AssignmentPlan.Status.OPTIMAL, outcome.plan().status());
        List<Assignment> saved = currentOf(s.edition());
        assertEquals(6, saved.size(), "three jurors on each of the two nominations");
        for (Nomination n : s.nominations()) {
            assertEquals(
                    3,
                    saved.stream()
                            .filter(a -> a.getNomination().getId().equals(n.getId()))
                            .map(a -> a.getJuror().getId())
                            .distinct()
                            .count());
        }
        AssignmentRun run =
                Access.asSystem(() -> assignments.lastRun(s.edition())).orElseThrow();
        assertEquals("OPTIMAL", run.getStatus());
        assertEquals(outcome.plan().objective(), run.getObjective());
        assertEquals(6, run.pairs().size());

        var again = Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        assertEquals(0, again.added().size(), "the same input gives the same assignment");
        assertEquals(0, again.deleted().size());
        var diff = Access.asSystem(() -> assignments.diffOfLastRun(s.edition()));
        assertTrue(diff.added().isEmpty() && diff.removed().isEmpty(), "nothing changed since the last run");
    }

    @Test
    void an_infeasible_run_saves_nothing_and_says_which_nominations_fall_short_and_why() throws Exception {
        Small s = small(2, 5);
        var outcome = Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        assertEquals(AssignmentPlan.Status.INFEASIBLE, outcome.plan().status());
        assertFalse(outcome.saved());
        assertEquals(2, outcome.plan().shortfalls().size());
        assertEquals(2, outcome.plan().shortfalls().get(0).jurorsWithoutConflict());
        assertEquals(2, outcome.plan().missingAssignments(), "one juror missing on each nomination");
        assertTrue(currentOf(s.edition()).isEmpty(), "no partial assignment saved");
        assertTrue(Access.asSystem(() -> assignments.lastRun(s.edition())).isEmpty(), "no run recorded");
    }

    @Test
    void a_manual_assignment_is_refused_on_a_conflict_a_duplicate_or_a_full_juror() throws Exception {
        Small s = small(4, 1);
        Juror first = s.jurors().get(0);
        Nomination n0 = s.nominations().get(0);
        Access.asSystem(
                () -> jurors.recordConflict(first.getId(), n0.getId(), ConflictKind.ORGANISER, "Ancien employeur"));
        var conflicted = assertThrows(
                DomainException.class, () -> Access.asSystem(() -> assignments.add(first.getId(), n0.getId())));
        assertEquals("assignment.conflicted", conflicted.messageKey());

        Juror second = s.jurors().get(1);
        Assignment manual = Access.asSystem(() -> assignments.add(second.getId(), n0.getId()));
        assertTrue(manual.isLocked(), "a manual assignment is locked");
        var duplicate = assertThrows(
                DomainException.class, () -> Access.asSystem(() -> assignments.add(second.getId(), n0.getId())));
        assertEquals("assignment.duplicate", duplicate.messageKey());
        var full = assertThrows(
                DomainException.class,
                () -> Access.asSystem(() ->
                        assignments.add(second.getId(), s.nominations().get(1).getId())));
        assertEquals("assignment.full", full.messageKey());
    }

    @Test
    void locked_manual_and_started_assignments_survive_a_full_run_and_a_started_one_cannot_be_removed()
            throws Exception {
        Small s = small(5, 5);
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        List<Assignment> first = currentOf(s.edition());
        Assignment started = first.get(0);
        tx.begin();
        em.persist(new ScoreSheet(em.find(Assignment.class, started.getId()), clock));
        tx.commit();
        var refused = assertThrows(
                DomainException.class,
                () -> Access.asSystem(() -> {
                    assignments.remove(started.getId());
                    return null;
                }));
        assertEquals("assignment.startedRefused", refused.messageKey());

        Assignment locked = first.get(1);
        Access.asSystem(() -> assignments.lock(locked.getId(), true));
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        Set<Long> after = currentOf(s.edition()).stream().map(Assignment::getId).collect(Collectors.toSet());
        assertTrue(after.contains(started.getId()), "the started assignment is kept");
        assertTrue(after.contains(locked.getId()), "the locked assignment is kept");
        assertEquals(6, after.size());
    }

    @Test
    void filling_the_gaps_keeps_every_current_assignment_and_adds_the_missing_jurors() throws Exception {
        Small s = small(5, 5);
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        List<Assignment> before = currentOf(s.edition());
        Assignment gone = before.get(0);
        Access.asSystem(() -> {
            assignments.remove(gone.getId());
            return null;
        });
        var outcome = Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FILL_GAPS));
        assertEquals(1, outcome.added().size(), "only the gap is filled");
        assertEquals(0, outcome.deleted().size());
        Set<Long> after = currentOf(s.edition()).stream().map(Assignment::getId).collect(Collectors.toSet());
        before.stream().filter(a -> a != gone).forEach(a -> assertTrue(after.contains(a.getId())));
    }

    @Test
    void a_declared_conflict_keeps_the_juror_off_the_nomination_in_every_later_run() throws Exception {
        Small s = small(4, 5);
        Juror juror = s.jurors().get(0);
        Nomination n0 = s.nominations().get(0);
        Access.asSystem(() -> jurors.recordConflict(juror.getId(), n0.getId(), ConflictKind.DECLARED, "Parent"));
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        assertTrue(currentOf(s.edition()).stream()
                .noneMatch(a -> a.getJuror().getId().equals(juror.getId())
                        && a.getNomination().getId().equals(n0.getId())));
    }

    @Test
    void reminding_everyone_mails_only_the_jurors_with_a_sheet_not_submitted_in_their_language() throws Exception {
        Small s = small(4, 5);
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        var lines = Access.asSystem(() -> progress.jurors(s.edition()));
        long withDossiers = lines.stream().filter(j -> j.assigned() > 0).count();
        tx.begin();
        Account english = em.find(Account.class, s.jurors().get(1).getAccount().getId());
        english.setLocale("en");
        tx.commit();
        int reminded = Access.asSystem(() -> progress.remindAll(s.edition()));
        assertEquals(withDossiers, reminded);
        var sent = mailer.outbox(50);
        String to = s.jurors().get(1).getAccount().getEmail();
        assertTrue(
                sent.stream()
                        .anyMatch(m ->
                                m.getRecipient().equals(to) && m.getSubject().startsWith("Reminder")),
                "in English for an English-speaking juror");
        long unassigned = lines.stream().filter(j -> j.assigned() == 0).count();
        assertEquals(4 - withDossiers, unassigned);
    }

    @Test
    void a_full_run_ends_the_automatic_assignments_of_a_nomination_screened_out_since() throws Exception {
        Small s = small(4, 5);
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        Nomination out = s.nominations().get(1);
        tx.begin();
        em.find(Nomination.class, out.getId()).screen(false, "Hors délai", clock);
        tx.commit();
        Access.asSystem(() -> assignments.run(s.edition().getId(), AssignmentRun.Mode.FULL));
        List<Assignment> after = currentOf(s.edition());
        assertEquals(3, after.size());
        assertTrue(after.stream().noneMatch(a -> a.getNomination().getId().equals(out.getId())));
    }

    @Test
    void a_job_is_claimed_once_and_a_second_claim_of_the_same_key_fails() {
        String key = "reminder:TEST:" + UUID.randomUUID();
        assertTrue(claims.claim(key));
        assertFalse(claims.claim(key), "another instance, or a second run, does not get the job");
        assertTrue(claims.claim(key + ":other"));
    }

    // Over HTTP, on the demo edition.

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    private HttpResponse<String> send(String method, String path, String email, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString().replaceAll("/$", "") + path))
                .header("Authorization", Http.basic(email, Demo.PASSWORD))
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonArray runDemoAndList() throws Exception {
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.SCORING);
        // A juror reads nothing of their assignments before the confidentiality charter.
        for (String juror : List.of(Demo.JUROR, "jure11@demo.palmares.org")) {
            Http http = new Http(url);
            assertEquals(302, http.login(juror, Demo.PASSWORD).statusCode());
            http.acceptCharter();
        }
        HttpResponse<String> run = send(
                "POST", "/api/v1/editions/" + Demo.EDITION + "/assignments/run?mode=FILL_GAPS", Demo.ORGANISER, null);
        assertEquals(200, run.statusCode(), run.body());
        return array(new Http(url)
                .getAs("/api/v1/editions/" + Demo.EDITION + "/assignments", Demo.ORGANISER, Demo.PASSWORD)
                .body());
    }

    private long jurorId(String email) {
        HttpResponse<String> list =
                new Http(url).getAs("/api/v1/editions/" + Demo.EDITION + "/jurors", Demo.ORGANISER, Demo.PASSWORD);
        return array(list.body()).getValuesAs(JsonObject.class).stream()
                .filter(j -> j.getString("email").equals(email))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    @Test
    @RunAsClient
    void a_juror_sees_only_the_nominations_assigned_to_them() throws Exception {
        JsonArray all = runDemoAndList();
        long me = jurorId(Demo.JUROR);
        Set<String> assignedToMe = all.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("juror").longValue() == me)
                .map(a -> a.getString("reference"))
                .collect(Collectors.toSet());
        assertFalse(assignedToMe.isEmpty(), "the demo juror has dossiers after the run");
        HttpResponse<String> mine = new Http(url).getAs("/api/v1/jury/assignments", Demo.JUROR, Demo.PASSWORD);
        assertEquals(200, mine.statusCode());
        Set<String> seen = array(mine.body()).getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("reference"))
                .collect(Collectors.toSet());
        assertEquals(assignedToMe, seen);
    }

    @Test
    @RunAsClient
    void a_conflicted_juror_is_never_given_a_nomination_of_their_territory_not_even_by_hand() throws Exception {
        // jure11 belongs to the PLIE de la Vallée dorée: a SAME_TERRITORY conflict covers its nominations.
        JsonArray all = runDemoAndList();
        long juror = jurorId("jure11@demo.palmares.org");
        JsonArray conflicts = array(new Http(url)
                .getAs("/api/v1/editions/" + Demo.EDITION + "/conflicts", Demo.ORGANISER, Demo.PASSWORD)
                .body());
        Set<Long> territories = conflicts.getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonNumber("juror").longValue() == juror
                        && c.get("territory") != null
                        && c.get("territory").getValueType() == JsonValue.ValueType.NUMBER)
                .map(c -> c.getJsonNumber("territory").longValue())
                .collect(Collectors.toSet());
        assertFalse(territories.isEmpty());
        List<JsonObject> theirs = all.getValuesAs(JsonObject.class).stream()
                .filter(a -> territories.contains(a.getJsonNumber("territory").longValue()))
                .toList();
        assertFalse(theirs.isEmpty(), "the territory's nominations are assigned to others");
        assertTrue(theirs.stream().noneMatch(a -> a.getJsonNumber("juror").longValue() == juror));
        Set<String> references =
                theirs.stream().map(a -> a.getString("reference")).collect(Collectors.toSet());
        HttpResponse<String> mine =
                new Http(url).getAs("/api/v1/jury/assignments", "jure11@demo.palmares.org", Demo.PASSWORD);
        assertTrue(array(mine.body()).getValuesAs(JsonObject.class).stream()
                .noneMatch(a -> references.contains(a.getString("reference"))));

        long nomination = theirs.get(0).getJsonNumber("nomination").longValue();
        HttpResponse<String> byHand = send(
                "POST",
                "/api/v1/editions/" + Demo.EDITION + "/assignments",
                Demo.ORGANISER,
                "{\"juror\":" + juror + ",\"nomination\":" + nomination + "}");
        assertEquals(409, byHand.statusCode(), byHand.body());
        assertTrue(byHand.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    @RunAsClient
    void only_organisers_may_run_or_change_the_assignment_over_rest() throws Exception {
        for (String who : List.of(Demo.JUROR, Demo.TERRITORY)) {
            for (String[] call : List.of(
                    new String[] {"POST", "/api/v1/editions/" + Demo.EDITION + "/assignments/run", null},
                    new String[] {
                        "POST", "/api/v1/editions/" + Demo.EDITION + "/assignments", "{\"juror\":1,\"nomination\":1}"
                    },
                    new String[] {"DELETE", "/api/v1/editions/" + Demo.EDITION + "/assignments/1", null},
                    new String[] {"POST", "/api/v1/editions/" + Demo.EDITION + "/assignments/1/lock", null},
                    new String[] {"GET", "/api/v1/editions/" + Demo.EDITION + "/conflicts", null})) {
                HttpResponse<String> answer = send(call[0], call[1], who, call[2]);
                assertEquals(403, answer.statusCode(), who + " " + call[0] + " " + call[1]);
                assertTrue(
                        answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            }
        }
        HttpResponse<String> anonymous =
                new Http(url).get("/api/v1/editions/" + Demo.EDITION + "/assignments", "Accept", "application/json");
        assertEquals(401, anonymous.statusCode());
        assertEquals(
                404,
                new Http(url)
                        .getAs("/api/v1/editions/NOPE/assignments", Demo.ORGANISER, Demo.PASSWORD)
                        .statusCode());
    }
}
