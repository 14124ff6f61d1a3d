package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AttachmentTypeTest {
    static byte[] zip(String... entriesAndContents) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entriesAndContents.length; i += 2) {
                byte[] data = entriesAndContents[i + 1].getBytes(StandardCharsets.US_ASCII);
                var entry = new ZipEntry(entriesAndContents[i]);
                if (i == 0 && entriesAndContents[i].equals("mimetype")) {
                    // ODF stores its mimetype first and uncompressed.
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(data.length);
                    var crc = new CRC32();
                    crc.update(data);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_pdf_is_recognised_from_its_first_bytes() {
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.detect("%PDF-1.7\n...".getBytes()));
    }

    @Test
    void jpeg_and_png_are_recognised_from_their_magic_numbers() {
        assertEquals(
                Optional.of(AttachmentType.JPEG),
                AttachmentType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}));
        assertEquals(
                Optional.of(AttachmentType.PNG),
                AttachmentType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}));
    }

    @Test
    void an_executable_renamed_pdf_is_refused() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        assertTrue(AttachmentType.detect(exe).isEmpty());
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        assertTrue(AttachmentType.detect(elf).isEmpty());
    }

    @Test
    void an_odt_is_a_zip_whose_first_entry_names_the_odf_text_type() throws IOException {
        byte[] odt = zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>");
        assertEquals(Optional.of(AttachmentType.ODT), AttachmentType.detect(odt));
    }

    @Test
    void an_odf_spreadsheet_is_not_an_odt() throws IOException {
        byte[] ods = zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>");
        assertTrue(AttachmentType.detect(ods).isEmpty());
    }

    @Test
    void a_docx_is_a_zip_with_content_types_and_a_word_folder() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "<Types/>", "_rels/.rels", "<r/>", "word/document.xml", "<w/>");
        assertEquals(Optional.of(AttachmentType.DOCX), AttachmentType.detect(docx));
    }

    @Test
    void a_plain_zip_or_an_xlsx_is_refused() throws IOException {
        assertTrue(AttachmentType.detect(zip("readme.txt", "hello")).isEmpty());
        assertTrue(AttachmentType.detect(zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<w/>"))
                .isEmpty());
    }

    @Test
    void empty_short_and_broken_contents_are_refused() {
        assertTrue(AttachmentType.detect(new byte[0]).isEmpty());
        assertTrue(AttachmentType.detect(new byte[] {'%', 'P'}).isEmpty());
        assertTrue(AttachmentType.detect(new byte[] {'P', 'K', 3, 4, 1, 2, 3}).isEmpty());
    }

    @Test
    void only_pdf_and_images_are_shown_inline() {
        assertTrue(AttachmentType.PDF.previewable());
        assertTrue(AttachmentType.PNG.previewable());
        assertTrue(!AttachmentType.DOCX.previewable() && !AttachmentType.ODT.previewable());
    }
}
