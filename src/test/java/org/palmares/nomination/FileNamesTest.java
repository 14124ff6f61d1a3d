package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void a_path_in_the_name_is_dropped() {
        assertEquals("passwd.pdf", FileNames.sanitise("../../etc/passwd.pdf", AttachmentType.PDF));
        assertEquals("rapport.pdf", FileNames.sanitise("C:\\Users\\x\\rapport.pdf", AttachmentType.PDF));
    }

    @Test
    void dot_dot_and_control_characters_are_stripped() {
        String name = FileNames.sanitise("..\u0000bilan\r\n\u0007 ..2019.pdf", AttachmentType.PDF);
        assertFalse(name.contains(".."), name);
        assertTrue(name.chars().noneMatch(Character::isISOControl), name);
        assertEquals("bilan 2019.pdf", name);
    }

    @Test
    void a_right_to_left_override_cannot_disguise_the_extension() {
        String name = FileNames.sanitise("photo\u202Egnp.exe", AttachmentType.PNG);
        assertEquals("photognp.exe.png", name);
    }

    @Test
    void the_extension_follows_the_real_type_not_the_given_name() {
        assertEquals("setup.exe.pdf", FileNames.sanitise("setup.exe", AttachmentType.PDF));
        assertEquals("photo.JPEG", FileNames.sanitise("photo.JPEG", AttachmentType.JPEG));
        assertEquals("document.pdf", FileNames.sanitise("", AttachmentType.PDF));
        assertEquals("document.pdf", FileNames.sanitise(null, AttachmentType.PDF));
        assertEquals("pdf.pdf", FileNames.sanitise(".pdf", AttachmentType.PDF), "no hidden file");
    }

    @Test
    void characters_windows_refuses_are_replaced_and_long_names_cut() {
        assertEquals("a_b_c_.pdf", FileNames.sanitise("a<b>c?.pdf", AttachmentType.PDF));
        String name = FileNames.sanitise("x".repeat(400) + ".pdf", AttachmentType.PDF);
        assertEquals(FileNames.MAX_LENGTH, name.length());
        assertTrue(name.endsWith(".pdf"));
    }

    @Test
    void accents_are_kept_in_the_name_and_encoded_in_the_header() {
        assertEquals("Présentation été.pdf", FileNames.sanitise("Présentation été.pdf", AttachmentType.PDF));
        assertEquals(
                "attachment; filename=\"Presentation ete.pdf\"; filename*=UTF-8''Pr%C3%A9sentation%20%C3%A9t%C3%A9.pdf",
                FileNames.contentDisposition(false, "Présentation été.pdf"));
        assertTrue(FileNames.contentDisposition(true, "a.pdf").startsWith("inline; "));
    }

    @Test
    void quotes_cannot_break_out_of_the_header() {
        String header = FileNames.contentDisposition(false, "a\"; filename=evil.exe");
        assertFalse(header.contains("\"; filename=evil"), header);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "X-Filename {0} is {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "rapport.pdf, rapport.pdf",
        "bilan%202019.pdf, bilan 2019.pdf",
        "bilan+2019.pdf, bilan 2019.pdf",
        "%C3%A9t%C3%A9.pdf, été.pdf",
        "100%25.pdf, 100%.pdf"
    })
    void an_x_filename_header_is_url_encoded_utf_8(String header, String name) {
        assertEquals(name, FileNames.fromHeader(header));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "X-Filename {0} is refused")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"%zz%", "%zz", "a%", "a%4", "%G1.pdf", "%C3%28.pdf", "%FF.pdf", "%C0%AF"})
    void a_badly_encoded_x_filename_is_the_callers_mistake_not_a_server_error(String header) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                org.palmares.platform.DomainException.class, () -> FileNames.fromHeader(header));
        assertEquals(400, e.status());
        assertEquals("attachment.nameEncoding", e.messageKey());
    }
}
