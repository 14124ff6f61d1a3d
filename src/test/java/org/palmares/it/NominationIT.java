package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Access;

/**
 * Territories' nominations over HTTP, as attackers and careless users would try them: forged files, huge
 * titles, script in text, someone else's nomination by id, stale versions, a submission after the deadline.
 * The deadline is moved into the past by the last tests only (in the container, as the organiser would).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NominationIT {
    static final String OTHER = "contact@mde-brevaine.demo.palmares.org";
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    static final Pattern REFERENCE = Pattern.compile("\"reference\":\"([A-Z0-9-]+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares("palmares.attachments.max-upload-seconds=3")
                .addClasses(Deployments.class, Demo.class, Http.class);
    }

    @ArquillianResource
    URL url;

    @Inject
    EditionService editions;

    private Http http() {
        return new Http(url);
    }

    private HttpResponse<String> as(String email, String method, String path, String json, String... headers) {
        List<String> all = new ArrayList<>(
                List.of("Authorization", Http.basic(email, Demo.PASSWORD), "Accept", "application/json"));
        if (json != null) all.addAll(List.of("Content-Type", "application/json"));
        all.addAll(List.of(headers));
        return http().request(
                        method,
                        path,
                        json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                        all.toArray(String[]::new));
    }

    private HttpResponse<String> upload(String email, long nomination, String name, byte[] content) {
        return http().request(
                        "POST",
                        "/api/v1/nominations/" + nomination + "/attachments",
                        content,
                        "Authorization",
                        Http.basic(email, Demo.PASSWORD),
                        "Accept",
                        "application/json",
                        "Content-Type",
                        "application/octet-stream",
                        "X-Filename",
                        java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private static long first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) throw new AssertionError("nothing matches " + pattern + " in " + body);
        return Long.parseLong(m.group(1));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertFalse(response.body().contains("at org."), "no stack trace");
    }

    /** The demo territory's nomination in the category it has none yet (the demo leaves SOC and CDC open). */
    private long draftOfTheDemoTerritory(String category, String title) {
        HttpResponse<String> created = as(
                Demo.TERRITORY,
                "POST",
                "/api/v1/editions/" + Demo.EDITION + "/nominations",
                "{\"category\":\"" + category + "\",\"title\":\"" + title + "\"}");
        if (created.statusCode() == 409) {
            HttpResponse<String> list = as(
                    Demo.TERRITORY,
                    "GET",
                    "/api/v1/editions/" + Demo.EDITION + "/nominations?category=" + category,
                    null);
            return first(ID, list.body());
        }
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("ETag").isPresent());
        return first(ID, created.body());
    }

    @Test
    @Order(1)
    @RunAsClient
    void forged_empty_and_oversized_files_are_refused_and_names_are_sanitised() {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        assertProblem(upload(Demo.TERRITORY, id, "facture.pdf", exe), 415);
        assertProblem(upload(Demo.TERRITORY, id, "vide.pdf", new byte[0]), 400);
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        HttpResponse<String> tooBig = upload(Demo.TERRITORY, id, "gros.pdf", big);
        assertProblem(tooBig, 413);
        assertTrue(tooBig.body().contains("10 Mo"), tooBig.body());

        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> ok = upload(Demo.TERRITORY, id, "../../etc/bi\u0000lan\r\n\u0007.pdf", pdf);
        assertEquals(201, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"name\":\"bilan.pdf\""), ok.body());
        HttpResponse<String> list = as(Demo.TERRITORY, "GET", "/api/v1/nominations/" + id + "/attachments", null);
        assertEquals(1, list.body().split("\"name\"").length - 1, "only the good file was kept: " + list.body());

        long attachment = first(ID, ok.body());
        HttpResponse<String> download = http().get(
                        "/api/v1/nominations/" + id + "/attachments/" + attachment,
                        "Authorization",
                        Http.basic(Demo.TERRITORY, Demo.PASSWORD));
        assertEquals(200, download.statusCode());
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .startsWith("attachment; filename=\"bilan.pdf\"; filename*=UTF-8''bilan.pdf"));
        assertEquals(
                "nosniff",
                download.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(
                "application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    @Order(2)
    @RunAsClient
    void a_title_of_ten_thousand_characters_is_refused_with_a_clear_problem() {
        HttpResponse<String> refused = as(
                Demo.TERRITORY,
                "POST",
                "/api/v1/editions/" + Demo.EDITION + "/nominations",
                "{\"category\":\"CDC\",\"title\":\"" + "x".repeat(10_000) + "\"}",
                "Accept-Language",
                "en");
        assertProblem(refused, 400);
        assertTrue(refused.body().contains("The title is longer than 200 characters"), refused.body());
    }

    @Test
    @Order(3)
    @RunAsClient
    void html_and_script_typed_in_text_fields_are_shown_escaped_in_the_pages() {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        String version = as(Demo.TERRITORY, "GET", "/api/v1/nominations/" + id, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        HttpResponse<String> saved = as(
                Demo.TERRITORY,
                "PUT",
                "/api/v1/nominations/" + id,
                "{\"title\":\"<script>alert('t')</script>Titre\",\"summary\":\"<img src=x onerror=alert(1)> **gras**\"}",
                "If-Match",
                version);
        assertEquals(200, saved.statusCode(), saved.body());
        Http browser = http();
        assertEquals(302, browser.login(Demo.TERRITORY, Demo.PASSWORD).statusCode());
        String form = browser.get("/territory/nomination.xhtml?id=" + id).body();
        String home = browser.get("/territory/index.xhtml").body();
        for (String page : List.of(form, home)) {
            assertFalse(page.contains("<script>alert('t')"), "script kept as text");
            assertTrue(page.contains("&lt;script&gt;alert("), "shown escaped");
        }
        assertFalse(form.contains("<img src=x"), "no HTML from the summary");
        assertTrue(form.contains("<strong>gras</strong>"), "Markdown is rendered");
    }

    @Test
    @Order(4)
    @RunAsClient
    void a_territory_cannot_read_change_download_or_withdraw_another_territorys_nomination() {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        HttpResponse<String> mine = as(Demo.TERRITORY, "GET", "/api/v1/nominations/" + id, null);
        String etag = mine.headers().firstValue("ETag").orElseThrow();
        String path = "/api/v1/nominations/" + id;
        assertProblem(as(OTHER, "GET", path, null), 404);
        assertProblem(as(OTHER, "PUT", path, "{\"title\":\"Vole\"}", "If-Match", etag), 404);
        assertProblem(as(OTHER, "POST", path + "/withdraw", null), 404);
        assertProblem(as(OTHER, "POST", path + "/submit", null), 404);
        assertProblem(as(OTHER, "GET", path + "/attachments", null), 404);
        assertProblem(as(OTHER, "GET", path + "/attachments/1", null), 404);
        assertProblem(upload(OTHER, id, "x.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)), 404);
        assertFalse(as(OTHER, "GET", "/api/v1/editions/" + Demo.EDITION + "/nominations?size=100", null)
                .body()
                .contains("\"id\":" + id + ","));
        Http page = http();
        page.login(OTHER, Demo.PASSWORD);
        HttpResponse<String> form = page.get("/territory/nomination.xhtml?id=" + id);
        assertTrue(form.statusCode() == 302 || form.statusCode() == 404, "page: " + form.statusCode());

        HttpResponse<String> after = as(Demo.TERRITORY, "GET", path, null);
        assertEquals(etag, after.headers().firstValue("ETag").orElseThrow(), "nothing changed");
        assertFalse(after.body().contains("Vole"));
        assertFalse(after.body().contains("WITHDRAWN"));
    }

    @Test
    @Order(5)
    @RunAsClient
    void an_update_without_if_match_or_with_a_stale_one_is_refused_and_changes_nothing() {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        String path = "/api/v1/nominations/" + id;
        String etag = as(Demo.TERRITORY, "GET", path, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        assertProblem(as(Demo.TERRITORY, "PUT", path, "{\"title\":\"Sans If-Match\"}"), 428);
        HttpResponse<String> first =
                as(Demo.TERRITORY, "PUT", path, "{\"title\":\"Premier onglet\"}", "If-Match", etag);
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> second =
                as(Demo.TERRITORY, "PUT", path, "{\"title\":\"Second onglet\"}", "If-Match", etag);
        assertProblem(second, 412);
        assertTrue(as(Demo.TERRITORY, "GET", path, null).body().contains("Premier onglet"));
    }

    @Test
    @Order(6)
    @RunAsClient
    void submission_lists_the_required_answers_missing_then_gives_a_reference_and_a_receipt() {
        long questionId = addQuestion(
                "CDC",
                "{\"labelFr\":\"Nombre d'heures d'insertion\",\"labelEn\":\"Integration hours\","
                        + "\"kind\":\"NUMBER\",\"required\":true}");
        long choiceId = addQuestion(
                "CDC",
                "{\"labelFr\":\"Public visé\",\"labelEn\":\"Audience\",\"kind\":\"CHOICE\",\"required\":true,"
                        + "\"choices\":\"Jeunes\\nSeniors\\nTous publics\"}");
        long id = draftOfTheDemoTerritory("CDC", "Coup de coeur");
        String path = "/api/v1/nominations/" + id;
        HttpResponse<String> draft = as(Demo.TERRITORY, "GET", path, null);
        // A client filling the form over REST learns the answers a CHOICE question accepts.
        assertTrue(draft.body().contains("\"choices\":[\"Jeunes\",\"Seniors\",\"Tous publics\"]"), draft.body());
        String etag = draft.headers().firstValue("ETag").orElseThrow();
        as(Demo.TERRITORY, "PUT", path, "{\"summary\":\"Un projet\"}", "If-Match", etag);

        HttpResponse<String> incomplete = as(Demo.TERRITORY, "POST", path + "/submit", null, "Accept-Language", "en");
        assertProblem(incomplete, 422);
        assertTrue(incomplete.body().contains("Integration hours"), incomplete.body());
        assertTrue(incomplete.body().contains("Audience"), incomplete.body());

        etag = as(Demo.TERRITORY, "GET", path, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        assertProblem(
                as(
                        Demo.TERRITORY,
                        "PUT",
                        path,
                        "{\"answers\":{\"" + questionId + "\":\"beaucoup\"}}",
                        "If-Match",
                        etag),
                400);
        assertProblem(
                as(Demo.TERRITORY, "PUT", path, "{\"answers\":{\"" + choiceId + "\":\"Retraités\"}}", "If-Match", etag),
                400);
        assertEquals(
                200,
                as(
                                Demo.TERRITORY,
                                "PUT",
                                path,
                                "{\"answers\":{\"" + questionId + "\":\"1200\",\"" + choiceId + "\":\"Seniors\"}}",
                                "If-Match",
                                etag)
                        .statusCode());
        HttpResponse<String> submitted = as(Demo.TERRITORY, "POST", path + "/submit", null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        Matcher reference = REFERENCE.matcher(submitted.body());
        assertTrue(reference.find(), submitted.body());
        assertTrue(reference.group(1).matches(Demo.EDITION + "-CDC-\\d{3}"), reference.group(1));
        String outbox = as(Demo.ORGANISER, "GET", "/api/v1/organiser/outbox?max=20", null)
                .body();
        assertTrue(outbox.contains(reference.group(1)), "the receipt is in the outbox: " + outbox);
    }

    @Test
    @Order(7)
    @RunAsClient
    void concurrent_first_submissions_get_consecutive_references_without_gaps() throws Exception {
        long category = categoryId("MIX");
        List<Long> drafts = new ArrayList<>();
        for (long territory = 1; territory <= 12 && drafts.size() < 4; territory++) {
            HttpResponse<String> created = as(
                    Demo.ORGANISER,
                    "POST",
                    "/api/v1/editions/" + Demo.EDITION + "/nominations",
                    "{\"category\":\"MIX\",\"title\":\"Concurrence " + territory + "\",\"summary\":\"R\","
                            + "\"territoryId\":" + territory + "}");
            if (created.statusCode() == 201) drafts.add(first(ID, created.body()));
        }
        assertTrue(drafts.size() >= 2, "drafts to submit: " + drafts + " in category " + category);
        // One logged-in session: concurrent Basic logins of one account are another matter (see Account).
        Http organiser = http();
        assertEquals(302, organiser.login(Demo.ORGANISER, Demo.PASSWORD).statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (long id : drafts) {
                Callable<HttpResponse<String>> submit = () -> organiser.request(
                        "POST", "/api/v1/nominations/" + id + "/submit", null, "Accept", "application/json");
                answers.add(pool.submit(submit));
            }
            Set<Integer> numbers = new HashSet<>();
            for (var answer : answers) {
                HttpResponse<String> response = answer.get();
                assertEquals(200, response.statusCode(), response.body());
                Matcher m = REFERENCE.matcher(response.body());
                assertTrue(m.find());
                numbers.add(Integer.parseInt(m.group(1).substring(m.group(1).lastIndexOf('-') + 1)));
            }
            assertEquals(drafts.size(), numbers.size(), "all different: " + numbers);
            int min = numbers.stream().min(Integer::compare).orElseThrow();
            int max = numbers.stream().max(Integer::compare).orElseThrow();
            assertEquals(drafts.size() - 1, max - min, "no gap: " + numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- upload attacks: refused cleanly, nothing left on disk ---

    @Inject
    jakarta.servlet.ServletContext servletContext;

    private static byte[] zip(java.util.Map<String, byte[]> entries) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Every file under a folder (temporary files included), by path. */
    private static Set<String> files(java.nio.file.Path folder) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder)) return Set.of();
        try (var walk = java.nio.file.Files.walk(folder)) {
            return walk.filter(java.nio.file.Files::isRegularFile)
                    .map(java.nio.file.Path::toString)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static java.nio.file.Path attachmentsFolder() {
        return java.nio.file.Path.of(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("palmares.data.dir", String.class),
                        "attachments")
                .toAbsolutePath();
    }

    private java.nio.file.Path multipartFolder() {
        Object dir = servletContext.getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
        return ((java.io.File) dir).toPath();
    }

    private static final byte[] PDF =
            ascii("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static byte[] polyglot() throws java.io.IOException {
        return concat(PDF, zip(java.util.Map.of("index.html", ascii("<script>alert(document.cookie)</script>"))));
    }

    @Test
    @Order(10)
    void polyglots_zip_bombs_and_broken_documents_are_refused_over_rest_and_leave_nothing_on_disk() throws Exception {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        Set<String> before = files(attachmentsFolder());

        HttpResponse<String> pdfZip = upload(Demo.TERRITORY, id, "bilan.pdf", polyglot());
        assertProblem(pdfZip, 415);
        assertTrue(pdfZip.body().contains("polyglotte"), pdfZip.body());
        byte[] jpegZip = concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
                new byte[] {(byte) 0xFF, (byte) 0xD9},
                zip(java.util.Map.of("a.js", ascii("alert(1)"))));
        assertProblem(upload(Demo.TERRITORY, id, "photo.jpg", jpegZip), 415);
        HttpResponse<String> html = upload(
                Demo.TERRITORY, id, "page.pdf", ascii("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"));
        assertProblem(html, 415);
        assertTrue(html.body().contains("code actif"), html.body());
        assertProblem(upload(Demo.TERRITORY, id, "coupe.pdf", ascii("%PDF-1.4\n1 0 obj<<>>endobj\n")), 415);

        var bomb = new java.util.LinkedHashMap<String, byte[]>();
        bomb.put("[Content_Types].xml", ascii("<Types/>"));
        bomb.put("word/document.xml", ascii("<w:document/>"));
        bomb.put("word/media/zeros.bin", new byte[64 * 1024 * 1024]);
        HttpResponse<String> zipBomb = upload(Demo.TERRITORY, id, "bombe.docx", zip(bomb));
        assertProblem(zipBomb, 413);
        assertTrue(zipBomb.body().contains("décompressé"), zipBomb.body());

        var noTypes = new java.util.LinkedHashMap<String, byte[]>();
        noTypes.put("word/document.xml", ascii("<w:document/>"));
        HttpResponse<String> notAPackage = upload(Demo.TERRITORY, id, "rapport.docx", zip(noTypes));
        assertProblem(notAPackage, 415);
        assertTrue(notAPackage.body().contains("ODT ou DOCX complet"), notAPackage.body());
        var noContent = new java.util.LinkedHashMap<String, byte[]>();
        noContent.put("mimetype", ascii("application/vnd.oasis.opendocument.text"));
        noContent.put("META-INF/manifest.xml", ascii("<manifest:manifest/>"));
        assertProblem(upload(Demo.TERRITORY, id, "rapport.odt", zip(noContent)), 415);

        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, 8);
        assertProblem(upload(Demo.TERRITORY, id, "gros.pdf", big), 413);

        assertEquals(before, files(attachmentsFolder()), "no file and no temporary file left");
        assertEquals(201, upload(Demo.TERRITORY, id, "propre.pdf", PDF).statusCode(), "a clean PDF still goes in");
    }

    @Test
    @Order(11)
    void a_polyglot_sent_through_the_page_is_refused_with_a_message_and_leaves_no_multipart_temp_file()
            throws Exception {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        Http browser = http();
        browser.login(Demo.TERRITORY, Demo.PASSWORD);
        String page = browser.get("/territory/nomination.xhtml?id=" + id).body();
        Matcher action =
                Pattern.compile("<form id=\"form\"[^>]*action=\"([^\"]+)\"").matcher(page);
        assertTrue(action.find(), "the nomination form");
        String path = action.group(1).replace("&amp;", "&").replaceFirst("^/", "/");
        Set<String> attachmentsBefore = files(attachmentsFolder());
        Set<String> multipartBefore = files(multipartFolder());
        // Over the container's in-memory threshold (1 MB), so the part is written to a temporary file first.
        byte[] filler = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(filler, (byte) ' ');
        byte[] file = concat(ascii("%PDF-1.4\n"), filler, ascii("\n%%EOF\n"), polyglot());
        String boundary = "----palmares" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("form", "form");
        fields.put("jakarta.faces.ViewState", Http.viewState(page));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "form:upload");
        fields.put("jakarta.faces.partial.execute", "form:upload");
        fields.put("jakarta.faces.partial.render", "form");
        fields.put("form:upload_totalFilesCount", "1");
        for (var f : fields.entrySet()) {
            body.writeBytes(
                    ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"));
            body.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(ascii("\r\n"));
        }
        body.writeBytes(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"form:upload\"; "
                + "filename=\"bilan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"));
        body.writeBytes(file);
        body.writeBytes(ascii("\r\n--" + boundary + "--\r\n"));
        String relative = path.substring(path.indexOf("/territory/"));
        HttpResponse<String> answer = browser.request(
                "POST",
                relative,
                body.toByteArray(),
                "Content-Type",
                "multipart/form-data; boundary=" + boundary,
                "Faces-Request",
                "partial/ajax");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("polyglotte"), "the page says why: " + answer.body());
        assertFalse(answer.body().contains("at org."), "no stack trace");
        assertEquals(attachmentsBefore, files(attachmentsFolder()), "no attachment stored");
        assertEquals(multipartBefore, files(multipartFolder()), "the container's multipart temporary file is gone");
    }

    /**
     * A client that sends its file a few bytes a second: the upload is given up after
     * palmares.attachments.max-upload-seconds (3 s here) with a 408, and what arrived is deleted.
     */
    @Test
    @Order(12)
    void a_trickling_upload_is_cut_off_with_408_and_leaves_nothing() throws Exception {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        Set<String> before = files(attachmentsFolder());
        URL base = new URL(http().base());
        long start = System.nanoTime();
        long answered = 0;
        StringBuilder answer = new StringBuilder();
        try (var socket = new java.net.Socket("localhost", base.getPort())) {
            var out = socket.getOutputStream();
            out.write(ascii("POST " + base.getPath() + "/api/v1/nominations/" + id + "/attachments HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: " + Http.basic(Demo.TERRITORY, Demo.PASSWORD)
                    + "\r\nAccept: application/json\r\nContent-Type: application/pdf\r\nX-Filename: lent.pdf\r\n"
                    + "Content-Length: 100000\r\nConnection: close\r\n\r\n%PDF-1.4\n"));
            out.flush();
            var in = socket.getInputStream();
            try {
                for (int i = 0; i < 120 && in.available() == 0; i++) {
                    out.write(ascii("0123456789"));
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (java.io.IOException closed) {
                // The server may close the connection while the client still writes: that is a refusal too.
            }
            answered = System.nanoTime();
            // The answer, as far as it came: the server may keep the connection open for the rest of the body.
            socket.setSoTimeout(2_000);
            byte[] buffer = new byte[4096];
            try {
                int read;
                while ((read = in.read(buffer)) > 0) answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            } catch (java.io.IOException timeoutOrReset) {
                // Keep what was read.
            }
        }
        String status = answer.toString();
        long seconds = (answered - start) / 1_000_000_000L;
        assertTrue(seconds < 20, "the server let go within 20 s, took " + seconds);
        assertTrue(status.startsWith("HTTP/1.1 408"), status);
        assertTrue(status.contains("application/problem+json"), status);
        assertEquals(before, files(attachmentsFolder()), "nothing left of the trickle");
    }

    @Test
    @Order(13)
    @RunAsClient
    void the_same_file_twice_is_refused_with_409_naming_the_file_already_there_and_a_different_one_goes_in() {
        long id = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        byte[] pdf = ascii("%PDF-1.4\n%deux fois\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        assertEquals(201, upload(Demo.TERRITORY, id, "rapport.pdf", pdf).statusCode());
        HttpResponse<String> twice = upload(Demo.TERRITORY, id, "rapport-copie.pdf", pdf);
        assertProblem(twice, 409);
        assertTrue(twice.body().contains("rapport.pdf") && twice.body().contains("déjà joint"), twice.body());
        String list = as(Demo.TERRITORY, "GET", "/api/v1/nominations/" + id + "/attachments", null)
                .body();
        assertFalse(list.contains("rapport-copie.pdf"), list);
        byte[] other = ascii("%PDF-1.4\n%une autre\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        assertEquals(201, upload(Demo.TERRITORY, id, "rapport-2.pdf", other).statusCode(), "other bytes go in");
    }

    @Test
    @Order(14)
    @RunAsClient
    void the_pdf_receipt_is_for_a_submitted_nomination_and_its_own_territory_only() {
        long draft = draftOfTheDemoTerritory("SOC", "Pieces jointes");
        assertProblem(as(Demo.TERRITORY, "GET", "/api/v1/nominations/" + draft + "/receipt", null), 409);
        long submitted = first(
                ID,
                as(Demo.TERRITORY, "GET", "/api/v1/editions/" + Demo.EDITION + "/nominations?status=SUBMITTED", null)
                        .body());
        HttpResponse<String> receipt = http().request(
                        "GET",
                        "/api/v1/nominations/" + submitted + "/receipt?lang=en",
                        null,
                        "Authorization",
                        Http.basic(Demo.TERRITORY, Demo.PASSWORD));
        assertEquals(200, receipt.statusCode(), receipt.body());
        assertEquals(
                "application/pdf", receipt.headers().firstValue("Content-Type").orElse(""));
        assertTrue(receipt.body().startsWith("%PDF"));
        assertProblem(as(OTHER, "GET", "/api/v1/nominations/" + submitted + "/receipt", null), 404);
    }

    @Test
    @Order(50)
    void the_organiser_sets_the_nomination_deadline_to_now() {
        Access.asSystem(() -> {
            Edition edition = editions.getCurrent();
            edition.setNominationDeadline(LocalDateTime.now(edition.zone())
                    .truncatedTo(ChronoUnit.SECONDS)
                    .minusSeconds(1));
            return editions.update(edition);
        });
        assertTrue(editions.getCurrent().nominationDeadline().orElseThrow().isPassed(java.time.Clock.systemUTC()));
    }

    @Test
    @Order(51)
    @RunAsClient
    void after_the_deadline_every_change_is_refused_with_409_and_the_page_says_so() {
        long id = first(
                ID,
                as(Demo.TERRITORY, "GET", "/api/v1/editions/" + Demo.EDITION + "/nominations?category=SOC", null)
                        .body());
        String path = "/api/v1/nominations/" + id;
        HttpResponse<String> before = as(Demo.TERRITORY, "GET", path, null);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertProblem(as(Demo.TERRITORY, "POST", path + "/submit", null), 409);
        assertProblem(as(Demo.TERRITORY, "PUT", path, "{\"title\":\"Trop tard\"}", "If-Match", etag), 409);
        assertProblem(as(Demo.TERRITORY, "POST", path + "/withdraw", null), 409);
        assertProblem(upload(Demo.TERRITORY, id, "tard.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)), 409);
        HttpResponse<String> late = as(
                Demo.TERRITORY,
                "POST",
                "/api/v1/editions/" + Demo.EDITION + "/nominations",
                "{\"category\":\"TER\",\"title\":\"Trop tard\"}");
        assertTrue(late.statusCode() == 409, late.body());
        assertEquals(
                etag,
                as(Demo.TERRITORY, "GET", path, null)
                        .headers()
                        .firstValue("ETag")
                        .orElseThrow());
        Http browser = http();
        browser.login(Demo.TERRITORY, Demo.PASSWORD);
        String page = browser.get("/territory/nomination.xhtml?id=" + id).body();
        assertTrue(page.contains("La date limite est passée."), "the page says the deadline has passed");
    }

    /** Adds an extra question to a category's form, as an organiser; returns its id. */
    /** A form's questions are set up before nominations open: the edition goes back to set-up for the time of it. */
    private long addQuestion(String category, String json) {
        PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.SETUP);
        try {
            HttpResponse<String> added = as(
                    Demo.ORGANISER,
                    "POST",
                    "/api/v1/organiser/categories/" + categoryId(category) + "/questions",
                    json);
            assertEquals(201, added.statusCode(), added.body());
            return first(ID, added.body());
        } finally {
            PhaseSwitch.set(url, Demo.EDITION, org.palmares.edition.Phase.NOMINATIONS_OPEN);
        }
    }

    private long categoryId(String code) {
        String edition =
                as(Demo.ORGANISER, "GET", "/api/v1/organiser/editions/1", null).body();
        assertTrue(edition.contains(Demo.EDITION), edition);
        // Categories are created in the demo file's order: COM, TER, SOC, MIX, CDC.
        return List.of("COM", "TER", "SOC", "MIX", "CDC").indexOf(code) + 1L;
    }
}
