package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may reach what, from outside, over HTTP: login, throttling, and a table of every page and REST path
 * of the application against every role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.palmares();
    }

    @ArquillianResource
    URL url;

    /** Every test starts with the demo edition taking nominations, whatever phase the one before left it in. */
    @BeforeEach
    void nominationsOpen() {
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
    }

    @Test
    void the_access_matrix_lists_every_page_and_rest_path() throws IOException {
        List<AccessMatrix.Row> rows = AccessMatrix.rows();
        Path webapp = Path.of("src/main/webapp");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(webapp)) {
            files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/"))
                    .forEach(missing::add);
        }
        rows.forEach(r -> missing.remove(r.path().replaceFirst("\\?.*", "")));
        for (String operation : restOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            Pattern template = Pattern.compile(Pattern.quote(operation.substring(operation.indexOf(' ') + 1))
                    .replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q"));
            boolean listed = rows.stream()
                    .anyMatch(r -> r.method().equals(method)
                            && template.matcher(r.path().replaceFirst("\\?.*", ""))
                                    .matches());
            if (!listed) missing.add(operation);
        }
        assertTrue(missing.isEmpty(), "pages and REST paths missing from " + AccessMatrix.FILE + ": " + missing);
    }

    /** Every JAX-RS method of the application, e.g. {@code GET /api/v1/nominations/{id}}. */
    private static Set<String> restOperations() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : org.palmares.platform.ApiResources.ALL) {
            jakarta.ws.rs.Path base = resource.getAnnotation(jakarta.ws.rs.Path.class);
            for (java.lang.reflect.Method m : resource.getMethods()) {
                String verb = null;
                for (var a : m.getAnnotations()) {
                    jakarta.ws.rs.HttpMethod h = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
                    if (h != null) verb = h.value();
                }
                if (verb == null) continue;
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                String path = ("/api/v1/" + (base == null ? "" : base.value()) + "/" + (sub == null ? "" : sub.value()))
                        .replaceAll("/+", "/")
                        .replaceAll("(.)/$", "$1");
                operations.add(verb + " " + path);
            }
        }
        return operations;
    }

    @Test
    void the_access_matrix_holds_for_every_page_rest_path_and_person() {
        Map<String, String> values = matrixObjects();
        Map<AccessMatrix.Subject, Http> browsers = new java.util.EnumMap<>(AccessMatrix.Subject.class);
        for (AccessMatrix.Subject subject : AccessMatrix.Subject.values()) {
            Http http = new Http(url);
            if (subject.email != null) {
                assertEquals(302, http.login(subject.email, Demo.PASSWORD).statusCode(), "login of " + subject);
            }
            browsers.put(subject, http);
        }
        List<String> wrong = new ArrayList<>();
        List<AccessMatrix.Row> rows = AccessMatrix.rows();
        for (AccessMatrix.Row row : rows) {
            if (row.phase()) {
                PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.valueOf(row.path()));
                continue;
            }
            String path = AccessMatrix.resolve(row.path(), values);
            String body = AccessMatrix.resolve(row.body(), values);
            for (AccessMatrix.Subject subject : AccessMatrix.Subject.values()) {
                HttpResponse<String> answer = call(browsers.get(subject), subject, row, path, body);
                String got = AccessMatrix.outcome(answer);
                String expected = onPostgresql(row, row.expected().get(subject));
                String flaw = AccessMatrix.flaw(row, answer);
                if (!got.equals(expected) || flaw != null) {
                    wrong.add("line " + row.line() + " " + row + " as " + subject.column + ": expected " + expected
                            + ", got " + got + (flaw == null ? "" : " (" + flaw + ")"));
                }
            }
        }
        assertTrue(
                wrong.isEmpty(),
                wrong.size() + " of "
                        + rows.stream().filter(r -> !r.phase()).count() * AccessMatrix.Subject.values().length
                        + " cells of " + AccessMatrix.FILE + " do not hold:\n" + String.join("\n", wrong));
    }

    /** The built-in backup is Derby's: on PostgreSQL (pg_dump) an organiser is told so, 409, where Derby gives 201. */
    private static String onPostgresql(AccessMatrix.Row row, String expected) {
        boolean backup = row.method().equals("POST") && row.path().equals("/api/v1/organiser/backups");
        return backup && "201".equals(expected) && !Deployments.POSTGRESQL.isBlank() ? "409" : expected;
    }

    private static final java.util.concurrent.atomic.AtomicLong PDFS = new java.util.concurrent.atomic.AtomicLong();

    /** A small PDF, different at each call: a nomination refuses the same file twice. */
    private static byte[] smallPdf() {
        return ("%PDF-1.4\n%matrix " + PDFS.incrementAndGet() + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private HttpResponse<String> call(
            Http http, AccessMatrix.Subject subject, AccessMatrix.Row row, String path, String body) {
        if (!row.api()) return http.request(row.method(), path, null);
        // On the person's logged-in session, as the pages' scripts call the API: HTTP Basic would check the password
        // (PBKDF2, 210,000 iterations, on purpose) on each of several hundred calls. SecurityIT's other tests and
        // TokensIT cover Basic and Bearer.
        List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
        if (row.method().equals("PUT")) headers.addAll(List.of("If-Match", "\"999999\""));
        byte[] bytes = null;
        if (body.equals("pdf")) {
            headers.addAll(List.of("Content-Type", "application/pdf", "X-Filename", "matrice.pdf"));
            bytes = smallPdf();
        } else if (body.startsWith("text:")) {
            headers.addAll(List.of("Content-Type", "text/plain"));
            bytes = body.substring("text:".length()).trim().getBytes(StandardCharsets.UTF_8);
        } else if (!body.isEmpty()) {
            headers.addAll(List.of("Content-Type", "application/json"));
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        return http.request(row.method(), path, bytes, headers.toArray(String[]::new));
    }

    /**
     * The objects the matrix names, made through the application itself: assignments and sheets, a recusal, drafts and
     * a file. Each step must succeed, or the matrix would test nothing.
     */
    private Map<String, String> matrixObjects() {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("code", Demo.EDITION);
        String terrA = AccessMatrix.Subject.TERRITORY_A.email;
        String terrB = AccessMatrix.Subject.TERRITORY_B.email;
        String assigned = AccessMatrix.Subject.JUROR_ASSIGNED.email;
        String conflicted = AccessMatrix.Subject.JUROR_CONFLICTED.email;
        for (var juror : List.of(assigned, AccessMatrix.Subject.JUROR_NOT_ASSIGNED.email, conflicted)) {
            acceptCharter(juror);
        }
        values.put(
                "edition",
                String.valueOf(ofJson(Demo.ORGANISER, "GET", "/api/v1/organiser/editions", null, 200)
                        .asJsonArray()
                        .getJsonObject(0)
                        .getInt("id")));
        for (var c : ofJson(
                        Demo.ORGANISER, "GET", "/api/v1/editions/" + Demo.EDITION + "/scoring/categories", null, 200)
                .asJsonArray()) {
            values.put(
                    "category" + c.asJsonObject().getString("code"),
                    String.valueOf(c.asJsonObject().getInt("id")));
        }
        Map<String, Long> jurors = new java.util.HashMap<>();
        for (var j : ofJson(Demo.ORGANISER, "GET", "/api/v1/editions/" + Demo.EDITION + "/jurors", null, 200)
                .asJsonArray()) {
            jurors.put(
                    j.asJsonObject().getString("email"),
                    j.asJsonObject().getJsonNumber("id").longValue());
        }
        values.put("jurorAssigned", String.valueOf(jurors.get(assigned)));
        long nominationA = nominationOf(terrA, "SOC");
        long spare = nominationOf(terrA, "MIX");
        values.put("nominationA", String.valueOf(nominationA));
        values.put("nominationB", String.valueOf(nominationOf(terrB, "COM")));
        // Drafts and files while the edition takes nominations; assignments, sheets and a recusal while it scores.
        long draftA = draft(terrA, "COM");
        values.put("draftA", String.valueOf(draftA));
        values.put("draftB", String.valueOf(draft(terrB, "CDC")));
        values.put("attachmentA", String.valueOf(upload(terrA, draftA)));
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.SCORING);
        values.put(
                "assignmentN",
                String.valueOf(assign(jurors.get(AccessMatrix.Subject.JUROR_WITHOUT_CHARTER.email), nominationA)));
        long assignmentA = assign(jurors.get(assigned), nominationA);
        long assignmentC = assign(jurors.get(conflicted), nominationA);
        values.put("assignmentA", String.valueOf(assignmentA));
        values.put("assignmentC", String.valueOf(assignmentC));
        values.put("assignmentSpare", String.valueOf(assign(jurors.get(assigned), spare)));
        values.put("sheetA", String.valueOf(openSheet(assigned, assignmentA)));
        values.put("sheetC", String.valueOf(openSheet(conflicted, assignmentC)));
        ofJson(
                conflicted,
                "POST",
                "/api/v1/me/assignments/" + assignmentC + "/recuse",
                "{\"reason\":\"Ancien employeur du porteur\"}",
                204);
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
        return values;
    }

    private long upload(String territory, long draft) {
        HttpResponse<String> file = new Http(url)
                .request(
                        "POST",
                        "/api/v1/nominations/" + draft + "/attachments",
                        smallPdf(),
                        "Authorization",
                        Http.basic(territory, Demo.PASSWORD),
                        "Accept",
                        "application/json",
                        "Content-Type",
                        "application/pdf",
                        "X-Filename",
                        "bilan.pdf");
        assertEquals(201, file.statusCode(), file.body());
        return parse(file.body()).getJsonNumber("id").longValue();
    }

    private void acceptCharter(String juror) {
        Http http = new Http(url);
        assertEquals(302, http.login(juror, Demo.PASSWORD).statusCode(), "login of " + juror);
        http.acceptCharter();
    }

    private long nominationOf(String territory, String category) {
        return ofJson(territory, "GET", "/api/v1/territory/nominations", null, 200).asJsonArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(n -> n.getString("category").equals(category))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " nomination of " + territory))
                .getJsonNumber("id")
                .longValue();
    }

    private long assign(long juror, long nomination) {
        return ofJson(
                        Demo.ORGANISER,
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/assignments",
                        "{\"juror\":" + juror + ",\"nomination\":" + nomination + "}",
                        201)
                .asJsonObject()
                .getJsonNumber("id")
                .longValue();
    }

    private long openSheet(String juror, long assignment) {
        return ofJson(juror, "POST", "/api/v1/me/assignments/" + assignment + "/scoresheet", null, 200)
                .asJsonObject()
                .getJsonNumber("id")
                .longValue();
    }

    private long draft(String territory, String category) {
        return ofJson(
                        territory,
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/nominations",
                        "{\"category\":\"" + category + "\",\"title\":\"Dossier de la matrice " + category + "\"}",
                        201)
                .asJsonObject()
                .getJsonNumber("id")
                .longValue();
    }

    private jakarta.json.JsonValue ofJson(String who, String method, String path, String body, int status) {
        HttpResponse<String> answer = new Http(url)
                .request(
                        method,
                        path,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.basic(who, Demo.PASSWORD),
                        "Accept",
                        "application/json",
                        "Content-Type",
                        "application/json");
        assertEquals(status, answer.statusCode(), method + " " + path + " as " + who + ": " + answer.body());
        if (answer.body().isBlank()) return jakarta.json.JsonValue.NULL;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(answer.body()))) {
            return reader.readValue();
        }
    }

    // --- fuzzing: malformed JSON and query strings on every endpoint ---

    /** Every JAX-RS method that reads a JSON body (JSON-P, or a record by JSON-B), as {@link #restOperations} names it. */
    private static Set<String> jsonBodyOperations() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : org.palmares.platform.ApiResources.ALL) {
            jakarta.ws.rs.Path base = resource.getAnnotation(jakarta.ws.rs.Path.class);
            for (java.lang.reflect.Method m : resource.getMethods()) {
                String verb = null;
                for (var a : m.getAnnotations()) {
                    jakarta.ws.rs.HttpMethod h = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
                    if (h != null) verb = h.value();
                }
                boolean json = java.util.Arrays.stream(m.getParameters())
                        .anyMatch(p -> p.getAnnotations().length == 0
                                && (jakarta.json.JsonValue.class.isAssignableFrom(p.getType())
                                        || p.getType().isRecord()));
                if (verb == null || !json) continue;
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                operations.add(verb + " "
                        + ("/api/v1/" + (base == null ? "" : base.value()) + "/" + (sub == null ? "" : sub.value()))
                                .replaceAll("/+", "/")
                                .replaceAll("(.)/$", "$1"));
            }
        }
        return operations;
    }

    /**
     * The bad inputs of issue 17, each sent to every operation as an organiser (the role that reaches the most code):
     * no 5xx, no stack trace, every 4xx a problem JSON; and where the shape is the operation's own input (a body it
     * reads, the paging of a list, the name of an upload) exactly a 400. Path ids name nothing and editions are
     * unknown for operations without a body, so that nothing is changed; operations with a body refuse it first.
     */
    @Test
    void the_bad_inputs_of_issue_17_answer_a_problem_on_every_operation_never_a_5xx() {
        Http organiser = new Http(url);
        assertEquals(302, organiser.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
        Set<String> withBody = jsonBodyOperations();
        assertTrue(withBody.contains("POST /api/v1/editions/{edition}/nominations"), "found: " + withBody);
        assertTrue(withBody.contains("POST /api/v1/editions/{edition}/votes"), "found: " + withBody);
        byte[] notUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put(
                "1,500 nested arrays",
                ("{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}").getBytes(StandardCharsets.UTF_8));
        bodies.put(
                "20,000 nested objects",
                ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        bodies.put("65 nested arrays", ("[".repeat(65) + "]".repeat(65)).getBytes(StandardCharsets.UTF_8));
        bodies.put("invalid UTF-8", notUtf8);
        bodies.put("empty", new byte[0]);
        bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("an array", "[{}]".getBytes(StandardCharsets.UTF_8));
        bodies.put("a key twice", "{\"title\":\"a\",\"title\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        // Cut short inside a property the operation does not know: Yasson skipped it with Parsson's skipObject, which
        // never came back (a thread at full CPU for good, the caller's connection lost). Found by the fuzzer.
        bodies.put(
                "cut short inside an unknown property",
                "{\"scores\":{\"1\":{\"value\":3,\"comment\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("1.1 MiB", ("{\"title\":\"" + "x".repeat(1_150_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String operation : restOperations()) {
            if (operation.equals("POST /api/v1/organiser/backups")) continue;
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            boolean json = withBody.contains(operation);
            String path = template.replace("{edition}", json ? Demo.EDITION : "NOPE2019")
                    .replace("{code}", json ? Demo.EDITION : "NOPE2019")
                    .replaceAll("\\{[^}]+\\}", "987654");
            List<Probe> probes = new ArrayList<>();
            if (json) {
                bodies.forEach((what, body) ->
                        probes.add(new Probe(what, path, body, 400, "Content-Type", "application/json")));
                // Every field of the API at once, each of a wrong type: a text where a number goes, a number or a
                // structure where a text goes. The operation reads its fields in turn and must refuse the first; no
                // probe is a valid request (a reason or a name given as a text would really act).
                String[] numberFields = {"territoryId", "nomination", "juror", "days"};
                String[] textFields = {
                    "category",
                    "email",
                    "title",
                    "summary",
                    "kind",
                    "required",
                    "answers",
                    "scores",
                    "overallComment",
                    "action",
                    "reason",
                    "name",
                    "scope",
                    "ballot",
                    "code",
                    "token"
                };
                String[] numbers = {"\"abc\"", "1e999999999", "9223372036854775808", "1.5", "-1", "[1]", "{}"};
                String[] texts = {"5", "1e999999999", "true", "[\"x\"]", "{}", "-1", "null"};
                for (int v = 0; v < numbers.length; v++) {
                    StringBuilder body = new StringBuilder("{");
                    for (String f : numberFields)
                        body.append('"')
                                .append(f)
                                .append("\":")
                                .append(numbers[v])
                                .append(',');
                    for (String f : textFields)
                        body.append('"')
                                .append(f)
                                .append("\":")
                                .append(texts[v])
                                .append(',');
                    body.setCharAt(body.length() - 1, '}');
                    probes.add(new Probe(
                            "numbers " + numbers[v] + ", texts " + texts[v],
                            path,
                            body.toString().getBytes(StandardCharsets.UTF_8),
                            0,
                            "Content-Type",
                            "application/json"));
                }
            }
            for (String query : new String[] {
                "page=2147483647&size=2147483647&max=2147483647",
                "page=-1&size=0&max=-1",
                "page=abc&size=1e3&max=abc",
                "page=99999999999&max=99999999999",
                "inline=%25zz&brief=%25zz&values=2&mode=%25zz%25&method=nope&lang=%C3%28&status=%00x&code=%25"
            }) {
                probes.add(new Probe("?" + query, path + "?" + query, null, 0));
            }
            probes.add(new Probe(
                    "Accept-Language zz;q=abc",
                    path,
                    json ? "{}".getBytes(StandardCharsets.UTF_8) : null,
                    0,
                    "Accept-Language",
                    "zz;q=abc",
                    "Content-Type",
                    "application/json"));
            probes.add(new Probe(
                    "X-Filename %zz%",
                    path,
                    "%PDF-1.4".getBytes(StandardCharsets.UTF_8),
                    0,
                    "X-Filename",
                    "%zz%",
                    "Content-Type",
                    "application/pdf"));
            for (Probe probe : probes) {
                List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
                headers.addAll(List.of(probe.headers()));
                HttpResponse<String> answer;
                try {
                    answer = organiser.request(method, probe.path(), probe.body(), headers.toArray(String[]::new));
                } catch (java.io.UncheckedIOException noAnswer) {
                    wrong.add("no answer (" + noAnswer.getCause().getMessage() + ") for " + operation + " with "
                            + probe.what());
                    continue;
                } finally {
                    sent++;
                }
                String text = answer.body() == null ? "" : answer.body();
                String type = answer.headers().firstValue("Content-Type").orElse("");
                String request = operation + " with " + probe.what();
                if (answer.statusCode() >= 500) wrong.add(answer.statusCode() + " for " + request + ": " + text);
                else if (STACK_TRACE.matcher(text).find()) wrong.add("a stack trace for " + request);
                else if (answer.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                    wrong.add(answer.statusCode() + " " + type + " (no problem JSON) for " + request);
                } else if (probe.status() != 0
                        && answer.statusCode() != probe.status()
                        && !(probe.what().equals("1.1 MiB") && answer.statusCode() == 413)) {
                    wrong.add(answer.statusCode() + " instead of " + probe.status() + " for " + request + ": " + text);
                }
            }
        }
        // The answers themselves, one of each kind: the status, the code a program tests, and the detail in the
        // language the caller asked for. docs/reliability.md lists them.
        byte[] pdf = "%PDF-1.4".getBytes(StandardCharsets.UTF_8);
        List<Exact> exact = List.of(
                new Exact(
                        "GET",
                        "/api/v1/editions/" + Demo.EDITION + "/nominations?page=2147483647",
                        (byte[]) null,
                        "en",
                        400,
                        "error.param.range",
                        "goes from 0 to"),
                new Exact(
                        "GET",
                        "/api/v1/editions/" + Demo.EDITION + "/nominations?size=abc",
                        (byte[]) null,
                        "fr",
                        400,
                        "error.param",
                        "« size »"),
                new Exact(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/nominations",
                        "{\"category\":\"COM\",\"title\":\"x\",\"territoryId\":\"abc\"}",
                        "en",
                        400,
                        "error.json.id",
                        "“territoryId” must be an identifier",
                        "Content-Type",
                        "application/json"),
                new Exact(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/nominations",
                        "{\"category\":\"COM\",\"title\":\"x\",\"territoryId\":1e999999999}",
                        "fr",
                        400,
                        "error.json.id",
                        "« territoryId »",
                        "Content-Type",
                        "application/json"),
                new Exact(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/votes",
                        "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
                        "en",
                        400,
                        "error.json.depth",
                        "more than 64 levels",
                        "Content-Type",
                        "application/json"),
                new Exact(
                        "POST",
                        "/api/v1/editions/" + Demo.EDITION + "/votes",
                        "{\"category\":\"CDC\",\"category\":\"SOC\"}",
                        "fr",
                        400,
                        "error.json.duplicate",
                        "« category »",
                        "Content-Type",
                        "application/json"),
                new Exact(
                        "POST",
                        "/api/v1/nominations/1/attachments",
                        pdf,
                        "fr",
                        400,
                        "attachment.nameEncoding",
                        "X-Filename",
                        "Content-Type",
                        "application/pdf",
                        "X-Filename",
                        "%zz%"),
                new Exact(
                        "GET",
                        "/api/v1/editions/" + Demo.EDITION + "/palmares",
                        (byte[]) null,
                        "en",
                        400,
                        "error.header",
                        "“If-None-Match”",
                        "If-None-Match",
                        "\"\\"),
                new Exact(
                        "GET",
                        "/api/v1/editions/" + Demo.EDITION + "/palmares",
                        (byte[]) null,
                        "en",
                        412,
                        "error.problem.412",
                        "If-Match",
                        "If-Match",
                        "\"abc\""),
                new Exact(
                        "PUT",
                        "/api/v1/organiser/jury-guides/general/fr",
                        "# Guide",
                        "fr",
                        415,
                        "error.charset",
                        "« x-unknown »",
                        "Content-Type",
                        "text/plain; charset=x-unknown"),
                new Exact(
                        "PUT",
                        "/api/v1/organiser/jury-guides/general/fr",
                        new byte[] {'#', ' ', (byte) 0xC3, 0x28},
                        "en",
                        400,
                        "error.json.encoding",
                        "not valid UTF-8",
                        "Content-Type",
                        "text/markdown"),
                new Exact(
                        "POST",
                        "/api/v1/organiser/editions/import",
                        "{}",
                        "en",
                        415,
                        "error.contentType",
                        "does not read a body of this type",
                        "Content-Type",
                        "application/json"));
        for (Exact e : exact) {
            List<String> headers = new ArrayList<>(List.of("Accept", "application/json", "Accept-Language", e.lang()));
            headers.addAll(List.of(e.headers()));
            HttpResponse<String> answer =
                    organiser.request(e.method(), e.path(), e.body(), headers.toArray(String[]::new));
            sent++;
            String body = answer.body();
            if (!Http.problem(answer, e.status())
                    || !body.contains("\"code\":\"" + e.code() + "\"")
                    || !body.contains(e.detail())) {
                wrong.add(e.method() + " " + e.path() + " " + String.join(" ", e.headers()) + ": " + answer.statusCode()
                        + " " + body + ", expected " + e.status() + " " + e.code() + " saying " + e.detail());
            }
        }
        System.out.println("Bad inputs of issue 17: " + sent + " requests");
        assertTrue(
                wrong.isEmpty(),
                wrong.size() + " of " + sent + " requests:\n"
                        + String.join("\n", wrong.subList(0, Math.min(40, wrong.size()))));
    }

    /**
     * Bodies refused part way or never read, each followed by another call on the same connection: every one is
     * answered at once. The client speaks HTTP/2 without TLS (h2c), the JDK's default; Payara then reads no more of a
     * body the application stopped reading, and without {@link org.palmares.platform.UnreadBodyDrain} the client
     * waited 30 s for the connection to close and got "EOF" instead of its 4xx.
     */
    @Test
    void a_body_refused_part_way_or_never_read_costs_the_caller_neither_its_answer_nor_its_connection() {
        byte[] deep = ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        byte[] large = ("{\"title\":\"" + "x".repeat(1_150_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Http organiser = new Http(url);
        assertEquals(302, organiser.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
        Http juror = new Http(url);
        assertEquals(302, juror.login("jure05@demo.palmares.org", Demo.PASSWORD).statusCode());
        Http stranger = new Http(url);
        record Call(String what, Http client, String path, byte[] body, int status, String... headers) {}
        String json = "application/json";
        String zip = "application/zip";
        List<Call> calls = List.of(
                new Call(
                        "nested past the limit at its start",
                        organiser,
                        "/api/v1/editions/" + Demo.EDITION + "/votes",
                        deep,
                        400,
                        "Content-Type",
                        json),
                new Call(
                        "100 kB past the size limit",
                        organiser,
                        "/api/v1/editions/" + Demo.EDITION + "/votes",
                        large,
                        413,
                        "Content-Type",
                        json),
                new Call(
                        "of a type the operation does not read",
                        organiser,
                        "/api/v1/organiser/editions/import",
                        deep,
                        415,
                        "Content-Type",
                        json),
                new Call(
                        "sent to an operation that reads none",
                        organiser,
                        "/api/v1/nominations/987654/submit",
                        deep,
                        404,
                        "Content-Type",
                        json),
                new Call(
                        "without a login (the authentication mechanism)",
                        stranger,
                        "/api/v1/organiser/editions/import",
                        deep,
                        401,
                        "Content-Type",
                        zip),
                new Call(
                        "without the role (the container)",
                        juror,
                        "/api/v1/organiser/editions/import",
                        deep,
                        403,
                        "Content-Type",
                        zip),
                new Call(
                        "from another site (SameOriginFilter)",
                        organiser,
                        "/api/v1/organiser/editions/import",
                        deep,
                        403,
                        "Content-Type",
                        zip,
                        "Origin",
                        "https://evil.example"));
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            long started = System.nanoTime();
            List<String> headers = new ArrayList<>(List.of("Accept", json));
            headers.addAll(List.of(call.headers()));
            try {
                HttpResponse<String> answer =
                        call.client().request("POST", call.path(), call.body(), headers.toArray(String[]::new));
                if (!Http.problem(answer, call.status())) {
                    wrong.add(call.what() + ": " + answer.statusCode() + " " + answer.body());
                }
                HttpResponse<String> next =
                        call.client().get("/api/v1/editions/" + Demo.EDITION + "/palmares", "Accept", json);
                if (next.statusCode() != 200) wrong.add("after a body " + call.what() + ": " + next.statusCode());
            } catch (java.io.UncheckedIOException noAnswer) {
                wrong.add(call.what() + ": no answer (" + noAnswer.getCause() + ")");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > 10_000) wrong.add(call.what() + ": " + millis + " ms");
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** One bad input: what it is, where it goes, its body, the status it must get (0: any 4xx) and its headers. */
    private record Probe(String what, String path, byte[] body, int status, String... headers) {}

    /** A bad input and its exact answer: status, "code", and a part of the detail in the language {@code lang}. */
    private record Exact(
            String method,
            String path,
            byte[] body,
            String lang,
            int status,
            String code,
            String detail,
            String... headers) {
        Exact(
                String method,
                String path,
                String body,
                String lang,
                int status,
                String code,
                String detail,
                String... headers) {
            this(
                    method,
                    path,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    lang,
                    status,
                    code,
                    detail,
                    headers);
        }
    }

    /** A Java stack trace in an answer: a frame with its file and line, or a "Caused by". */
    private static final java.util.regex.Pattern STACK_TRACE =
            java.util.regex.Pattern.compile("(?m)^\\s*at [\\w.$<>]+\\([\\w.]*(:\\d+)?\\)|Caused by: ");

    /**
     * Seeded mutations of JSON bodies (wrong types, overflowing numbers, nesting past every limit, invalid UTF-8, keys
     * twice, no object at all), query strings (overflowing and malformed numbers, bad percent-encoding) and headers
     * (X-Filename, If-Match, If-None-Match, Accept, Accept-Language, Content-Type and its charset) sent to every JAX-RS
     * method of the application as an organiser and as a juror, once each and then for at most 10 seconds in all
     * ({@code -Dpalmares.fuzz.seconds}): every request answered, no 500, no stack trace in any answer, every 4xx a
     * problem JSON. The backup (slow, real files) and the assignment solver (it would really assign the demo edition)
     * are left out; path ids are random, so no real object is touched but by chance. An encoded NUL in the path
     * ({@code %00}) is left out too: Payara answers it with an empty 400 before the application (and its error pages)
     * sees the request.
     */
    @Test
    void fuzzed_json_bodies_query_strings_and_headers_never_break_the_api() {
        long seed = Long.getLong("palmares.fuzz.seed", 20261126L);
        java.util.Random random = new java.util.Random(seed);
        long deadline = System.nanoTime() + Long.getLong("palmares.fuzz.seconds", 10L) * 1_000_000_000L;
        List<String> operations = new ArrayList<>(restOperations());
        operations.remove("POST /api/v1/organiser/backups");
        // The solver with its default mode would really assign the demo edition (the access matrix assigns by hand).
        operations.remove("POST /api/v1/editions/{edition}/assignments/run");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        String[] who = {Demo.ORGANISER, "jure05@demo.palmares.org"};
        // Logged-in sessions, as the pages' scripts call the API: no password hash to check on every request.
        Http[] sessions = new Http[who.length];
        for (int i = 0; i < who.length; i++) {
            sessions[i] = new Http(url);
            assertEquals(302, sessions[i].login(who[i], Demo.PASSWORD).statusCode(), "login of " + who[i]);
        }
        boolean firstPass = true;
        while ((firstPass || System.nanoTime() < deadline) && wrong.size() < 20) {
            for (String operation : operations) {
                if (!firstPass && System.nanoTime() >= deadline) break;
                String method = operation.substring(0, operation.indexOf(' '));
                String path = fuzzPath(operation.substring(operation.indexOf(' ') + 1), random) + fuzzQuery(random);
                byte[] body = method.equals("GET") || method.equals("DELETE") ? null : fuzzBody(random);
                int caller = random.nextInt(who.length);
                HttpResponse<String> answer;
                List<String> headers = new ArrayList<>(List.of(
                        "Accept",
                        "application/json",
                        "Content-Type",
                        new String[] {
                                    "text/plain",
                                    "application/json; charset=ISO-8859-1",
                                    "application/json; charset=x-unknown",
                                    "multipart/form-data",
                                    "application/x-www-form-urlencoded",
                                    "text/plain; charset=x-unknown",
                                    "text/markdown; charset=UTF-16",
                                    "garbage"
                                }
                                [random.nextInt(8)]));
                if (random.nextInt(10) < 8) headers.set(3, "application/json");
                if (random.nextInt(3) == 0) {
                    String[] extra = NASTY_HEADERS[random.nextInt(NASTY_HEADERS.length)];
                    headers.add(extra[0]);
                    headers.add(extra[1]);
                }
                long started = System.nanoTime();
                try {
                    answer = sessions[caller].request(method, path, body, headers.toArray(String[]::new));
                } catch (IllegalArgumentException unencodable) {
                    System.out.println("Fuzzing: not sent (" + unencodable.getMessage() + ")");
                    continue; // a path the client itself refuses to send
                } catch (java.io.UncheckedIOException noAnswer) {
                    wrong.add("no answer (" + noAnswer.getCause().getMessage() + ") for " + method + " " + path
                            + " with headers " + headers + " and "
                            + (body == null
                                    ? "no body"
                                    : body.length + " bytes: "
                                            + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8)));
                    sent++;
                    continue;
                }
                sent++;
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > 2000) {
                    System.out.println("Fuzzing: " + millis + " ms for " + method + " " + path + " " + headers + " "
                            + (body == null ? 0 : body.length) + " bytes");
                }
                String text = answer.body() == null ? "" : answer.body();
                String type = answer.headers().firstValue("Content-Type").orElse("");
                String request = method + " " + path + " as " + who[caller] + " with "
                        + (body == null ? "no body" : new String(body, StandardCharsets.UTF_8))
                                .substring(
                                        0,
                                        Math.min(
                                                120,
                                                (body == null ? "no body" : new String(body, StandardCharsets.UTF_8))
                                                        .length()));
                if (answer.statusCode() >= 500) wrong.add(answer.statusCode() + " for " + request + ": " + text);
                else if (STACK_TRACE.matcher(text).find()) {
                    wrong.add("a stack trace for " + request + ": " + text);
                } else if (answer.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                    wrong.add(answer.statusCode() + " " + type + " (no problem JSON) for " + request);
                }
            }
            firstPass = false;
        }
        System.out.println("Fuzzing: seed " + seed + ", " + operations.size() + " operations, " + sent + " requests");
        assertTrue(wrong.isEmpty(), "seed " + seed + ", " + sent + " requests:\n" + String.join("\n", wrong));
        assertTrue(sent >= operations.size() - 5, "every operation was tried about once at least: " + sent);
    }

    private static final String[] NASTY = {
        "",
        "0",
        "-1",
        "99999999999999999999",
        "1e999",
        "NaN",
        "null",
        "true",
        "%zz",
        "..%2F..%2F",
        "ÿ",
        Demo.EDITION,
        "<script>",
        "' or 1=1 --",
        "\u202e",
        "a".repeat(300),
        // numbers that overflow an int or a long, or are no integer literal (issue 17: ?page=2147483647 was a 500)
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775808",
        "1e3",
        "0x10",
        "+1",
        " 1",
        // bad percent-encoding and enum values
        "%25",
        "%25zz%25",
        "%C3%28",
        "FULL;DROP",
        "nope"
    };

    private static String fuzzPath(String template, java.util.Random random) {
        java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)\\}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("edition") && random.nextBoolean()
                    ? Demo.EDITION
                    : random.nextBoolean()
                            ? String.valueOf(100_000 + random.nextInt(1_000_000))
                            : NASTY[random.nextInt(NASTY.length)];
            if (value.isEmpty()) value = "x";
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(encode(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String value) {
        // Keep a raw %xx as sent by an attacker; encode the rest.
        if (value.startsWith("%") || value.contains("%2F")) return value;
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fuzzQuery(java.util.Random random) {
        if (random.nextInt(3) == 0) return "";
        String[] keys = {
            "page",
            "size",
            "max",
            "status",
            "category",
            "method",
            "mode",
            "lang",
            "inline",
            "brief",
            "values",
            "code",
            "what",
            "format"
        };
        StringBuilder q = new StringBuilder("?");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) q.append('&');
            q.append(keys[random.nextInt(keys.length)]).append('=').append(encode(NASTY[random.nextInt(NASTY.length)]));
        }
        return q.toString();
    }

    private static final String[] SEEDS = {
        "{}",
        "{\"category\":\"COM\",\"title\":\"Fuzz\"}",
        "{\"title\":\"Fuzz\",\"summary\":\"x\",\"answers\":{\"1\":\"a\"}}",
        "{\"scores\":{\"1\":{\"value\":3,\"comment\":\"x\"}},\"comment\":\"y\"}",
        "{\"juror\":999999,\"nomination\":999998}",
        "{\"category\":\"CDC\",\"nomination\":999999,\"email\":\"a@example.org\"}",
        "{\"code\":\"123456\",\"email\":\"a@example.org\"}",
        "{\"action\":\"next\"}",
        "{\"name\":\"script\",\"scope\":\"READ\",\"days\":30}",
        "{\"kind\":\"TEXT\",\"labelFr\":\"Q\",\"labelEn\":\"Q\",\"required\":true}",
        "{\"reason\":\"x\"}"
    };

    private static byte[] fuzzBody(java.util.Random random) {
        String json = SEEDS[random.nextInt(SEEDS.length)];
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) json = mutate(json, random);
        if (random.nextInt(20) == 0) {
            // Invalid UTF-8 after a valid start.
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 2);
            broken[bytes.length] = (byte) 0xC3;
            broken[bytes.length + 1] = (byte) 0x28;
            return broken;
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String mutate(String json, java.util.Random random) {
        int at = json.isEmpty() ? 0 : random.nextInt(json.length());
        String[] values = {
            "null",
            "true",
            "-1",
            "0",
            "1e999",
            "99999999999999999999",
            "\"\"",
            "\"x\"",
            "[]",
            "{}",
            "[[[[[[[[]]]]]]]]",
            "\"" + "é".repeat(5000) + "\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "-0.0",
            "1.5",
            // overflowing and tiny numbers, wrong types (issue 17: "territoryId":"abc" was a 500)
            "1e999999999",
            "-1e999999999",
            "1e-999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890.5",
            "\"abc\"",
            "\"12\"",
            "[1]",
            "{\"a\":1}",
            "false"
        };
        return switch (random.nextInt(10)) {
            case 0 -> json.substring(0, at); // truncated
            case 1 -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 1)); // a character less
            case 2 -> json.substring(0, at) + "{}[],:\"\\".charAt(random.nextInt(8)) + json.substring(at);
            case 3 ->
                json.replaceFirst(
                        "(\"[a-zA-Z]+\":)(\"[^\"]*\"|-?[0-9.]+|true|false|\\{[^{}]*\\})",
                        "$1" + java.util.regex.Matcher.quoteReplacement(values[random.nextInt(values.length)]));
            case 4 -> "[" + json + "]";
            // every field of another type at once
            case 6 ->
                json.replaceAll(
                        "(\"[a-zA-Z]+\":)(\"[^\"]*\"|-?[0-9.]+|true|false)",
                        "$1" + java.util.regex.Matcher.quoteReplacement(values[random.nextInt(values.length)]));
            // nested beyond the reader's limit (issue 17: past 1,000 levels the JSON-P reader threw a 500)
            case 7 -> nestedJson(json, new int[] {65, 1001, 1500, 20_000}[random.nextInt(4)], random.nextBoolean());
            // a key twice, parsers differ on which one wins
            case 8 -> json.length() > 2 ? "{\"title\":\"a\",\"title\":\"b\"," + json.substring(1) : json;
            // not an object at all, or something after it
            case 9 ->
                new String[] {"", " ", "null", "\"x\"", "42", "true", "[]", json + "x", json + json, "\ufeff" + json}
                        [random.nextInt(10)];
            default ->
                "{\"" + "k".repeat(random.nextInt(5)) + "\":" + values[random.nextInt(values.length)] + ","
                        + (json.length() > 1 ? json.substring(1) : "}");
        };
    }

    /** The JSON with a value nested {@code levels} deep as its first field: arrays or objects. */
    private static String nestedJson(String json, int levels, boolean arrays) {
        String deep =
                arrays ? "[".repeat(levels) + "]".repeat(levels) : "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
        return "{\"deep\":" + deep + (json.length() > 2 ? "," + json.substring(1) : "}");
    }

    /** Headers a fuzzed request may carry besides its body: each was, or could have been, a 500 (issue 17). */
    private static final String[][] NASTY_HEADERS = {
        {"X-Filename", "%zz%"},
        {"X-Filename", "%"},
        {"X-Filename", "%C3%28.pdf"},
        {"X-Filename", "..%2F..%2Fetc%2Fpasswd"},
        {"X-Filename", "a".repeat(2000) + ".pdf"},
        {"Content-Disposition", "attachment; filename=\"%zz\"; filename*=UTF-8''%zz"},
        {"If-Match", "\"abc\""},
        {"If-Match", "W/\"99999999999999999999\""},
        {"If-Match", "*"},
        {"If-None-Match", "\"\\"},
        {"If-None-Match", "W/"},
        {"Accept", ";;;"},
        {"Accept", "application/json;q=abc"},
        {"Accept-Language", "zz;q=abc"},
        {"Accept-Language", ";;;"},
        {"Accept-Language", "fr;q=2,en;q=-1"},
        {"Accept-Language", "x".repeat(1000)}
    };

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
    void the_short_address_slash_login_leads_to_the_login_page_and_keeps_the_page_asked_for() {
        HttpResponse<String> shortcut = new Http(url).get("/login?next=%2Fjury%2Findex.xhtml");
        assertEquals(302, shortcut.statusCode());
        String location = shortcut.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/login.xhtml?next=%2Fjury%2Findex.xhtml"), location);
        assertEquals(
                200,
                new Http(url).get("/login.xhtml?next=%2Fjury%2Findex.xhtml").statusCode());
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
    void a_cross_site_request_changes_nothing_on_any_rest_path_or_page_and_the_cookie_says_same_site() {
        HttpResponse<String> login = new Http(url).get("/login.xhtml");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertTrue(
                cookie.contains("HttpOnly")
                        && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
                cookie);
        String owner = AccessMatrix.Subject.TERRITORY_B.email;
        long draft = draft(owner, "SOC");
        // The organiser's session may do everything: whatever refuses these requests is the cross-site rule.
        Http session = new Http(url);
        assertEquals(302, session.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (String operation : restOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            if (method.equals("GET")) continue;
            String path =
                    operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+\\}", String.valueOf(draft));
            // What a form on another site can send: its Origin, a form or text body, no custom header.
            for (String[] from : List.of(
                    new String[] {"Origin", "https://evil.example", "Content-Type", "text/plain"},
                    new String[] {"Sec-Fetch-Site", "cross-site", "Content-Type", "application/x-www-form-urlencoded"},
                    new String[] {"Origin", "null", "Content-Type", "multipart/form-data; boundary=x"})) {
                HttpResponse<String> answer =
                        session.request(method, path, "a=b".getBytes(StandardCharsets.UTF_8), from);
                tried++;
                if (!Http.problem(answer, 403) || !answer.body().contains("\"code\":\"error.crossSite\"")) {
                    wrong.add(operation + " from " + String.join(" ", from) + ": " + answer.statusCode());
                }
            }
        }
        assertTrue(tried > 60, "every unsafe operation tried: " + tried);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // A session request with no proof of its origin (as an old browser or a forged one would): refused too.
        Http bare = new Http(url);
        assertEquals(302, bare.login(owner, Demo.PASSWORD).statusCode());
        bare.withoutOrigin();
        assertTrue(Http.problem(bare.request("POST", "/api/v1/nominations/" + draft + "/withdraw", null), 403));
        // The page's own scripts prove it with their header: the request gets through to the rules behind.
        HttpResponse<String> script = bare.request(
                "POST",
                "/api/v1/nominations/" + draft + "/submit",
                null,
                "X-Requested-With",
                "XMLHttpRequest",
                "Accept",
                "application/json");
        assertEquals(422, script.statusCode(), "reaches the nomination rules: " + script.body());
        assertEquals(
                "DRAFT",
                ofJson(owner, "GET", "/api/v1/nominations/" + draft, null, 200)
                        .asJsonObject()
                        .getString("status"),
                "no cross-site request withdrew or submitted the draft");
        // Pages: a login form posted from another site, and a page's form posted from another site.
        Http stranger = new Http(url);
        String page = stranger.get("/login.xhtml").body();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", owner);
        form.put("login:password", Demo.PASSWORD);
        form.put("login:next", "");
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page));
        HttpResponse<String> forged = stranger.post("/login.xhtml", form, "Origin", "https://evil.example");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("Accès refusé"), "the refusal page");
        Http territory = new Http(url);
        assertEquals(302, territory.login(owner, Demo.PASSWORD).statusCode());
        String colleagues = territory.get("/territory/colleagues.xhtml").body();
        Map<String, String> invite = new java.util.LinkedHashMap<>();
        invite.put("invite", "invite");
        invite.put("invite:name", "Intrus");
        invite.put("invite:email", "intrus@evil.example");
        invite.put("invite:submit", "");
        invite.put("jakarta.faces.ViewState", Http.viewState(colleagues));
        assertEquals(
                403,
                session.post("/territory/colleagues.xhtml", invite, "Sec-Fetch-Site", "cross-site")
                        .statusCode());
        assertFalse(session.get("/territory/colleagues.xhtml").body().contains("intrus@evil.example"));
    }

    /** Invites someone from the colleagues page, as a territory member's browser does. */
    private HttpResponse<String> inviteColleague(Http member, String name, String email) {
        String page = member.get("/territory/colleagues.xhtml").body();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("invite", "invite");
        form.put("invite:name", name);
        form.put("invite:email", email);
        form.put("invite:submit", "");
        form.put("jakarta.faces.ViewState", Http.viewState(page));
        HttpResponse<String> answer = member.post("/territory/colleagues.xhtml", form);
        assertEquals(200, answer.statusCode());
        return answer;
    }

    /** Answers the first invitation of the account page ("accept" or "decline"). */
    private HttpResponse<String> answerInvitation(Http invitee, String button) {
        String page = invitee.get("/account/index.xhtml").body();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("invitations", "invitations");
        form.put("invitations:list:0:" + button, "");
        form.put("jakarta.faces.ViewState", Http.viewState(page));
        HttpResponse<String> answer = invitee.post("/account/index.xhtml", form);
        assertEquals(200, answer.statusCode());
        return answer;
    }

    @Test
    void a_colleague_joins_a_territory_only_once_they_accept_and_a_juror_who_joins_is_in_conflict_at_once() {
        String territory = "contact@mde-cote-vent.demo.palmares.org";
        String juror = "jure05@demo.palmares.org";
        Http member = new Http(url);
        member.login(territory, Demo.PASSWORD);
        // A new address: an account is made, with a link to choose a password; it is no member yet.
        HttpResponse<String> invited = inviteColleague(member, "Camille Collègue", "camille.collegue@example.org");
        assertTrue(invited.body().contains("après avoir accepté"), "the inviter is told it waits for an answer");
        String outbox = new Http(url)
                .getAs("/api/v1/organiser/outbox", Demo.ORGANISER, Demo.PASSWORD)
                .body();
        assertTrue(outbox.contains("camille.collegue@example.org"), "the invitation is in the outbox");
        // An existing juror's account: nothing changes for it until its owner says yes.
        HttpResponse<String> asked = inviteColleague(member, "Jure Cinq", juror);
        assertTrue(asked.body().contains(juror), "listed among the invitations waiting for an answer");
        assertEquals(
                403,
                new Http(url)
                        .getAs("/api/v1/territory/nominations", juror, Demo.PASSWORD)
                        .statusCode());
        String ofTerritory = member.get("/territory/colleagues.xhtml").body();
        assertTrue(
                ofTerritory.indexOf(juror) > ofTerritory.indexOf("Invitations en attente"),
                "the juror is waiting, not a member");
        // The juror is assigned to one of the territory's nominations in scoring...
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.SCORING);
        long jurorId =
                ofJson(Demo.ORGANISER, "GET", "/api/v1/editions/" + Demo.EDITION + "/jurors", null, 200)
                        .asJsonArray()
                        .stream()
                        .map(jakarta.json.JsonValue::asJsonObject)
                        .filter(j -> j.getString("email").equals(juror))
                        .findFirst()
                        .orElseThrow()
                        .getJsonNumber("id")
                        .longValue();
        long nomination = nominationOf(territory, "SOC");
        long assignment = assign(jurorId, nomination);
        // ...accepts the invitation, and at that moment is in conflict with the territory: the assignment ends.
        Http invitee = new Http(url);
        invitee.login(juror, Demo.PASSWORD);
        assertTrue(invitee.get("/account/index.xhtml").body().contains("Côte-au-Vent"), "the invitation shows");
        HttpResponse<String> accepted = answerInvitation(invitee, "accept");
        assertTrue(accepted.body().contains("Vous faites désormais partie du territoire"), accepted.body());
        assertEquals(
                200,
                new Http(url)
                        .getAs("/api/v1/territory/nominations", juror, Demo.PASSWORD)
                        .statusCode());
        String conflicts = ofJson(Demo.ORGANISER, "GET", "/api/v1/editions/" + Demo.EDITION + "/conflicts", null, 200)
                .toString();
        assertTrue(
                conflicts.contains("\"juror\":" + jurorId + ",\"kind\":\"SAME_TERRITORY\""),
                "the juror's conflict with their new territory is recorded: " + conflicts);
        String current = ofJson(Demo.ORGANISER, "GET", "/api/v1/editions/" + Demo.EDITION + "/assignments", null, 200)
                .toString();
        assertFalse(current.contains("\"id\":" + assignment + ","), "the assignment ended");
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
    }

    @Test
    void a_member_of_another_territory_cannot_be_taken_and_a_declined_invitation_changes_nothing() {
        Http member = new Http(url);
        member.login("contact@mde-landes-argent.demo.palmares.org", Demo.PASSWORD);
        String other = "contact@mde-olaine.demo.palmares.org";
        inviteColleague(member, "Olaine", other);
        Http invitee = new Http(url);
        invitee.login(other, Demo.PASSWORD);
        HttpResponse<String> refused = answerInvitation(invitee, "accept");
        assertTrue(refused.body().contains("appartient déjà au territoire"), "one territory per account");
        HttpResponse<String> declined = answerInvitation(invitee, "decline");
        assertTrue(declined.body().contains("Invitation refusée"), declined.body());
        assertFalse(
                member.get("/territory/colleagues.xhtml").body().contains(other),
                "neither a member nor waiting any more");
    }

    @Test
    void the_export_is_for_organisers_and_is_a_csv_with_a_byte_order_mark() {
        Http organiser = new Http(url);
        organiser.login(Demo.ORGANISER, Demo.PASSWORD);
        HttpResponse<String> csv = organiser.get("/organiser/export/nominations?format=csv-semicolon");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(
                csv.headers().firstValue("Content-Disposition").orElse("").contains(Demo.EDITION + "-nominations.csv"));
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
        if (!Deployments.POSTGRESQL.isBlank()) {
            // The built-in backup is Derby's; on PostgreSQL the organiser is told to use pg_dump, nothing is made.
            assertEquals(409, made.statusCode(), made.body());
            assertTrue(made.body().contains("pg_dump"), made.body());
            return;
        }
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
}
