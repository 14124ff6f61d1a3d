package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palmares.nomination.AttachmentInspection.Limits;
import org.palmares.nomination.AttachmentInspection.Refusal;

class AttachmentInspectionTest {
    private static final Limits SMALL = new Limits(1024 * 1024, 50, 100, 100 * 1024);

    @TempDir
    Path dir;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {
        (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9
    };
    static final byte[] PNG = concat(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});

    private Optional<Refusal> inspect(byte[] content, AttachmentType type) throws IOException {
        return inspect(content, type, SMALL);
    }

    private Optional<Refusal> inspect(byte[] content, AttachmentType type, Limits limits) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".bin");
        Files.write(file, content);
        assertEquals(Optional.of(type), AttachmentType.detect(content), "recognised first as its type");
        return AttachmentInspection.inspect(file, type, limits);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> docx() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8));
        entries.put("word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    static Map<String, byte[]> odt() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/manifest.xml", "<manifest:manifest/>".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    @Test
    void clean_files_of_each_type_pass() throws IOException {
        assertEquals(Optional.empty(), inspect(PDF, AttachmentType.PDF));
        assertEquals(Optional.empty(), inspect(JPEG, AttachmentType.JPEG));
        assertEquals(Optional.empty(), inspect(PNG, AttachmentType.PNG));
        assertEquals(Optional.empty(), inspect(zip(docx()), AttachmentType.DOCX));
        assertEquals(Optional.empty(), inspect(zip(odt()), AttachmentType.ODT));
    }

    @Test
    void a_pdf_or_an_image_that_is_also_a_zip_archive_is_a_polyglot() throws IOException {
        byte[] archive = zip(Map.of("evil.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(Refusal.POLYGLOT), inspect(concat(PDF, archive), AttachmentType.PDF));
        assertEquals(Optional.of(Refusal.POLYGLOT), inspect(concat(JPEG, archive), AttachmentType.JPEG));
        assertEquals(Optional.of(Refusal.POLYGLOT), inspect(concat(PNG, archive), AttachmentType.PNG));
    }

    @Test
    void a_png_with_anything_after_its_end_is_refused() throws IOException {
        assertEquals(
                Optional.of(Refusal.POLYGLOT),
                inspect(concat(PNG, "trailing data".getBytes(StandardCharsets.US_ASCII)), AttachmentType.PNG));
    }

    @Test
    void html_or_script_at_the_start_of_a_pdf_or_an_image_is_refused() throws IOException {
        byte[] html = "%PDF-1.4\n<html><script>fetch('/api/v1/me')</script></html>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.of(Refusal.ACTIVE_CONTENT), inspect(html, AttachmentType.PDF));
        byte[] jpeg = concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0, 40},
                "<SCRIPT>alert(document.cookie)</SCRIPT>".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xFF, (byte) 0xD9});
        assertEquals(Optional.of(Refusal.ACTIVE_CONTENT), inspect(jpeg, AttachmentType.JPEG));
    }

    @Test
    void a_pdf_that_runs_javascript_or_launches_a_program_is_refused() throws IOException {
        byte[] js = "%PDF-1.4\n1 0 obj<</Type/Action/S/JavaScript/JS(app.alert(1))>>endobj\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.of(Refusal.ACTIVE_CONTENT), inspect(js, AttachmentType.PDF));
        byte[] launch = "%PDF-1.4\n1 0 obj<</S/Launch/F(cmd.exe)>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.of(Refusal.ACTIVE_CONTENT), inspect(launch, AttachmentType.PDF));
    }

    @Test
    void an_action_name_split_across_two_read_windows_is_still_found() throws IOException {
        byte[] filler = new byte[64 * 1024 - 20];
        java.util.Arrays.fill(filler, (byte) ' ');
        byte[] pdf = concat(
                "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
                filler,
                "<</S/JavaScript/JS(x)>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Optional.of(Refusal.ACTIVE_CONTENT), inspect(pdf, AttachmentType.PDF));
    }

    @Test
    void a_pdf_without_its_end_of_file_marker_is_refused_as_truncated() throws IOException {
        assertEquals(
                Optional.of(Refusal.TRUNCATED),
                inspect("%PDF-1.4\n1 0 obj<<>>endobj\n".getBytes(StandardCharsets.US_ASCII), AttachmentType.PDF));
    }

    @Test
    void a_docx_that_expands_beyond_the_limit_is_a_zip_bomb() throws IOException {
        Map<String, byte[]> entries = docx();
        entries.put("word/media/zeros.bin", new byte[2 * 1024 * 1024]);
        assertEquals(Optional.of(Refusal.ZIP_BOMB), inspect(zip(entries), AttachmentType.DOCX));
        // Below the total but far beyond 100:1 once past the ratio threshold.
        Limits roomy = new Limits(100L * 1024 * 1024, 1_000, 100, 100 * 1024);
        assertEquals(Optional.of(Refusal.ZIP_BOMB), inspect(zip(entries), AttachmentType.DOCX, roomy));
        // A real-sized document that compresses normally passes the same limits.
        Map<String, byte[]> normal = docx();
        byte[] random = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(random);
        normal.put("word/media/photo.jpg", random);
        assertEquals(Optional.empty(), inspect(zip(normal), AttachmentType.DOCX, roomy));
    }

    @Test
    void an_odt_with_too_many_entries_is_a_zip_bomb() throws IOException {
        Map<String, byte[]> entries = odt();
        for (int i = 0; i < 60; i++) entries.put("Pictures/" + i + ".png", new byte[] {1});
        assertEquals(Optional.of(Refusal.ZIP_BOMB), inspect(zip(entries), AttachmentType.ODT));
    }

    @Test
    void a_docx_or_odt_missing_a_part_of_its_package_is_refused() throws IOException {
        Map<String, byte[]> noDocument = docx();
        noDocument.remove("word/document.xml");
        noDocument.put("word/styles.xml", "<w:styles/>".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(Refusal.INVALID_PACKAGE), inspect(zip(noDocument), AttachmentType.DOCX));
        Map<String, byte[]> noContent = odt();
        noContent.remove("content.xml");
        assertEquals(Optional.of(Refusal.INVALID_PACKAGE), inspect(zip(noContent), AttachmentType.ODT));
    }

    @Test
    void a_zip_without_the_package_parts_is_not_recognised_as_a_document_at_all() throws IOException {
        Map<String, byte[]> noTypes = docx();
        noTypes.remove("[Content_Types].xml");
        byte[] content = zip(noTypes);
        assertEquals(Optional.empty(), AttachmentType.detect(content));
        Path file = Files.write(dir.resolve("x.docx"), content);
        assertTrue(AttachmentInspection.looksLikeArchive(file), "said to be a broken document, not an unknown type");
    }
}
