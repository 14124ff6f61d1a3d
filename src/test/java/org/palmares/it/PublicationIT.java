package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.ceremony.publication.PublicationService;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.tally.TallyService;

/**
 * The embargo and the publication inside a running Palmarès with the demo sheets. A category is signed off through
 * the tally service; until it is published, its winner's title shows on no path that could leak it (public page,
 * REST palmarès, certificates, the pages of the other territories and of a juror not assigned to it, REST results
 * and decisions, the outbox); once published it does where allowed. Each test works on a category of its own; the
 * HTTP checks go over the wire as each role would.
 */
@ExtendWith(ArquillianExtension.class)
class PublicationIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares("palmares.demo.sheets=true").addClasses(Deployments.class, Http.class, Demo.class);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TallyService tally;

    @Inject
    PublicationService publication;

    @ArquillianResource
    URL url;

    // --- helpers ---

    /** Publication is the ceremony's work; the decisions before it the deliberation's. */
    @org.junit.jupiter.api.BeforeEach
    void ceremony() {
        phase(org.palmares.edition.Phase.CEREMONY);
    }

    private void phase(org.palmares.edition.Phase phase) {
        PhaseSwitch.set(url, Demo.EDITION, phase);
    }

    private long category(String code) {
        return em.createQuery(
                        "select c.id from Category c where c.code = :c and c.edition.code = '" + Demo.EDITION + "'",
                        Long.class)
                .setParameter("c", code)
                .getSingleResult();
    }

    /** Freezes, decides (the ranking's first place, plus the second as a mention) and signs off; the winner's id. */
    private long signOff(long category) {
        phase(org.palmares.edition.Phase.DELIBERATION);
        try {
            return decideAndSign(category);
        } finally {
            phase(org.palmares.edition.Phase.CEREMONY);
        }
    }

    private long decideAndSign(long category) {
        return Access.asSystem(() -> {
            tally.freeze(category);
            Set<Long> top = tally.top(category);
            Set<Long> mention = new HashSet<>();
            tally.frozen(category).stream()
                    .filter(r ->
                            r.getRank() > 0 && !top.contains(r.getNomination().getId()))
                    .findFirst()
                    .ifPresent(r -> mention.add(r.getNomination().getId()));
            tally.decide(category, top, mention, null);
            tally.signOff(category);
            return top.iterator().next();
        });
    }

    private Nomination nomination(long id) {
        return em.find(Nomination.class, id);
    }

    private List<String> members(Nomination n) {
        return em.createQuery(
                        "select m.email from Territory t join t.members m where t.id = :t order by m.email",
                        String.class)
                .setParameter("t", n.getTerritory().getId())
                .getResultList();
    }

    private String otherTerritoryContact(Nomination n) {
        return em.createQuery(
                        "select m.email from Territory t join t.members m where t.id <> :t "
                                + "and m.email like 'contact@%' order by m.email",
                        String.class)
                .setParameter("t", n.getTerritory().getId())
                .setMaxResults(1)
                .getSingleResult();
    }

    /** A demo juror with no assignment to the nomination (one assigned to it may see its title in their dossier). */
    private String jurorNotAssignedTo(Nomination n) {
        List<String> assigned = em.createQuery(
                        "select a.juror.account.email from Assignment a where a.nomination.id = :n", String.class)
                .setParameter("n", n.getId())
                .getResultList();
        for (int i = 1; i <= 12; i++) {
            String email = String.format("jure%02d@demo.palmares.org", i);
            if (!assigned.contains(email)) return email;
        }
        throw new IllegalStateException("every demo juror is assigned to " + n.getReference());
    }

    private long outboxMentioning(String text) {
        return em.createQuery(
                        "select count(m) from OutboxMessage m where m.body like :t or m.subject like :t", Long.class)
                .setParameter("t", "%" + text + "%")
                .getSingleResult();
    }

    private static boolean shows(HttpResponse<String> response, String title) {
        String body = response.body();
        return body.contains(title) || body.contains(title.replace("'", "&#39;")) || body.contains(escapeJson(title));
    }

    private static String escapeJson(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static int refusal(Supplier<?> work) {
        try {
            Access.asSystem(work::get);
            return 200;
        } catch (DomainException e) {
            if (e instanceof org.palmares.edition.PhaseClosed) throw new AssertionError("refused by the phase", e);
            return e.status();
        }
    }

    private HttpResponse<String> asRole(String email, String path) {
        Http http = new Http(url);
        assertEquals(302, http.login(email, Demo.PASSWORD).statusCode(), "login of " + email);
        return http.get(path);
    }

    // --- tests ---

    @Test
    void the_winner_leaks_on_no_path_before_publication_and_shows_where_allowed_after() {
        long soc = category("SOC");
        long before = outboxMentioning("");
        long winnerId = signOff(soc);
        Nomination winner = nomination(winnerId);
        String title = winner.getTitle();
        String own = members(winner).get(0);
        String other = otherTerritoryContact(winner);
        String juror = jurorNotAssignedTo(winner);
        long mailsWithTitle = outboxMentioning(title);

        List<String> leaks = new ArrayList<>();
        Http anonymous = new Http(url);
        for (String path : List.of(
                "/palmares.xhtml?edition=" + Demo.EDITION,
                "/palmares.xhtml",
                "/api/v1/editions/" + Demo.EDITION + "/palmares",
                "/api/v1/editions/" + Demo.EDITION + "/votes",
                "/index.xhtml")) {
            var r = path.startsWith("/api/") ? anonymous.get(path, "Accept", "application/json") : anonymous.get(path);
            if (shows(r, title)) leaks.add("anonymous " + path);
        }
        var cert = anonymous.get("/certificates/" + winnerId + ".pdf");
        assertEquals(302, cert.statusCode(), "anonymous is sent to log in for a certificate");
        for (String who : List.of(other, juror)) {
            for (String path : List.of(
                    "/palmares.xhtml?edition=" + Demo.EDITION,
                    "/territory/index.xhtml",
                    "/jury/index.xhtml",
                    "/jury/dossier.xhtml",
                    "/certificates/" + winnerId + ".pdf")) {
                var r = asRole(who, path);
                if (shows(r, title) || r.body().startsWith("%PDF")) leaks.add(who + " " + path + " " + r.statusCode());
            }
            Http rest = new Http(url);
            for (String path : List.of(
                    "/api/v1/editions/" + Demo.EDITION + "/palmares",
                    "/api/v1/editions/" + Demo.EDITION + "/results",
                    "/api/v1/editions/" + Demo.EDITION + "/decisions",
                    "/api/v1/me/assignments",
                    "/api/v1/territory/nominations")) {
                var r = rest.getAs(path, who, Demo.PASSWORD);
                if (shows(r, title)) leaks.add(who + " " + path + " " + r.statusCode());
            }
        }
        // The winner's own territory sees its nomination, of course, but neither the award nor the certificate.
        var ownHome = asRole(own, "/territory/index.xhtml");
        assertEquals(200, ownHome.statusCode());
        assertFalse(
                ownHome.body().contains("/certificates/" + winnerId + ".pdf"),
                "no certificate link before publication");
        var ownCert = asRole(own, "/certificates/" + winnerId + ".pdf");
        assertNotEquals(200, ownCert.statusCode(), "the winner's own certificate waits for publication");
        assertFalse(ownCert.body().startsWith("%PDF"));
        var ownPalmares = new Http(url).getAs("/api/v1/editions/" + Demo.EDITION + "/palmares", own, Demo.PASSWORD);
        if (shows(ownPalmares, title)) leaks.add(own + " REST palmares");
        assertEquals(mailsWithTitle, outboxMentioning(title), "no e-mail about the winner before publication");
        assertTrue(leaks.isEmpty(), "the winner leaked before publication: " + leaks);
        assertFalse(Access.asSystem(() -> publication.isPublished(soc)));

        // The organiser may see the certificate already.
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        var early = organiser.get("/certificates/" + winnerId + ".pdf?lang=en");
        assertEquals(200, early.statusCode());
        assertTrue(early.body().startsWith("%PDF"));

        Access.asSystem(() -> publication.publish(soc));
        assertTrue(publication.isPublished(soc));
        assertTrue(publication.publishedCategories(winner.getCategory().getEdition()).stream()
                .anyMatch(c -> c.getId() == soc));

        var page = new Http(url).get("/palmares.xhtml?edition=" + Demo.EDITION);
        assertEquals(200, page.statusCode());
        assertTrue(shows(page, title), "the public page shows the winner");
        assertTrue(page.body().contains("property=\"og:title\""), "OpenGraph tags");
        var rest = new Http(url).get("/api/v1/editions/" + Demo.EDITION + "/palmares", "Accept", "application/json");
        assertTrue(shows(rest, title), "REST palmares shows the winner");
        assertTrue(rest.body().contains("\"code\":\"SOC\""));
        var archive = new Http(url).get("/palmares.xhtml");
        assertTrue(archive.body().contains("edition=" + Demo.EDITION), "the edition is in the archive");
        var ownAfter = asRole(own, "/territory/index.xhtml");
        assertTrue(ownAfter.body().contains("/certificates/" + winnerId + ".pdf"), "certificate link once published");
        var ownCertAfter = asRole(own, "/certificates/" + winnerId + ".pdf");
        assertEquals(200, ownCertAfter.statusCode());
        assertTrue(ownCertAfter.body().startsWith("%PDF"));
        var otherCert = asRole(other, "/certificates/" + winnerId + ".pdf");
        assertEquals(403, otherCert.statusCode(), "never another territory's certificate");
        var jurorCert = asRole(juror, "/certificates/" + winnerId + ".pdf");
        assertEquals(403, jurorCert.statusCode(), "never a juror");
        assertTrue(outboxMentioning(title) > mailsWithTitle, "the winner's territory is told after publication");
        long toOwn = em.createQuery(
                        "select count(m) from OutboxMessage m where m.recipient = :r and m.body like :t "
                                + "and m.attachmentName like '%.pdf'",
                        Long.class)
                .setParameter("r", own)
                .setParameter("t", "%" + title + "%")
                .getSingleResult();
        assertEquals(1, toOwn, "one e-mail with the certificate attached");
        assertTrue(outboxMentioning("") > before);
    }

    @Test
    void a_category_cannot_be_published_before_its_decision_is_signed_off() {
        long ter = category("TER");
        assertEquals(409, refusal(() -> publication.publish(ter)), "no decision at all");
        phase(org.palmares.edition.Phase.DELIBERATION);
        Access.asSystem(() -> {
            tally.freeze(ter);
            tally.decide(ter, tally.top(ter), Set.of(), null);
            return null;
        });
        phase(org.palmares.edition.Phase.CEREMONY);
        assertEquals(409, refusal(() -> publication.publish(ter)), "decided but not signed off");
        assertFalse(publication.isPublished(ter));
        String title = nomination(
                        Access.asSystem(() -> tally.top(ter)).iterator().next())
                .getTitle();
        assertFalse(shows(new Http(url).get("/palmares.xhtml?edition=" + Demo.EDITION), title));

        Http http = new Http(url);
        http.login(Demo.ORGANISER, Demo.PASSWORD);
        var page = http.get("/organiser/publication.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Décision non signée"), "the page tells the state");
    }

    @Test
    void unpublishing_needs_a_reason_takes_the_winner_down_and_publishing_again_mails_nobody_twice() {
        long mix = category("MIX");
        long winnerId = signOff(mix);
        String title = nomination(winnerId).getTitle();
        Access.asSystem(() -> publication.publish(mix));
        long mails = outboxMentioning(title);
        assertTrue(shows(new Http(url).get("/palmares.xhtml?edition=" + Demo.EDITION), title));
        assertEquals(400, refusal(() -> {
            publication.unpublish(mix, " ");
            return null;
        }));
        Access.asSystem(() -> {
            publication.unpublish(mix, "Erreur de catégorie");
            return null;
        });
        assertFalse(publication.isPublished(mix));
        assertFalse(shows(new Http(url).get("/palmares.xhtml?edition=" + Demo.EDITION), title), "taken down");
        assertFalse(
                shows(new Http(url).get("/api/v1/editions/" + Demo.EDITION + "/palmares"), title),
                "taken down over REST");
        List<String> audited = em.createQuery(
                        "select e.after from AuditEvent e where e.action = 'publication.unpublish' "
                                + "and e.objectId = :c",
                        String.class)
                .setParameter("c", String.valueOf(mix))
                .getResultList();
        assertEquals(List.of("Erreur de catégorie"), audited, "the reason is audited");
        Access.asSystem(() -> publication.publish(mix));
        assertEquals(mails, outboxMentioning(title), "no second award e-mail");
        // A reopened decision puts the category back under embargo even while it stays "published".
        Access.asSystem(() -> tally.reopen(mix, "Recompte"));
        assertFalse(publication.isPublished(mix));
        assertFalse(
                shows(new Http(url).get("/palmares.xhtml?edition=" + Demo.EDITION), title), "reopened: embargo again");
    }

    @Test
    void rest_palmares_is_public_cacheable_with_an_etag_and_404_problem_for_an_unknown_edition() {
        Http http = new Http(url);
        var first = http.get("/api/v1/editions/" + Demo.EDITION + "/palmares", "Accept", "application/json");
        assertEquals(200, first.statusCode());
        assertEquals(
                "public, max-age=60",
                first.headers().firstValue("Cache-Control").orElse(""));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = http.get(
                "/api/v1/editions/" + Demo.EDITION + "/palmares", "Accept", "application/json", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertTrue(first.headers().allValues("Set-Cookie").isEmpty(), "no session");
        var unknown = http.get("/api/v1/editions/NOPE/palmares", "Accept", "application/json");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void the_public_page_creates_no_session_and_speaks_english_through_the_language_cookie() {
        Http http = new Http(url);
        var fr = http.get("/palmares.xhtml?edition=" + Demo.EDITION);
        assertEquals(200, fr.statusCode());
        assertTrue(fr.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
        assertTrue(fr.body().contains("Palmarès"));
        var switched = http.get("/lang?to=en&back=/palmares.xhtml?edition=" + Demo.EDITION);
        assertEquals(302, switched.statusCode());
        var en = http.get("/palmares.xhtml?edition=" + Demo.EDITION);
        assertTrue(en.body().contains("Winners"), "English page");
        assertTrue(en.body().contains("lang=\"en\""));
        assertTrue(en.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
        assertEquals(
                "public, max-age=60", fr.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void certificates_organiser_any_and_zip_territory_refused_before_publication() {
        long com = category("COM");
        long winnerId = signOff(com);
        Nomination winner = nomination(winnerId);
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        var fr = organiser.get("/certificates/" + winnerId + ".pdf?lang=fr");
        assertEquals(200, fr.statusCode());
        assertTrue(fr.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        var zip = organiser.get("/organiser/export/certificates.zip");
        assertEquals(200, zip.statusCode());
        assertTrue(zip.body().startsWith("PK"), "a ZIP");
        assertTrue(zip.body().contains("COM/"), "a folder per category");
        var notAwarded = organiser.get("/certificates/999999.pdf");
        assertEquals(404, notAwarded.statusCode());
        var own = asRole(members(winner).get(0), "/certificates/" + winnerId + ".pdf");
        assertEquals(404, own.statusCode(), "not yet published: nothing to download");
        var territoryZip = asRole(members(winner).get(0), "/organiser/export/certificates.zip");
        assertEquals(403, territoryZip.statusCode());
    }

    @Test
    void thank_you_emails_go_once_to_every_territory_that_took_part_and_every_juror() {
        long cdc = category("CDC");
        long edition = em.find(Category.class, cdc).getEdition().getId();
        signOff(cdc);
        Access.asSystem(() -> publication.publish(cdc));
        int first = Access.asSystem(() -> publication.sendThanks(edition));
        long jurors = em.createQuery("select count(j) from Juror j where j.edition.id = :e", Long.class)
                .setParameter("e", edition)
                .getSingleResult();
        assertTrue(first >= jurors, "at least one e-mail per juror: " + first + " < " + jurors);
        long juror = em.createQuery(
                        "select count(m) from OutboxMessage m where m.recipient = 'jure01@demo.palmares.org' "
                                + "and m.subject like '%merci%'",
                        Long.class)
                .getSingleResult();
        assertEquals(1, juror, "the juror is thanked once");
        long territory = em.createQuery(
                        "select count(m) from OutboxMessage m where m.recipient = :r and m.subject like '%merci%'",
                        Long.class)
                .setParameter("r", Demo.TERRITORY)
                .getSingleResult();
        assertEquals(1, territory, "the territory that took part is thanked once");
        assertEquals(0, Access.asSystem(() -> publication.sendThanks(edition)), "never twice");
    }
}
