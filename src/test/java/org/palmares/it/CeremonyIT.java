package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.ceremony.CeremonyService;
import org.palmares.edition.Category;
import org.palmares.edition.Phase;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.tally.TallyService;

/**
 * The ceremony over HTTP on the demo edition with its demo sheets: only organisers read and move the big screen (REST,
 * pages, script, WebSocket); next / back / black move the shared state; a category whose decision is not signed off
 * never shows its winner, anywhere the ceremony shows things; a signed-off one is recorded as revealed once its winner
 * is on the screen. The two tests that decide a category prepare it in the container, then look from outside.
 */
@ExtendWith(ArquillianExtension.class)
class CeremonyIT {
    private static final String STATE = "/api/v1/ceremony/" + Demo.EDITION + "/state";

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares("palmares.demo.sheets=true").addClasses(Deployments.class, Http.class, Demo.class);
    }

    @ArquillianResource
    URL url;

    @PersistenceContext
    EntityManager em;

    @Inject
    TallyService tally;

    @Inject
    CeremonyService ceremonies;

    /** The ceremony is driven in its phase; each test starts there. */
    @org.junit.jupiter.api.BeforeEach
    void ceremonyPhase() {
        phase(Phase.CEREMONY);
    }

    private void phase(Phase phase) {
        PhaseSwitch.set(url, Demo.EDITION, phase);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private Http organiser() {
        Http http = new Http(url);
        assertEquals(302, http.login(Demo.ORGANISER, Demo.PASSWORD).statusCode(), "organiser login");
        return http;
    }

    private static HttpResponse<String> act(Http http, String action) {
        return http.request(
                "POST",
                STATE,
                ("{\"action\":\"" + action + "\"}").getBytes(StandardCharsets.UTF_8),
                "Content-Type",
                "application/json",
                "Accept",
                "application/json");
    }

    @Test
    @RunAsClient
    void only_organisers_read_or_move_the_big_screen_others_get_problem_json() {
        // A client per caller: a session cookie left by one login would speak for the next one.
        HttpResponse<String> mine = new Http(url).getAs(STATE, Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(Demo.EDITION, json(mine).getString("edition"));
        assertTrue(json(mine).getInt("slides") >= 2);
        for (String other : List.of(Demo.JUROR, Demo.TERRITORY)) {
            HttpResponse<String> refused = new Http(url).getAs(STATE, other, Demo.PASSWORD);
            assertTrue(Http.problem(refused, 403), other + " -> " + refused.statusCode() + " " + refused.body());
            assertFalse(refused.body().contains("\"slide\""), refused.body());
        }
        assertTrue(Http.problem(new Http(url).get(STATE, "Accept", "application/json"), 401), "anonymous");
        Http juror = new Http(url);
        juror.login(Demo.JUROR, Demo.PASSWORD);
        assertTrue(Http.problem(act(juror, "next"), 403), "a juror cannot move the screen");
        assertTrue(Http.problem(act(new Http(url), "next"), 401), "nor can an anonymous visitor");
        assertTrue(Http.problem(act(organiser(), "jump"), 400), "an unknown action is refused clearly");
    }

    @Test
    @RunAsClient
    void next_and_back_move_the_shared_state_within_bounds_and_black_toggles_it() {
        Http http = organiser();
        assertEquals(0, json(act(http, "restart")).getInt("index"));
        assertEquals(0, json(act(http, "back")).getInt("index"), "no slide before the title");
        assertEquals(1, json(act(http, "next")).getInt("index"));
        assertEquals(2, json(act(http, "next")).getInt("index"));
        assertEquals(1, json(act(http, "back")).getInt("index"));
        JsonObject black = json(act(http, "black"));
        assertTrue(black.getBoolean("black"));
        assertEquals(1, black.getInt("index"), "black does not move");
        JsonObject read = json(organiser().get(STATE, "Accept", "application/json"));
        assertTrue(read.getBoolean("black"), "another organiser's screen sees the same state");
        JsonObject lit = json(act(http, "next"));
        assertFalse(lit.getBoolean("black"), "moving lights the screen again");
        assertEquals(2, lit.getInt("index"));
        int slides = lit.getInt("slides");
        for (int i = 0; i < slides + 2; i++) act(http, "next");
        assertEquals(slides - 1, json(http.get(STATE + "?brief=true")).getInt("index"), "stops on the last slide");
    }

    @Test
    void a_category_not_signed_off_never_shows_its_winner_in_the_state_the_slides_the_script_or_the_presenter() {
        long mix = category("MIX").getId();
        phase(Phase.DELIBERATION);
        Nomination winner = Access.asSystem(() -> {
            tally.freeze(mix);
            Set<Long> top = tally.top(mix);
            tally.decide(mix, top, Set.of(), null);
            return em.find(Nomination.class, top.iterator().next());
        });
        phase(Phase.CEREMONY);
        String title = winner.getTitle();
        Http http = organiser();
        JsonObject state = json(act(http, "restart"));
        boolean sawNotSignedOff = false;
        for (int i = 0; i < state.getInt("slides"); i++) {
            HttpResponse<String> r = i == 0 ? http.get(STATE) : act(http, "next");
            assertFalse(r.body().contains(title), "slide " + i + " shows the unsigned winner: " + r.body());
            assertFalse(r.body().contains(winner.getReference()), "slide " + i + ": " + r.body());
            JsonObject slide = json(r).getJsonObject("slide");
            if ("MIX".equals(slide.getString("category", ""))) {
                assertEquals("NOT_SIGNED_OFF", slide.getString("kind"));
                sawNotSignedOff = true;
            }
        }
        assertTrue(sawNotSignedOff, "the category says it cannot be revealed");
        String presenter =
                http.get("/ceremony/presenter.xhtml?edition=" + Demo.EDITION).body();
        String remote =
                http.get("/ceremony/remote.xhtml?edition=" + Demo.EDITION).body();
        String page = http.get("/organiser/ceremony.xhtml").body();
        for (String html : List.of(presenter, remote, page)) {
            assertFalse(html.contains(escape(title)) || html.contains(title), "unsigned winner in a page");
        }
        assertTrue(presenter.contains("slide--NOT_SIGNED_OFF"));
        assertFalse(ceremonies.isRevealed(mix));
    }

    @Test
    void a_signed_off_category_shows_its_winner_and_is_recorded_as_revealed_once_on_screen() {
        long soc = category("SOC").getId();
        phase(Phase.DELIBERATION);
        Nomination winner = Access.asSystem(() -> {
            tally.freeze(soc);
            Set<Long> top = tally.top(soc);
            tally.decide(soc, top, Set.of(), null);
            tally.signOff(soc);
            return em.find(Nomination.class, top.iterator().next());
        });
        phase(Phase.CEREMONY);
        assertFalse(ceremonies.isRevealed(soc));
        Http http = organiser();
        int slides = json(act(http, "restart")).getInt("slides");
        List<String> kinds = new ArrayList<>();
        JsonObject shown = null;
        for (int i = 1; i < slides && shown == null; i++) {
            JsonObject s = json(act(http, "next"));
            JsonObject slide = s.getJsonObject("slide");
            if ("SOC".equals(slide.getString("category", ""))) {
                kinds.add(slide.getString("kind"));
                if (slide.getString("kind").equals("WINNER")) shown = s;
                else assertFalse(ceremonies.isRevealed(soc), "not revealed before its winner slide");
            }
        }
        assertEquals(List.of("CATEGORY", "NOMINEES", "SUSPENSE", "WINNER"), kinds);
        assertEquals(
                winner.getTitle(),
                shown.getJsonObject("slide")
                        .getJsonArray("winners")
                        .getJsonObject(0)
                        .getString("title"));
        assertTrue(shown.getJsonObject("script").getString("asWritten").contains(winner.getTitle()));
        assertTrue(ceremonies.isRevealed(soc), "revealed once its winner was on the screen");
        HttpResponse<String> pdf = http.get("/organiser/ceremony/script.pdf?edition=" + Demo.EDITION);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    @RunAsClient
    void the_announcer_script_and_the_screens_are_refused_to_jurors_and_territories() {
        for (String who : List.of(Demo.JUROR, Demo.TERRITORY)) {
            Http http = new Http(url);
            http.login(who, Demo.PASSWORD);
            for (String path : List.of(
                    "/organiser/ceremony/script.pdf?edition=" + Demo.EDITION,
                    "/ceremony/presenter.xhtml?edition=" + Demo.EDITION,
                    "/ceremony/remote.xhtml?edition=" + Demo.EDITION,
                    "/organiser/ceremony.xhtml")) {
                HttpResponse<String> r = http.get(path);
                assertEquals(403, r.statusCode(), who + " " + path);
                assertFalse(r.body().contains("%PDF"), who + " " + path);
            }
        }
    }

    @Test
    @RunAsClient
    void the_websocket_refuses_a_juror_and_pushes_every_move_to_an_organiser() throws Exception {
        Http juror = new Http(url);
        juror.login(Demo.JUROR, Demo.PASSWORD);
        assertTrue(refused(juror), "a juror's socket is refused");
        assertTrue(refused(new Http(url)), "an anonymous socket is refused");

        Http organiser = organiser();
        assertTrue(refused(organiser, "https://evil.example"), "another site's page cannot listen as the organiser");
        var messages = new LinkedBlockingQueue<String>();
        WebSocket socket = open(organiser, messages, null).get(20, TimeUnit.SECONDS);
        try {
            int before = json(act(organiser, "restart")).getInt("index");
            messages.poll(5, TimeUnit.SECONDS); // the restart's own push
            messages.clear();
            JsonObject moved = json(act(organiser, "next"));
            String pushed = messages.poll(5, TimeUnit.SECONDS);
            assertTrue(pushed != null, "a move is pushed at once");
            JsonObject push = Json.createReader(new StringReader(pushed)).readObject();
            assertEquals(moved.getInt("index"), push.getInt("index"));
            assertEquals(before + 1, push.getInt("index"));
            assertFalse(pushed.contains("winner"), "the push carries the position only");
        } finally {
            socket.abort();
        }
    }

    private boolean refused(Http http) throws Exception {
        return refused(http, null);
    }

    private boolean refused(Http http, String origin) throws Exception {
        var messages = new LinkedBlockingQueue<String>();
        try {
            WebSocket socket = open(http, messages, origin).get(20, TimeUnit.SECONDS);
            // Opened: it must be closed by the server at once, with nothing said.
            String first = messages.poll(5, TimeUnit.SECONDS);
            boolean closed = "closed:1008".equals(first) || socket.isInputClosed();
            socket.abort();
            return closed;
        } catch (java.util.concurrent.ExecutionException handshakeRefused) {
            return true;
        }
    }

    private CompletableFuture<WebSocket> open(Http http, LinkedBlockingQueue<String> messages, String origin) {
        String ws = http.base().replaceFirst("^http", "ws") + "/ceremony/socket/" + Demo.EDITION;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        String cookie = http.cookieHeader();
        if (!cookie.isEmpty()) builder.header("Cookie", cookie);
        if (origin != null) builder.header("Origin", origin);
        return builder.connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(ws), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    messages.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                messages.add("closed:" + statusCode);
                return null;
            }
        });
    }

    private Category category(String code) {
        return em.createQuery(
                        "select c from Category c where c.code = :c and c.edition.code = '" + Demo.EDITION + "'",
                        Category.class)
                .setParameter("c", code)
                .getSingleResult();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
