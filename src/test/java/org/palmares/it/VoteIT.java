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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.ceremony.VoteService;
import org.palmares.ceremony.VoteSettings;
import org.palmares.ceremony.VoterAddress;
import org.palmares.ceremony.VotingWindow;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;

/**
 * The public vote in a running Palmarès, over HTTP as the public would: one vote per verified address even under
 * concurrent verification, code expiry and wrong codes, rate limits with Retry-After, the honeypot, no HTTP session
 * ever created, and the counts hidden from everyone but organisers. Clients are told apart by X-Forwarded-For,
 * which this deployment trusts ({@code palmares.vote.client-ip-header}), so each test has addresses of its own.
 */
@ExtendWith(ArquillianExtension.class)
class VoteIT {
    private static final Pattern CODE = Pattern.compile("\n {4}(\\d{6})\n");
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares("palmares.vote.client-ip-header=X-Forwarded-For")
                .addClasses(Deployments.class, Http.class, Demo.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    VoteService votes;

    @Inject
    VoteSettings settings;

    @ArquillianResource
    URL url;

    // --- helpers ---

    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String newAddress() {
        return "voter-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private Category cdc() {
        return votes.publicCategory(votes.edition(Demo.EDITION), "CDC");
    }

    private List<Nomination> eligible() {
        return votes.ballotPaper(cdc());
    }

    private HttpResponse<String> cast(String client, long nomination, String email, String honeypot) {
        String body = Json.createObjectBuilder()
                .add("category", "CDC")
                .add("nomination", nomination)
                .add("email", email)
                .add("website", honeypot)
                .build()
                .toString();
        return new Http(url)
                .request(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/votes",
                        body.getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json",
                        "X-Forwarded-For",
                        client);
    }

    private HttpResponse<String> verify(String client, String ballot, String code) {
        String body = Json.createObjectBuilder()
                .add("ballot", ballot)
                .add("code", code)
                .build()
                .toString();
        return new Http(url)
                .request(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/votes/verify",
                        body.getBytes(StandardCharsets.UTF_8),
                        "Content-Type",
                        "application/json",
                        "X-Forwarded-For",
                        client);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private String ballotOf(HttpResponse<String> cast) {
        assertEquals(202, cast.statusCode(), cast.body());
        return json(cast).getString("ballot");
    }

    /** The latest mail to an address, as the outbox holds it. */
    private String mailTo(String address) {
        return em.createQuery(
                        "select m.body from OutboxMessage m where m.recipient = :r order by m.id desc", String.class)
                .setParameter("r", address)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    private List<String> codesTo(String address) {
        List<String> codes = new ArrayList<>();
        for (String body : em.createQuery(
                        "select m.body from OutboxMessage m where m.recipient = :r order by m.id", String.class)
                .setParameter("r", address)
                .getResultList()) {
            Matcher m = CODE.matcher(body);
            assertTrue(m.find(), body);
            codes.add(m.group(1));
        }
        return codes;
    }

    private long countedVotesOf(String address) {
        String voter = settings.voterHash().of(VoterAddress.parse(address).orElseThrow());
        return em.createQuery("select count(v) from PublicVote v where v.voterHash = :h", Long.class)
                .setParameter("h", voter)
                .getSingleResult();
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem JSON");
        assertFalse(response.body().contains("at org."), "no stack trace");
    }

    private static void assertNoSession(HttpResponse<String> response) {
        assertTrue(
                response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "no session cookie: " + response.headers().allValues("Set-Cookie"));
    }

    // --- tests ---

    @Test
    void a_verified_code_counts_one_vote_and_the_voter_cannot_vote_again_in_the_category() {
        String client = newClient();
        String address = newAddress();
        long nomination = eligible().get(0).getId();
        String ballot = ballotOf(cast(client, nomination, address, ""));
        String code = codesTo(address).get(0);
        HttpResponse<String> counted = verify(client, ballot, code);
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals("COUNTED", json(counted).getString("status"));
        assertTrue(codesTo(address).isEmpty(), "the clear address and the code leave the outbox once verified");
        assertProblem(409, verify(client, ballot, code));
        // The same mailbox written another way is the same voter.
        String sameMailbox = address.replace("@", "+again@").toUpperCase();
        assertProblem(409, cast(newClient(), eligible().get(1).getId(), sameMailbox, ""));
    }

    @Test
    void one_vote_per_verified_address_even_when_two_ballots_are_verified_at_the_same_time() throws Exception {
        String address = newAddress();
        List<Nomination> paper = eligible();
        String first = ballotOf(cast(newClient(), paper.get(0).getId(), address, ""));
        String second = ballotOf(cast(newClient(), paper.get(1).getId(), address, ""));
        List<String> codes = codesTo(address);
        assertEquals(2, codes.size());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String ballot = i % 2 == 0 ? first : second;
            String code = codes.get(i % 2);
            String client = newClient();
            Callable<Integer> call = () -> {
                start.await();
                return verify(client, ballot, code).statusCode();
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (Future<Integer> answer : answers) statuses.merge(answer.get(), 1, Integer::sum);
        pool.shutdown();
        assertEquals(1, statuses.getOrDefault(200, 0), "exactly one verification counts: " + statuses);
        assertEquals(9, statuses.getOrDefault(409, 0), "the others are told it is already counted: " + statuses);
        assertEquals(1, countedVotesOf(address), "one vote in the table");
    }

    @Test
    void a_code_is_refused_once_its_fifteen_minutes_are_over() throws Exception {
        String client = newClient();
        String address = newAddress();
        String ballot = ballotOf(cast(client, eligible().get(0).getId(), address, ""));
        tx.begin();
        em.createQuery("update Ballot b set b.expiresAt = :past where b.publicId = :p")
                .setParameter("past", Instant.now().minusSeconds(1))
                .setParameter("p", ballot)
                .executeUpdate();
        tx.commit();
        HttpResponse<String> late = verify(client, ballot, codesTo(address).get(0));
        assertProblem(410, late);
        assertTrue(late.body().contains("15 minutes"), late.body());
        assertEquals(0, countedVotesOf(address));
    }

    @Test
    void wrong_codes_are_counted_and_the_fifth_spends_the_ballot() {
        String client = newClient();
        String address = newAddress();
        String ballot = ballotOf(cast(client, eligible().get(0).getId(), address, ""));
        String right = codesTo(address).get(0);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            HttpResponse<String> answer = verify(client, ballot, wrong);
            assertProblem(422, answer);
            assertTrue(answer.body().contains("Il vous reste " + left), answer.body());
        }
        assertProblem(410, verify(client, ballot, wrong));
        assertProblem(410, verify(client, ballot, right));
        assertProblem(422, verify(client, ballot, "12ab"));
        assertProblem(404, verify(client, "no-such-ballot-at-all-here", right));
        assertEquals(0, countedVotesOf(address));
    }

    @Test
    void the_home_page_creates_no_session_for_a_visitor() {
        HttpResponse<String> home = new Http(url).get("/index.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Trophées de la Clause"), "the edition is shown");
        assertNoSession(home);
    }

    @Test
    void the_links_token_verifies_the_ballot_on_the_public_page_without_a_session() {
        String address = newAddress();
        ballotOf(cast(newClient(), eligible().get(0).getId(), address, ""));
        Matcher token = TOKEN.matcher(mailTo(address));
        assertTrue(token.find());
        HttpResponse<String> page = new Http(url).get("/vote/verify.xhtml?token=" + token.group(1));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Merci, votre vote est compté"), page.body());
        assertNoSession(page);
        HttpResponse<String> again = new Http(url).get("/vote/verify.xhtml?token=" + token.group(1));
        assertFalse(again.body().contains("Merci, votre vote est compté"), "a link counts once");
        assertTrue(again.body().contains("ui-messages-error"), "and the page says why");
        assertEquals(1, countedVotesOf(address));
    }

    @Test
    void casting_is_rate_limited_per_client_and_per_address_with_retry_after() {
        String client = newClient();
        long nomination = eligible().get(0).getId();
        // 20 a minute, refilled smoothly: on a slow machine a few more get through while the first 20 are sent.
        int accepted = 0;
        HttpResponse<String> refused = cast(client, nomination, newAddress(), "");
        while (refused.statusCode() == 202 && accepted < 40) {
            accepted++;
            refused = cast(client, nomination, newAddress(), "");
        }
        assertTrue(accepted >= 20 && accepted < 40, accepted + " casts accepted before the limit");
        assertProblem(429, refused);
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        assertEquals(202, cast(newClient(), nomination, newAddress(), "").statusCode(), "other clients go on");

        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertEquals(202, cast(newClient(), nomination, address, "").statusCode(), "address cast " + i);
        }
        HttpResponse<String> again = cast(newClient(), nomination, address, "");
        assertProblem(429, again);
        assertTrue(again.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void a_filled_honeypot_gets_the_usual_answer_and_nothing_is_sent_or_kept() {
        String address = newAddress();
        HttpResponse<String> answer = cast(newClient(), eligible().get(0).getId(), address, "http://spam.example");
        assertEquals(202, answer.statusCode());
        assertTrue(json(answer).containsKey("ballot"), "looks like any other answer");
        assertTrue(codesTo(address).isEmpty(), "no mail");
        long kept = em.createQuery("select count(b) from Ballot b where b.publicId = :p", Long.class)
                .setParameter("p", json(answer).getString("ballot"))
                .getSingleResult();
        assertEquals(0, kept, "no ballot");
        assertProblem(404, verify(newClient(), json(answer).getString("ballot"), "123456"));
    }

    @Test
    void disposable_and_malformed_addresses_and_other_categories_nominations_are_refused() {
        long nomination = eligible().get(0).getId();
        assertProblem(400, cast(newClient(), nomination, "someone@yopmail.com", ""));
        assertProblem(400, cast(newClient(), nomination, "not an address", ""));
        long otherCategory = em.createQuery(
                        "select n.id from Nomination n where n.category.code = 'SOC' order by n.id", Long.class)
                .setMaxResults(1)
                .getSingleResult();
        assertProblem(404, cast(newClient(), otherCategory, newAddress(), ""));
    }

    @Test
    void addresses_a_mailer_reads_as_another_mailbox_are_refused_and_the_code_goes_to_the_counted_address() {
        long nomination = eligible().get(0).getId();
        String mailbox = newAddress();
        String local = mailbox.substring(0, mailbox.indexOf('@'));
        // Each of these was a new voter whose code reached the same mailbox (issue 17): six votes from one.
        for (String attack : List.of(
                "(1)" + mailbox,
                "(a)(b)" + mailbox,
                "," + mailbox,
                ",," + mailbox,
                mailbox + ",",
                mailbox + ";other@example.org",
                "Voter <" + mailbox + ">",
                "<" + mailbox + ">",
                "\"" + local + "\"@example.org",
                local.replace('o', '\u043e') + "@example.org",
                local + "\uff20example.org",
                local + "\u200b@example.org",
                local + "@example.org.")) {
            assertProblem(400, cast(newClient(), nomination, attack, ""));
        }
        long strays = em.createQuery("select count(m) from OutboxMessage m where m.recipient like :r", Long.class)
                .setParameter("r", "%" + local + "%")
                .getSingleResult();
        assertEquals(0, strays, "no code mailed for any of them");

        String typed = "  " + local.toUpperCase() + "+coup-de-coeur@Example.ORG ";
        String ballot = ballotOf(cast(newClient(), nomination, typed, ""));
        List<String> codes = codesTo(mailbox);
        assertEquals(1, codes.size(), "the code goes to the normalised address, the one counted");
        long otherForms = em.createQuery(
                        "select count(m) from OutboxMessage m where m.recipient <> :n and m.recipient like :r",
                        Long.class)
                .setParameter("n", mailbox)
                .setParameter("r", "%" + local + "%")
                .getSingleResult();
        assertEquals(0, otherForms, "and to no other form of it");
        String client = newClient();
        assertEquals(200, verify(client, ballot, codes.get(0)).statusCode());
        assertProblem(409, cast(newClient(), eligible().get(1).getId(), local + "+again@example.org", ""));
        assertEquals(1, countedVotesOf(mailbox));
    }

    @Test
    void voting_is_refused_outside_the_window() throws Exception {
        Category cdc = cdc();
        VotingWindow before = votes.rules(cdc);
        LocalDateTime now = LocalDateTime.now(cdc.getEdition().zone());
        try {
            Access.asSystem(() -> votes.setWindow(cdc.getId(), now.minusDays(3), now.minusDays(1)));
            HttpResponse<String> closed = cast(newClient(), eligible().get(0).getId(), newAddress(), "");
            assertProblem(409, closed);
            assertTrue(closed.body().contains("pas ouvert"), closed.body());
            HttpResponse<String> page = new Http(url).get("/vote/index.xhtml?category=CDC");
            assertTrue(page.body().contains("Le vote est clos"), "the page says so");
            assertFalse(page.body().contains("id=\"vote\""), "and shows no form");
        } finally {
            Access.asSystem(() -> votes.setWindow(cdc.getId(), before.opensAt(), before.closesAt()));
        }
    }

    @Test
    void the_public_page_casts_and_verifies_with_no_session_ever_created() {
        Http http = new Http(url);
        String client = newClient();
        HttpResponse<String> page = http.get("/vote/index.xhtml?category=CDC", "X-Forwarded-For", client);
        assertEquals(200, page.statusCode());
        assertNoSession(page);
        assertEquals("stateless", Http.viewState(page.body()));
        for (Nomination n : eligible()) {
            assertTrue(page.body().contains("id=\"nomination-" + n.getId() + "\""), n.getTitle());
        }

        String address = newAddress();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("vote", "vote");
        form.put("edition", Demo.EDITION);
        form.put("category", "CDC");
        form.put("vote:email", address);
        form.put("vote:website", "");
        // Each card has its own vote button; the third card's votes for the third nomination.
        form.put("vote:cards:2:cast", "");
        form.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> sent = http.post("/vote/index.xhtml", form, "X-Forwarded-For", client);
        assertEquals(200, sent.statusCode());
        assertNoSession(sent);
        assertTrue(sent.body().contains("Un code à six chiffres vient de vous être envoyé"), sent.body());
        Matcher ballot = Pattern.compile("name=\"ballot\" value=\"([^\"]+)\"").matcher(sent.body());
        assertTrue(ballot.find(), "the code form carries the ballot");

        Map<String, String> code = new LinkedHashMap<>();
        code.put("code", "code");
        code.put("ballot", ballot.group(1));
        code.put("edition", Demo.EDITION);
        code.put("category", "CDC");
        code.put("code:value", codesTo(address).get(0));
        code.put("code:verify", "");
        code.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> done = http.post("/vote/index.xhtml", code, "X-Forwarded-For", client);
        assertEquals(200, done.statusCode());
        assertNoSession(done);
        assertTrue(done.body().contains("Merci, votre vote est compté"), done.body());
        assertEquals(1, countedVotesOf(address));

        HttpResponse<String> rest = cast(newClient(), eligible().get(0).getId(), newAddress(), "");
        assertNoSession(rest);
        assertNoSession(new Http(url).get("/api/v1/editions/" + Demo.EDITION + "/votes"));
    }

    @Test
    void counts_and_the_fraud_page_are_for_organisers_only() {
        String counts = "/api/v1/editions/" + Demo.EDITION + "/votes/counts?category=CDC";
        assertProblem(401, new Http(url).get(counts, "Accept", "application/json"));
        assertProblem(403, new Http(url).getAs(counts, Demo.JUROR, Demo.PASSWORD));
        assertProblem(403, new Http(url).getAs(counts, Demo.TERRITORY, Demo.PASSWORD));
        assertEquals(
                200, new Http(url).getAs(counts, Demo.ORGANISER, Demo.PASSWORD).statusCode());

        HttpResponse<String> paper = new Http(url).get("/api/v1/editions/" + Demo.EDITION + "/votes");
        assertEquals(200, paper.statusCode());
        assertFalse(paper.body().contains("\"votes\""), "the public ballot paper carries no counts");

        Http juror = new Http(url);
        juror.login(Demo.JUROR, Demo.PASSWORD);
        assertEquals(403, juror.get("/organiser/votes.xhtml").statusCode());
        Http territory = new Http(url);
        territory.login(Demo.TERRITORY, Demo.PASSWORD);
        assertEquals(403, territory.get("/organiser/votes.xhtml").statusCode());
        assertEquals(302, new Http(url).get("/organiser/votes.xhtml").statusCode(), "anonymous: to the login");
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        HttpResponse<String> report = organiser.get("/organiser/votes.xhtml");
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("Voix par projet"));
    }

    @Test
    void an_organiser_voids_a_vote_with_a_reason_it_leaves_the_counts_and_is_audited() throws Exception {
        String client = newClient();
        String address = newAddress();
        Nomination nomination = eligible().get(3);
        String ballot = ballotOf(cast(client, nomination.getId(), address, ""));
        assertEquals(200, verify(client, ballot, codesTo(address).get(0)).statusCode());
        long before = Access.asSystem(() -> countOf(nomination));
        Long voteId = em.createQuery(
                        "select v.id from PublicVote v where v.nomination.id = :n and v.voided = false order by v.id desc",
                        Long.class)
                .setParameter("n", nomination.getId())
                .setMaxResults(1)
                .getSingleResult();
        Access.asSystem(() -> votes.voidVote(voteId, "Série de votes depuis un même réseau"));
        assertEquals(before - 1, (long) Access.asSystem(() -> countOf(nomination)));
        long audited = em.createQuery(
                        "select count(e) from AuditEvent e where e.action = 'vote.void' and e.objectId = :id",
                        Long.class)
                .setParameter("id", voteId.toString())
                .getSingleResult();
        assertEquals(1, audited);
        var report = Access.asSystem(() -> votes.report(cdc()));
        assertTrue(report.voided() >= 1);
        assertTrue(report.perNetwork().stream().anyMatch(g -> g.key().startsWith("198.51.")));
        assertTrue(report.perDomain().stream().anyMatch(g -> g.key().equals("example.org")));
    }

    private long countOf(Nomination nomination) {
        return votes.countsFor(cdc()).stream()
                .filter(c -> c.nomination().getId().equals(nomination.getId()))
                .mapToLong(VoteService.NominationCount::votes)
                .sum();
    }
}
