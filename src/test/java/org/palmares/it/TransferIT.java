package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.nomination.Nomination;
import org.palmares.tally.Result;
import org.palmares.tally.TallyMethod;

/**
 * Moving an edition: the demo edition, with scored sheets and an attachment, exported as a ZIP and imported under a
 * new code into the same server gives the same tally, the same nominations and the same attachment bytes; an
 * anonymised copy names no juror or member and keeps its tally; and only organisers may export, import, anonymise.
 */
@ExtendWith(ArquillianExtension.class)
class TransferIT {
    private static final String TERRITORY = "contact@mde-brevaine.demo.palmares.org";
    private static final byte[] ATTACHMENT =
            ("%PDF-1.4\nTransferIT attachment " + Instant.now()).getBytes(StandardCharsets.UTF_8);

    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares("palmares.demo.phase=DELIBERATION")
                .addClasses(Deployments.class, Http.class, Demo.class);
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @ArquillianResource
    URL url;

    @Test
    void an_exported_edition_imported_under_a_new_code_has_the_same_tally_nominations_and_attachments()
            throws Exception {
        ensureAnAttachment();
        byte[] zip = export(Demo.EDITION, Demo.ORGANISER);
        assertTrue(entries(zip).contains("edition.json"), "edition.json in " + entries(zip));
        assertTrue(entries(zip).stream().anyMatch(e -> e.startsWith("attachments/")), "attachment files");
        String json = entry(zip, "edition.json");
        assertTrue(json.contains("\"format\":\"palmares-edition/1\""), "versioned format");
        assertFalse(json.contains("password"), "no password hash");
        assertFalse(json.contains("token_hash"), "no tokens");

        HttpResponse<String> imported = importZip(zip, Demo.EDITION + "B", Demo.ORGANISER);
        assertEquals(201, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"code\":\"" + Demo.EDITION + "B\""), imported.body());

        assertEquals(tally(Demo.EDITION), tally(Demo.EDITION + "B"), "same ranking and scores in every category");
        assertEquals(count(Demo.EDITION), count(Demo.EDITION + "B"), "same nominations");
        assertTrue(count(Demo.EDITION) > 0);
        assertEquals(attachments(Demo.EDITION), attachments(Demo.EDITION + "B"), "same attachment bytes");
        assertEquals(sheets(Demo.EDITION), sheets(Demo.EDITION + "B"), "same submitted sheets");

