package org.palmares.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.palmares.nomination.SafeMarkdown;

class JuryGuidesTest {
    @Test
    void a_jury_guide_keeps_no_data_or_javascript_link_and_is_rendered_as_every_user_text() {
        String guide = "# Guide\n\n[grille](data:text/html;base64,PHNjcmlwdD4=) ![a](data:image/svg+xml,x)"
                + " [b](JaVaScRiPt:alert(1)) [c](https://example.org/grille.pdf)";
        String html = JuryGuides.render(guide);
        assertFalse(html.contains("data:"), html);
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("javascript:"), html);
        assertTrue(html.contains("href=\"https://example.org/grille.pdf\""), html);
        assertEquals(SafeMarkdown.html(guide), html);
    }
}
