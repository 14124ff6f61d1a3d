package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;

class NominationReceiptTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-04-02T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void the_receipt_is_a_pdf_with_the_reference_title_and_attachment_names_as_plain_text() throws Exception {
        var edition = new Edition("TC2019", 2019, "Trophées 2019", "Awards 2019", "Europe/Paris", CLOCK);
        Category category = edition.addCategory("SOC", "Social", "Social");
        var territory = new Territory("PLIE de Paris", TerritoryKind.PLIE, "Île-de-France", "75", CLOCK);
        var nomination = new Nomination(category, territory, 0, "<script>alert(1)</script> Chantier", CLOCK);
        nomination.edit(nomination.getTitle(), "**Gras** <b>pas du HTML</b>", CLOCK);
        nomination.attach("bilan.pdf", "abc", "application/pdf", 2048, null, CLOCK);
        nomination.submit("TC2019-SOC-007", CLOCK);

        byte[] pdf = NominationReceipt.pdf(nomination, List.of(), Locale.FRENCH);

        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertTrue(text.contains("TC2019-SOC-007"), text);
        assertTrue(text.contains("<script>alert(1)</script> Chantier"), "user text is written as typed: " + text);
        assertTrue(text.contains("<b>pas du HTML</b>"), text);
        assertTrue(text.contains("bilan.pdf"), text);
        assertTrue(text.contains("PLIE de Paris"), text);
        assertEquals("TC2019-SOC-007.pdf", NominationReceipt.fileName(nomination));
    }
}
