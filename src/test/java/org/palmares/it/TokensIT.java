package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API tokens end to end: created by an organiser, used by a script with {@code Authorization: Bearer} (no session),
 * limited by their scope, stopped by revocation or expiry, never able to manage tokens; and the audit log viewer's
 * export, which shows what the tokens did.
 */
@ExtendWith(ArquillianExtension.class)
class TokensIT {
    private static final String TOKENS = "/api/v1/organiser/tokens";
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"(plm_[A-Za-z0-9_-]{43})\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares().addClasses(Deployments.class, Demo.class, Http.class, TokensIT.class);
    }

    @ArquillianResource
    URL url;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    HttpServletRequest request;

    /** A token made over REST by the demo organiser (Basic): its id and its secret. */
    record Made(long id, String secret) {}

    private static Made create(Http http, String name, String scope) {
        String body = "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\",\"days\":30}";
        HttpResponse<String> created = http.request(
                "POST",
                TOKENS,
                body.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                "Content-Type",
                "application/json",
                "Accept",
                "application/json");
        assertEquals(201, created.statusCode(), created.body());
        Matcher secret = SECRET.matcher(created.body());
        Matcher id = ID.matcher(created.body());
        assertTrue(secret.find() && id.find(), created.body());
        return new Made(Long.parseLong(id.group(1)), secret.group(1));
    }

    private static HttpResponse<String> bearer(Http http, String method, String path, String secret, String json) {
        return http.request(
                method,
                path,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Bearer " + secret,
                "Content-Type",
                "application/json",
                "Accept",
                "application/json");
    }

    @Test
    @RunAsClient
    void a_script_reads_with_a_token_as_its_owner_and_gets_no_session() {
        Made token = create(new Http(url), "IT read " + UUID.randomUUID(), "read");
        HttpResponse<String> me = bearer(new Http(url), "GET", "/api/v1/me", token.secret(), null);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains(Demo.ORGANISER), "acts as its owner: " + me.body());
        assertTrue(
                me.headers().allValues("Set-Cookie").isEmpty(),
                "no session: " + me.headers().map());
        HttpResponse<String> editions =
                bearer(new Http(url), "GET", "/api/v1/organiser/editions", token.secret(), null);
        assertEquals(200, editions.statusCode(), "an organiser path: " + editions.body());
        String list = new Http(url).getAs(TOKENS, Demo.ORGANISER, Demo.PASSWORD).body();
        assertFalse(list.contains(token.secret()), "the secret is never listed");
        assertTrue(list.contains(token.secret().substring(0, 12)), "its label is");
        assertTrue(
                list.matches("(?s).*\"id\":" + token.id() + ",.*?\"lastUsedAt\":\"[^\"]+\".*"),
                "last use recorded: " + list);
    }

    @Test
    @RunAsClient
    void a_read_token_cannot_write_but_a_write_token_reaches_the_service() {
        Made read = create(new Http(url), "IT read-only " + UUID.randomUUID(), "read");
        HttpResponse<String> refused =
                bearer(new Http(url), "POST", "/api/v1/organiser/editions/999999/advance", read.secret(), "{}");
        assertTrue(Http.problem(refused, 403), refused.statusCode() + " " + refused.body());
        assertTrue(
                refused.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""),
                refused.headers().map().toString());
        Made write = create(new Http(url), "IT write " + UUID.randomUUID(), "write");
        HttpResponse<String> reached =
                bearer(new Http(url), "POST", "/api/v1/organiser/editions/999999/advance", write.secret(), "{}");
        assertTrue(Http.problem(reached, 404), "past authentication, the edition is unknown: " + reached.statusCode());
    }

    @Test
    @RunAsClient
    void a_bad_or_revoked_token_gets_401_with_a_bearer_challenge() {
        Made token = create(new Http(url), "IT revoked " + UUID.randomUUID(), "read");
        assertEquals(
                200,
                bearer(new Http(url), "GET", "/api/v1/me", token.secret(), null).statusCode());
        HttpResponse<String> revoked = new Http(url)
                .request(
                        "DELETE",
                        TOKENS + "/" + token.id(),
                        null,
                        "Authorization",
                        Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                        "Accept",
                        "application/json");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(revoked.body().contains("\"revokedAt\""), revoked.body());
        HttpResponse<String> after = bearer(new Http(url), "GET", "/api/v1/me", token.secret(), null);
        assertTrue(Http.problem(after, 401), "revoked at once: " + after.statusCode() + " " + after.body());
        assertTrue(after.headers()
                .firstValue("WWW-Authenticate")
                .orElse("")
                .contains("Bearer realm=\"Palmares\", error=\"invalid_token\""));
        HttpResponse<String> madeUp = bearer(new Http(url), "GET", "/api/v1/me", "plm_" + "x".repeat(43), null);
        assertTrue(Http.problem(madeUp, 401), "an unknown token");
        assertTrue(Http.problem(bearer(new Http(url), "GET", "/api/v1/me", "not-a-token", null), 401), "garbage");
    }

    /** In the container: the token's expiry is moved into the past in the database, then the script tries it. */
    @Test
    void an_expired_token_gets_401() throws Exception {
        Http http = new Http(new URL("http://localhost:" + request.getLocalPort() + request.getContextPath() + "/"));
        Made token = create(http, "IT expired " + UUID.randomUUID(), "write");
        assertEquals(
                200, bearer(http, "GET", "/api/v1/me", token.secret(), null).statusCode());
        tx.begin();
        em.createQuery("update ApiToken t set t.expiresAt = :past where t.id = :id")
                .setParameter("past", Instant.now().minusSeconds(1))
                .setParameter("id", token.id())
                .executeUpdate();
        tx.commit();
        assertTrue(Http.problem(bearer(http, "GET", "/api/v1/me", token.secret(), null), 401), "expired");
    }

    @Test
    @RunAsClient
    void a_token_cannot_list_create_or_revoke_tokens() {
        Made write = create(new Http(url), "IT no-mint " + UUID.randomUUID(), "write");
        assertTrue(Http.problem(bearer(new Http(url), "GET", TOKENS, write.secret(), null), 403), "list");
        HttpResponse<String> mint =
                bearer(new Http(url), "POST", TOKENS, write.secret(), "{\"name\":\"child\",\"scope\":\"write\"}");
        assertTrue(Http.problem(mint, 403), "create: " + mint.statusCode() + " " + mint.body());
        assertTrue(Http.problem(bearer(new Http(url), "DELETE", TOKENS + "/" + write.id(), write.secret(), null), 403));
    }

    @Test
    @RunAsClient
    void jurors_and_territories_cannot_list_or_create_tokens_nor_read_the_audit_log() {
        for (String other : new String[] {Demo.JUROR, Demo.TERRITORY}) {
            assertTrue(Http.problem(new Http(url).getAs(TOKENS, other, Demo.PASSWORD), 403), other);
            HttpResponse<String> create = new Http(url)
                    .request(
                            "POST",
                            TOKENS,
                            "{\"name\":\"mine\"}".getBytes(StandardCharsets.UTF_8),
                            "Authorization",
                            Http.basic(other, Demo.PASSWORD),
                            "Content-Type",
                            "application/json",
                            "Accept",
                            "application/json");
            assertTrue(Http.problem(create, 403), other + " create: " + create.statusCode());
            Http page = new Http(url);
            page.login(other, Demo.PASSWORD);
            assertEquals(403, page.get("/organiser/tokens.xhtml").statusCode(), other);
            assertEquals(403, page.get("/organiser/audit.xhtml").statusCode(), other);
            assertEquals(403, page.get("/organiser/export/audit").statusCode(), other);
        }
    }

    @Test
    @RunAsClient
    void bad_input_is_refused_with_problem_json() {
        HttpResponse<String> noName = new Http(url)
                .request(
                        "POST",
                        TOKENS,
                        "{\"name\":\"  \",\"scope\":\"read\"}".getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                        "Content-Type",
                        "application/json");
        assertTrue(Http.problem(noName, 400), noName.body());
        HttpResponse<String> tooLong = new Http(url)
                .request(
                        "POST",
                        TOKENS,
                        "{\"name\":\"x\",\"days\":400}".getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                        "Content-Type",
                        "application/json");
        assertTrue(Http.problem(tooLong, 400), tooLong.body());
        HttpResponse<String> scope = new Http(url)
                .request(
                        "POST",
                        TOKENS,
                        "{\"name\":\"x\",\"scope\":\"admin\"}".getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.basic(Demo.ORGANISER, Demo.PASSWORD),
                        "Content-Type",
                        "application/json");
        assertTrue(Http.problem(scope, 400), scope.body());
    }

    @Test
    @RunAsClient
    void the_page_shows_a_new_tokens_secret_once_and_lists_it_without() {
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        String name = "IT page " + UUID.randomUUID();
        String page = organiser.get("/organiser/tokens.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:name", name);
        form.put("create:scope_input", "WRITE");
        form.put("create:days_input", "30");
        form.put("create:submit", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page));
        HttpResponse<String> answer = organiser.post("/organiser/tokens.xhtml", form);
        assertEquals(200, answer.statusCode());
        Matcher secret = Pattern.compile("value=\"(plm_[A-Za-z0-9_-]{43})\"").matcher(answer.body());
        assertTrue(secret.find(), "the secret is shown");
        assertTrue(answer.body().contains(name), "the token is listed");
        assertEquals(
                200,
                bearer(new Http(url), "GET", "/api/v1/me", secret.group(1), null)
                        .statusCode(),
                "the secret shown works");
        String again = organiser.get("/organiser/tokens.xhtml").body();
        assertTrue(again.contains(name));
        assertFalse(again.contains(secret.group(1)), "never shown again");
    }

    @Test
    @RunAsClient
    void the_audit_export_holds_the_tokens_events_and_the_filters_narrow_it() {
        Made token = create(new Http(url), "IT audited " + UUID.randomUUID(), "write");
        bearer(new Http(url), "POST", "/api/v1/organiser/editions/999999/advance", token.secret(), "{}");
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        HttpResponse<String> all = organiser.get("/organiser/export/audit?type=ApiToken&object=" + token.id());
        assertEquals(200, all.statusCode());
        assertTrue(all.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String csv = all.body();
        assertTrue(csv.startsWith("\uFEFFDate et heure;Qui;Action;"), csv.substring(0, Math.min(80, csv.length())));
        assertTrue(csv.contains(";token.create;ApiToken;" + token.id() + ";"), csv);
        assertTrue(csv.contains(";token.write;ApiToken;" + token.id() + ";"), "each write call is audited: " + csv);
        assertTrue(csv.contains("POST /api/v1/organiser/editions/999999/advance"), csv);
        String narrowed = organiser
                .get("/organiser/export/audit?type=ApiToken&action=token.write&object=" + token.id())
                .body();
        assertTrue(narrowed.contains(";token.write;"), narrowed);
        assertFalse(narrowed.contains(";token.create;"), "the action filter narrows: " + narrowed);
        assertEquals(1, narrowed.lines().count() - 1, narrowed);
        String nobody = organiser
                .get("/organiser/export/audit?actor=nobody-at-all&object=" + token.id())
                .body();
        assertEquals(1, nobody.lines().count(), "the header only: " + nobody);
        assertEquals(
                400, organiser.get("/organiser/export/audit?from=yesterday").statusCode(), "a bad time is refused");
        String viewer = organiser.get("/organiser/audit.xhtml").body();
        assertTrue(viewer.contains("<code>token.write</code>"), "the viewer lists the newest events");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("filters", "filters");
        form.put("filters:actor", "organisateur");
        form.put("filters:action_input", "token.create");
        form.put("filters:objectType_input", "ApiToken");
        form.put("filters:objectId", String.valueOf(token.id()));
        form.put("filters:from_input", "");
        form.put("filters:to_input", "");
        form.put("filters:apply", "");
        form.put("jakarta.faces.ViewState", Http.viewState(viewer));
        String filtered = organiser.post("/organiser/audit.xhtml", form).body();
        assertTrue(filtered.contains("<code>token.create</code>"), "the event created by this test is shown");
        assertFalse(filtered.contains("<code>token.write</code>"), "the viewer's filters narrow too");
        assertTrue(filtered.contains("1–1 / 1"), "one event, counted in the database");
    }
}
