package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.edition.Category;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.scoring.Score;
import org.palmares.scoring.SheetStatus;
import org.palmares.tally.LiveTally;
import org.palmares.tally.TallyMethod;
import org.palmares.tally.TallyService;
import org.palmares.tally.VoteOutcome;

/**
 * The tally inside a running Palmarès, on the demo edition with its demo sheets: organisers see results; jurors and
 * territories are refused everywhere (pages, REST, exports, report); a frozen result warns when a score changes
 * later; a decision needs a justification to pass over the first, locks on sign-off and reopens only with a reason.
 * Each test works on a category of its own.
 */
@ExtendWith(ArquillianExtension.class)
class TallyIT {
    private static final String TERRITORY = "contact@mde-brevaine.demo.palmares.org";

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares("palmares.demo.sheets=true").addClasses(Deployments.class, Http.class, Demo.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    TallyService tally;

    @ArquillianResource
    URL url;

    /** The tally is frozen, decided and signed off while the jury deliberates. */
    @org.junit.jupiter.api.BeforeEach
    void deliberation() throws Exception {
        PhaseSwitch.set(em, tx, Demo.EDITION, org.palmares.edition.Phase.DELIBERATION);
    }

    private Category category(String code) {
        return em.createQuery(
                        "select c from Category c where c.code = :c and c.edition.code = '" + Demo.EDITION + "'",
                        Category.class)
                .setParameter("c", code)
                .getSingleResult();
    }

    private LiveTally live() {
        return Access.asSystem(() -> tally.live(tally.edition(Demo.EDITION)));
    }

    @Test
    void organiser_sees_the_three_methods_of_every_category_over_rest_and_on_the_page() {
        LiveTally live = live();
        assertTrue(
                live.sheets().size() > 50,
                "demo sheets counted: " + live.sheets().size());
        HttpResponse<String> results =
                new Http(url).getAs("/api/v1/editions/" + Demo.EDITION + "/results", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(200, results.statusCode());
        assertTrue(results.body().contains("\"rankedBy\":\"NORMALISED\""), results.body());
        assertTrue(results.body().contains("\"calibrated\":"), "calibrated figures");
        HttpResponse<String> raw = new Http(url)
                .getAs("/api/v1/editions/" + Demo.EDITION + "/results?method=RAW", Demo.ORGANISER, Demo.PASSWORD);
        assertTrue(raw.body().contains("\"rankedBy\":\"RAW\""));
        HttpResponse<String> scores =
                new Http(url).getAs("/api/v1/editions/" + Demo.EDITION + "/scores", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(200, scores.statusCode());
        assertTrue(scores.body().contains("\"s\":"), "S of each sheet");
        HttpResponse<String> wrong = new Http(url)
                .getAs("/api/v1/editions/" + Demo.EDITION + "/results?method=MAGIC", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        Http http = new Http(url);
        http.login(Demo.ORGANISER, Demo.PASSWORD);
        HttpResponse<String> page = http.get("/organiser/tally.xhtml?category=SOC");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Brute")
                && page.body().contains("Normalisée")
                && page.body().contains("Calibrée"));
        assertTrue(page.body().contains("<svg"), "charts drawn");
        assertTrue(page.body().contains(Demo.EDITION + "-SOC-"), "nominations listed");
        HttpResponse<String> pdf = http.get("/organiser/export/jury-report.pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
        HttpResponse<String> csv = http.get("/organiser/export/tally?what=sheets&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains(Demo.EDITION + "-SOC-"));
    }

    @Test
    void juror_and_territory_are_refused_results_scores_reports_and_exports() {
        List<String> wrong = new ArrayList<>();
        for (String who : List.of(Demo.JUROR, TERRITORY)) {
            Http http = new Http(url);
            http.login(who, Demo.PASSWORD);
            for (String path : List.of(
                    "/organiser/tally.xhtml",
                    "/organiser/tally.xhtml?category=SOC",
                    "/organiser/export/jury-report.pdf",
                    "/organiser/export/tally?what=results&format=xlsx",
                    "/organiser/export/tally?what=sheets&format=csv")) {
                int status = http.get(path).statusCode();
                if (status != 403) wrong.add(who + " " + path + " -> " + status);
            }
            for (String path : List.of(
                    "/api/v1/editions/" + Demo.EDITION + "/scores",
                    "/api/v1/editions/" + Demo.EDITION + "/results",
                    "/api/v1/editions/" + Demo.EDITION + "/results?method=CALIBRATED",
                    "/api/v1/editions/" + Demo.EDITION + "/decisions",
                    "/api/v1/editions/1/results")) {
                HttpResponse<String> answer = http.getAs(path, who, Demo.PASSWORD);
                if (answer.statusCode() != 403 || answer.body().contains(Demo.EDITION + "-")) {
                    wrong.add(who + " " + path + " -> " + answer.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "not refused: " + wrong);
    }

    @Test
    void a_score_changed_after_the_freeze_shows_a_warning_on_the_frozen_result() throws Exception {
        long soc = category("SOC").getId();
        Access.asSystem(() -> {
            tally.freeze(soc);
            return null;
        });
        assertTrue(live().frozen(soc));
        assertFalse(live().stale(soc), "fresh freeze, same sheets");
        assertFalse(Access.asSystem(() -> tally.frozen(soc)).isEmpty(), "frozen figures stored");
        tx.begin();
        Score score = em.createQuery(
                        "select s from Score s where s.sheet.status = :submitted "
                                + "and s.sheet.assignment.nomination.category.id = :c order by s.id",
                        Score.class)
                .setParameter("submitted", SheetStatus.SUBMITTED)
                .setParameter("c", soc)
                .setMaxResults(1)
                .getSingleResult();
        int changed = score.getValue() == score.getCriterion().getScaleMax()
                ? score.getCriterion().getScaleMin()
                : score.getCriterion().getScaleMax();
        em.createQuery("update Score s set s.value = :v where s.id = :id")
                .setParameter("v", changed)
                .setParameter("id", score.getId())
                .executeUpdate();
        tx.commit();
        assertTrue(live().stale(soc), "the fingerprint of the sheets changed");
        Http http = new Http(url);
        http.login(Demo.ORGANISER, Demo.PASSWORD);
        String page = http.get("/organiser/tally.xhtml?category=SOC").body();
        assertTrue(page.contains("des notes ont changé depuis que ce résultat a été figé"), "warning shown");
        HttpResponse<String> results =
                new Http(url).getAs("/api/v1/editions/" + Demo.EDITION + "/results", Demo.ORGANISER, Demo.PASSWORD);
        assertTrue(results.body().contains("\"changedSinceFrozen\":true"));
    }

    @Test
    void a_decision_locks_on_sign_off_and_reopens_only_with_a_reason() {
        long mix = category("MIX").getId();
        Access.asSystem(() -> {
            tally.use(mix, TallyMethod.RAW);
            tally.freeze(mix);
            return null;
        });
        Set<Long> top = Access.asSystem(() -> tally.top(mix));
        assertFalse(top.isEmpty());
        assertEquals(409, refusal(() -> tally.use(mix, TallyMethod.CALIBRATED)), "method fixed while frozen");
        Access.asSystem(() -> tally.decide(mix, top, Set.of(), null));
        Access.asSystem(() -> tally.signOff(mix));
        assertTrue(live().signedOff(mix));
        assertEquals(409, refusal(() -> tally.decide(mix, top, Set.of(), "again")), "locked once signed off");
        assertEquals(409, refusal(() -> tally.unfreeze(mix, "change")), "no unfreeze under a signed decision");
        assertEquals(400, refusal(() -> tally.reopen(mix, "  ")), "a reason is required");
        Access.asSystem(() -> tally.reopen(mix, "Dossier recompté"));
        assertFalse(live().signedOff(mix));
        long audited = em.createQuery(
                        "select count(e) from AuditEvent e where e.action = 'decision.reopen' and e.objectId = :id",
                        Long.class)
                .setParameter("id", String.valueOf(mix))
                .getSingleResult();
        assertEquals(1, audited, "reopening is audited");
        HttpResponse<String> decisions =
                new Http(url).getAs("/api/v1/editions/" + Demo.EDITION + "/decisions", Demo.ORGANISER, Demo.PASSWORD);
        assertTrue(decisions.body().contains("\"category\":\"MIX\""));
    }

    @Test
    void in_a_public_vote_category_the_most_votes_win_and_a_tie_in_votes_goes_to_the_jury_rank() throws Exception {
        Category cdc = category("CDC");
        long id = cdc.getId();
        Access.asSystem(() -> {
            tally.freeze(id);
            return null;
        });
        var ranked = Access.asSystem(() -> tally.frozen(id)).stream()
                .filter(r -> r.getRank() > 0)
                .toList();
        assertTrue(ranked.size() >= 3, "the demo jury ranked the Coup de cœur");
        Set<Long> juryTop = ranked.stream()
                .filter(r -> r.getRank() == 1)
                .map(r -> r.getNomination().getId())
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(juryTop, Access.asSystem(() -> tally.top(id)), "no vote yet: the jury's first");
        var second = ranked.stream().filter(r -> r.getRank() == 2).findFirst().orElseThrow();
        var third = ranked.stream().filter(r -> r.getRank() == 3).findFirst().orElseThrow();
        tx.begin();
        Category c = em.find(Category.class, id);
        for (int i = 0; i < 3; i++) {
            for (var r : List.of(second, third)) {
                em.persist(new org.palmares.ceremony.PublicVote(
                        c,
                        em.find(
                                org.palmares.nomination.Nomination.class,
                                r.getNomination().getId()),
                        "it-vote-" + r.getNomination().getId() + "-" + i,
                        "127.0.0",
                        java.time.Instant.now()));
            }
        }
        tx.commit();
        long secondId = second.getNomination().getId();
        var outcome = Access.asSystem(() -> tally.voteOutcome(id));
        assertEquals(Set.of(secondId), outcome.winners(), "3 votes each: the better jury rank wins");
        assertEquals(VoteOutcome.Rule.JURY_RANK, outcome.rule());
        assertEquals(Set.of(secondId), Access.asSystem(() -> tally.top(id)), "the vote names the winner");
        var decision = Access.asSystem(() -> tally.decide(id, Set.of(secondId), Set.of(), null));
        assertEquals(1, decision.getWinners().size(), "following the vote needs no justification");
    }

    @Test
    void choosing_another_winner_than_the_first_needs_a_written_justification() {
        long com = category("COM").getId();
        Access.asSystem(() -> {
            tally.freeze(com);
            return null;
        });
        Set<Long> top = Access.asSystem(() -> tally.top(com));
        long other = Access.asSystem(() -> tally.frozen(com)).stream()
                .filter(r -> r.getRank() > 1)
                .findFirst()
                .orElseThrow()
                .getNomination()
                .getId();
        assertEquals(400, refusal(() -> tally.decide(com, Set.of(other), Set.of(), " ")));
        var decision = Access.asSystem(
                () -> tally.decide(com, Set.of(other), top, "Projet plus abouti selon la délibération"));
        assertEquals(1, decision.getWinners().size());
        assertEquals(400, refusal(() -> tally.decide(com, Set.of(), Set.of(), null)), "a winner is needed");
    }

    private static int refusal(Runnable action) {
        try {
            Access.asSystem(() -> {
                action.run();
                return null;
            });
            return 200;
        } catch (DomainException e) {
            return e.status();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof DomainException)) cause = cause.getCause();
            if (cause != null) return ((DomainException) cause).status();
            throw e;
        }
    }
}