        HttpResponse<String> again = importZip(zip, null, Demo.ORGANISER);
        assertTrue(Http.problem(again, 409), again.statusCode() + " " + again.body());
        assertEquals(count(Demo.EDITION), count(Demo.EDITION));
    }

    @Test
    void frozen_results_travel_with_the_edition_whatever_the_case_the_database_keeps_their_column_names_in()
            throws Exception {
        // result."method" is a word Derby reserves: Liquibase created it quoted, in lower case beside upper-case
        // names. An import that named it unquoted failed on every edition with frozen results (the 2019 archive).
        tx.begin();
        Nomination nomination = em.createQuery(
                        "SELECT n FROM Nomination n WHERE n.category.edition.code = :code ORDER BY n.id",
                        Nomination.class)
                .setParameter("code", Demo.EDITION)
                .setMaxResults(1)
                .getSingleResult();
        em.persist(new Result(
                nomination.getCategory(),
                nomination,
                TallyMethod.NORMALISED,
                1,
                new BigDecimal("81.25"),
                new BigDecimal("80.00"),
                null,
                3,
                null,
                null,
                Instant.now()));
        tx.commit();
        try {
            HttpResponse<String> imported = importZip(export(Demo.EDITION, Demo.ORGANISER), "TCRES", Demo.ORGANISER);
            assertEquals(201, imported.statusCode(), imported.body());
            assertEquals(results(Demo.EDITION), results("TCRES"), "the frozen results, method included");
            assertTrue(
                    results("TCRES").size() == 1 && results("TCRES").get(0).startsWith("NORMALISED 1 81.25"),
                    results("TCRES").toString());
        } finally {
            tx.begin();
            em.createQuery("DELETE FROM Result r WHERE r.category.edition.code = :code")
                    .setParameter("code", Demo.EDITION)
                    .executeUpdate();
            tx.commit();
        }
    }

    private List<String> results(String code) {
        return em
                .createQuery(
                        "SELECT r FROM Result r WHERE r.category.edition.code = :code ORDER BY r.rank", Result.class)
                .setParameter("code", code)
                .getResultList()
                .stream()
                .map(r -> r.getMethod() + " " + r.getRank() + " " + r.getRawScore())
                .toList();
    }

    @Test
    void an_anonymised_copy_names_no_juror_or_member_keeps_its_tally_and_leaves_the_original_alone() throws Exception {
        byte[] zip = export(Demo.EDITION, Demo.ORGANISER);
        assertEquals(201, importZip(zip, Demo.EDITION + "ANON", Demo.ORGANISER).statusCode());
        Map<String, List<String>> tallyBefore = tally(Demo.EDITION + "ANON");
        String palmaresBefore = palmares(Demo.EDITION + "ANON");
        List<String> people = people(Demo.EDITION);
        assertTrue(people.size() > 10, "jurors and members of the demo: " + people.size());

        HttpResponse<String> early = anonymise(Demo.EDITION + "ANON", "End of retention", Demo.ORGANISER);
        assertTrue(Http.problem(early, 409), "not archived yet: " + early.statusCode() + " " + early.body());
        archive(Demo.EDITION + "ANON");
        HttpResponse<String> noReason = anonymise(Demo.EDITION + "ANON", " ", Demo.ORGANISER);
        assertTrue(Http.problem(noReason, 400), noReason.statusCode() + " " + noReason.body());
        HttpResponse<String> done = anonymise(Demo.EDITION + "ANON", "End of retention", Demo.ORGANISER);
        assertEquals(200, done.statusCode(), done.body());
        HttpResponse<String> twice = anonymise(Demo.EDITION + "ANON", "Again", Demo.ORGANISER);
        assertTrue(Http.problem(twice, 409), twice.body());

        String anonymised = entry(export(Demo.EDITION + "ANON", Demo.ORGANISER), "edition.json")
                .toLowerCase();
        List<String> leaked = people.stream().filter(anonymised::contains).toList();
        assertTrue(leaked.isEmpty(), "e-mails still in the anonymised export: " + leaked);
        assertTrue(anonymised.contains("juré 1"), "pseudonyms");
        assertTrue(anonymised.contains("\"anonymised\":true"));
        assertEquals(tallyBefore, tally(Demo.EDITION + "ANON"), "same tally after anonymisation");
        assertEquals(palmaresBefore, palmares(Demo.EDITION + "ANON"), "same palmarès");

        // The original keeps its people: jurors still log in, its export still names them.
        assertEquals(
                200,
                new Http(url).getAs("/api/v1/me", Demo.JUROR, Demo.PASSWORD).statusCode());
        assertTrue(entry(export(Demo.EDITION, Demo.ORGANISER), "edition.json").contains(Demo.JUROR));
        assertEquals(people, people(Demo.EDITION));
        assertEquals(
                1L,
                ((Number) em.createNativeQuery(
                                        "SELECT COUNT(*) FROM edition WHERE code = '" + Demo.EDITION + "ANON' AND"
                                                + " anonymised_at IS NOT NULL AND anonymised_reason = 'End of retention'")
                                .getSingleResult())
                        .longValue(),
                "recorded on the edition");
    }

    @Test
    void jurors_territories_and_visitors_may_not_export_import_or_anonymise() throws Exception {
        byte[] zip = export(Demo.EDITION, Demo.ORGANISER);
        List<String> wrong = new ArrayList<>();
        for (String who : List.of(Demo.JUROR, TERRITORY)) {
            Http http = new Http(url);
            check(
                    wrong,
                    who + " export",
                    http.getAs("/api/v1/organiser/editions/" + Demo.EDITION + "/export", who, Demo.PASSWORD),
                    403);
            check(wrong, who + " import", importZip(zip, Demo.EDITION + "X", who), 403);
            check(wrong, who + " anonymise", anonymise(Demo.EDITION, "x", who), 403);
            http.login(who, Demo.PASSWORD);
            HttpResponse<String> servlet = http.get("/organiser/export/edition?code=" + Demo.EDITION);
            if (servlet.statusCode() != 403) wrong.add(who + " servlet -> " + servlet.statusCode());
            HttpResponse<String> page = http.get("/organiser/transfer.xhtml");
            if (page.statusCode() != 403) wrong.add(who + " page -> " + page.statusCode());
        }
        Http anonymous = new Http(url);
        check(
                wrong,
                "anonymous export",
                anonymous.get("/api/v1/organiser/editions/" + Demo.EDITION + "/export", "Accept", "application/json"),
                401);
        check(
                wrong,
                "anonymous import",
                anonymous.request(
                        "POST",
                        "/api/v1/organiser/editions/import",
                        zip,
                        "Content-Type",
                        "application/zip",
                        "Accept",
                        "application/json"),
                401);
        assertTrue(wrong.isEmpty(), "not refused: " + wrong);
        assertEquals(
                0L,
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM edition WHERE code = '" + Demo.EDITION + "X'")
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void a_malformed_or_foreign_zip_is_refused_with_a_problem_and_imports_nothing() throws Exception {
        long editions = editions();
        HttpResponse<String> garbage =
                importZip("not a zip at all".getBytes(StandardCharsets.UTF_8), "BAD1", Demo.ORGANISER);
        assertTrue(
                Http.problem(garbage, 400) || Http.problem(garbage, 422), garbage.statusCode() + " " + garbage.body());
        HttpResponse<String> future = importZip(
                zip("edition.json", "{\"format\":\"palmares-edition/9\",\"tables\":{}}"), "BAD2", Demo.ORGANISER);
        assertTrue(Http.problem(future, 422), future.statusCode() + " " + future.body());
        assertTrue(future.body().contains("palmares-edition/9"), future.body());
        HttpResponse<String> traversal =
                importZip(zip("../../evil", "x", "edition.json", "{}"), "BAD3", Demo.ORGANISER);
        assertTrue(Http.problem(traversal, 422), traversal.statusCode() + " " + traversal.body());
        assertTrue(traversal.body().contains("../../evil"), traversal.body());
        HttpResponse<String> badCode = importZip(export(Demo.EDITION, Demo.ORGANISER), "bad code!", Demo.ORGANISER);
        assertTrue(Http.problem(badCode, 400), badCode.statusCode() + " " + badCode.body());

        // A file whose attachment entry is missing is refused as a whole: no edition, no rows, no file left.
        ensureAnAttachment();
        byte[] full = export(Demo.EDITION, Demo.ORGANISER);
        int filesBefore = filesOnDisk();
        HttpResponse<String> truncated =
                importZip(zip("edition.json", entry(full, "edition.json")), "BAD4", Demo.ORGANISER);
        assertTrue(Http.problem(truncated, 422), truncated.statusCode() + " " + truncated.body());
        assertEquals(editions, editions(), "nothing imported");
        assertEquals(filesBefore, filesOnDisk(), "no file left behind");

        // A file that is not the size its row says: refused after it was written, and the written file goes again.
        String attachment = entries(full).stream()
                .filter(e -> e.startsWith("attachments/"))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> lying = importZip(
                zip("edition.json", entry(full, "edition.json"), attachment, "not the announced size at all"),
                "BAD5",
                Demo.ORGANISER);
        assertTrue(Http.problem(lying, 422), lying.statusCode() + " " + lying.body());
        assertEquals(editions, editions(), "nothing imported");
        assertEquals(filesBefore, filesOnDisk(), "the written file was deleted on rollback");
        HttpResponse<String> missingEdition =
                new Http(url).getAs("/api/v1/organiser/editions/NOPE/export", Demo.ORGANISER, Demo.PASSWORD);
        assertTrue(Http.problem(missingEdition, 404), missingEdition.statusCode() + " " + missingEdition.body());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static void check(List<String> wrong, String what, HttpResponse<String> r, int status) {
        if (!Http.problem(r, status)) wrong.add(what + " -> " + r.statusCode());
    }

    private HttpResponse<String> importZip(byte[] zip, String code, String who) {
        return new Http(url)
                .request(
                        "POST",
                        "/api/v1/organiser/editions/import"
                                + (code == null
                                        ? ""
                                        : "?code=" + code.replace(" ", "%20").replace("!", "%21")),
                        zip,
                        "Authorization",
                        Http.basic(who, Demo.PASSWORD),
                        "Content-Type",
                        "application/zip",
                        "Accept",
                        "application/json");
    }

    private HttpResponse<String> anonymise(String code, String reason, String who) {
        String body = Json.createObjectBuilder().add("reason", reason).build().toString();
        return new Http(url)
                .request(
                        "POST",
                        "/api/v1/organiser/editions/" + code + "/anonymise",
                        body.getBytes(StandardCharsets.UTF_8),
                        "Authorization",
                        Http.basic(who, Demo.PASSWORD),
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json");
    }

    private byte[] export(String code, String who) throws IOException, InterruptedException {
        String base = new Http(url).base();
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/organiser/editions/" + code + "/export"))
                                .header("Authorization", Http.basic(who, Demo.PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
        }
        return names;
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name);
    }

    /** A ZIP of the given entries, in the order given: name, content, name, content… */
    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Per category: each standing as rank | reference without the edition code | title | figures to 2 decimals. */
    private Map<String, List<String>> tally(String code) {
        HttpResponse<String> r =
                new Http(url).getAs("/api/v1/editions/" + code + "/results", Demo.ORGANISER, Demo.PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject results = Json.createReader(new StringReader(r.body())).readObject();
        Map<String, List<String>> byCategory = new TreeMap<>();
        for (JsonValue c : results.getJsonArray("categories")) {
            JsonObject category = c.asJsonObject();
            List<String> lines = new ArrayList<>();
            for (JsonValue s : category.getJsonArray("ranking")) {
                JsonObject standing = s.asJsonObject();
                lines.add(standing.getInt("rank") + " | "
                        + standing.getString("reference").substring(code.length()) + " | "
                        + standing.getString("title") + " | " + figure(standing, "score") + " "
                        + figure(standing, "raw") + " " + figure(standing, "normalised") + " "
                        + figure(standing, "calibrated") + " | " + standing.getInt("sheets"));
            }
            byCategory.put(category.getString("category"), lines);
        }
        assertFalse(byCategory.isEmpty());
        return byCategory;
    }

    private static String figure(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) return "-";
        return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private String palmares(String code) {
        HttpResponse<String> r =
                new Http(url).get("/api/v1/editions/" + code + "/palmares", "Accept", "application/json");
        return r.statusCode() + " " + r.body();
    }

    private long count(String code) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM nomination n JOIN category c ON n.category_id ="
                                + " c.id JOIN edition e ON c.edition_id = e.id WHERE e.code = ?")
                        .setParameter(1, code)
                        .getSingleResult())
                .longValue();
    }

    private long sheets(String code) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM score_sheet s JOIN assignment a ON"
                                + " s.assignment_id = a.id JOIN juror j ON a.juror_id = j.id JOIN edition e ON"
                                + " j.edition_id = e.id WHERE e.code = ? AND s.status = 'SUBMITTED'")
                        .setParameter(1, code)
                        .getSingleResult())
                .longValue();
    }

    private long editions() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM edition").getSingleResult()).longValue();
    }

    /** Original name → bytes of each attachment of the edition, read from the data directory. */
    @SuppressWarnings("unchecked")
    private Map<String, String> attachments(String code) throws IOException {
        List<Object[]> rows = em.createNativeQuery("SELECT a.original_name, a.stored_name FROM attachment a JOIN"
                        + " nomination n ON a.nomination_id = n.id JOIN category c ON n.category_id = c.id JOIN"
                        + " edition e ON c.edition_id = e.id WHERE e.code = ?")
                .setParameter(1, code)
                .getResultList();
        Map<String, String> files = new TreeMap<>();
        for (Object[] row : rows) {
            byte[] bytes = Files.readAllBytes(directory().resolve((String) row[1]));
            files.put((String) row[0], java.util.HexFormat.of().formatHex(bytes));
        }
        assertFalse(files.isEmpty(), "attachments of " + code);
        return files;
    }

    private int filesOnDisk() throws IOException {
        try (var files = Files.list(directory())) {
            return (int) files.count();
        }
    }

    private static Path directory() {
        String dir = ConfigProvider.getConfig().getValue("palmares.data.dir", String.class);
        return Path.of(dir, "attachments").toAbsolutePath().normalize();
    }

    /** The demo has no attachment: give its first nomination one, once, as an upload would leave it. */
    private void ensureAnAttachment() throws Exception {
        long existing = ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM attachment WHERE original_name =" + " 'transfer-it.pdf'")
                        .getSingleResult())
                .longValue();
        if (existing > 0) return;
        Path directory = directory();
        Files.createDirectories(directory);
        String stored = "transferit" + System.nanoTime();
        Files.write(directory.resolve(stored), ATTACHMENT);
        tx.begin();
        long nomination = ((Number) em.createNativeQuery("SELECT MIN(n.id) FROM nomination n JOIN category c ON"
                                + " n.category_id = c.id JOIN edition e ON c.edition_id = e.id WHERE e.code = '"
                                + Demo.EDITION + "'")
                        .getSingleResult())
                .longValue();
        em.createNativeQuery("INSERT INTO attachment (nomination_id, original_name, stored_name, content_type,"
                        + " size_bytes, uploaded_at) VALUES (?, 'transfer-it.pdf', ?, 'application/pdf', ?, ?)")
                .setParameter(1, nomination)
                .setParameter(2, stored)
                .setParameter(3, (long) ATTACHMENT.length)
                .setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
        tx.commit();
    }

    private void archive(String code) throws Exception {
        tx.begin();
        em.createNativeQuery("UPDATE edition SET phase = 'ARCHIVED' WHERE code = ?")
                .setParameter(1, code)
                .executeUpdate();
        tx.commit();
    }

    /** The e-mails of the edition's jurors and of its territories' members, lower case. */
    @SuppressWarnings("unchecked")
    private List<String> people(String code) {
        List<String> jurors = em.createNativeQuery("SELECT a.email FROM account a JOIN juror j ON j.account_id = a.id"
                        + " JOIN edition e ON j.edition_id = e.id WHERE e.code = ? ORDER BY a.email")
                .setParameter(1, code)
                .getResultList();
        List<String> members = em.createNativeQuery("SELECT DISTINCT a.email FROM account a JOIN territory_member m ON"
                        + " m.account_id = a.id JOIN nomination n ON n.territory_id = m.territory_id JOIN category c"
                        + " ON n.category_id = c.id JOIN edition e ON c.edition_id = e.id WHERE e.code = ?"
                        + " ORDER BY a.email")
                .setParameter(1, code)
                .getResultList();
        List<String> all = new ArrayList<>();
        jurors.forEach(e -> all.add(e.toLowerCase()));
        members.forEach(e -> all.add(e.toLowerCase()));
        return all;
    }
}
