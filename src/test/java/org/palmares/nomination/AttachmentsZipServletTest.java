package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachmentsZipServletTest {
    @Test
    void two_attachments_with_one_name_both_go_in_the_zip() {
        Set<String> used = new HashSet<>();
        assertEquals("projet.pdf", AttachmentsZipServlet.unique("projet.pdf", used));
        assertEquals("projet (2).pdf", AttachmentsZipServlet.unique("projet.pdf", used));
        assertEquals("projet (3).pdf", AttachmentsZipServlet.unique("projet.pdf", used));
        assertEquals("LISEZMOI", AttachmentsZipServlet.unique("LISEZMOI", used));
        assertEquals("LISEZMOI (2)", AttachmentsZipServlet.unique("LISEZMOI", used));
    }
}
