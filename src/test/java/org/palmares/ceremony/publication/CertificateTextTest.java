package org.palmares.ceremony.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CertificateTextTest {
    private static CertificateText.Facts facts(Award award, LocalDateTime at, String place) {
        return new CertificateText.Facts(
                "Trophées de la Clause 2019",
                "Clause sociale",
                award,
                "Maison de l’Emploi d’Olaine",
                "Les îles au travail",
                at,
                place);
    }

    @Test
    void a_winner_is_called_laureat_in_french_and_winner_in_english() {
        var fr = CertificateText.of(facts(Award.WINNER, null, null), Locale.FRENCH);
        assertEquals("Lauréat — Clause sociale", fr.awardLine());
        assertEquals("Diplôme", fr.heading());
        assertEquals("décerné à", fr.presentedTo(), "a diplôme is masculine");
        var en = CertificateText.of(facts(Award.WINNER, null, null), Locale.ENGLISH);
        assertEquals("Winner — Clause sociale", en.awardLine());
        assertEquals("Certificate", en.heading());
    }

    @Test
    void a_mention_is_called_mention_in_both_languages() {
        assertEquals(
                "Mention — Clause sociale",
                CertificateText.of(facts(Award.MENTION, null, null), Locale.FRENCH)
                        .awardLine());
        assertEquals(
                "Mention — Clause sociale",
                CertificateText.of(facts(Award.MENTION, null, null), Locale.ENGLISH)
                        .awardLine());
    }

    @Test
    void an_unsupported_language_falls_back_to_french() {
        var de = CertificateText.of(facts(Award.WINNER, null, null), Locale.GERMAN);
        assertEquals("Lauréat — Clause sociale", de.awardLine());
        assertEquals(Locale.FRENCH, de.locale());
    }

    @Test
    void the_date_and_place_line_says_only_what_is_known() {
        LocalDateTime at = LocalDateTime.of(2019, 12, 12, 18, 30);
        assertEquals("Remise le 12 décembre 2019, Paris", CertificateText.whenWhere(at, "Paris", Locale.FRENCH));
        assertEquals("Presented on 12 December 2019, Paris", CertificateText.whenWhere(at, " Paris ", Locale.ENGLISH));
        assertEquals("Remise le 12 décembre 2019", CertificateText.whenWhere(at, " ", Locale.FRENCH));
        assertEquals("Presented in Lyon", CertificateText.whenWhere(null, "Lyon", Locale.ENGLISH));
        assertEquals("", CertificateText.whenWhere(null, null, Locale.FRENCH));
    }

    @Test
    void the_file_name_says_reference_award_and_language_without_unsafe_characters() {
        assertEquals(
                "TC2019-SOC-007-laureat-fr.pdf",
                CertificateText.fileName("TC2019-SOC-007", Award.WINNER, Locale.FRENCH));
        assertEquals(
                "TC2019-SOC-007-winner-en.pdf",
                CertificateText.fileName("TC2019-SOC-007", Award.WINNER, Locale.ENGLISH));
        assertEquals("a_b_-mention-fr.pdf", CertificateText.fileName("a/b\"", Award.MENTION, Locale.FRENCH));
    }

    @Test
    void the_pdf_is_one_a4_landscape_page_with_the_certificate_text() throws Exception {
        var text = CertificateText.of(
                facts(Award.WINNER, LocalDateTime.of(2019, 12, 12, 18, 0), "Paris, Hôtel de Ville"), Locale.FRENCH);
        byte[] pdf = CertificatePdf.render(text);
        var reader = new PdfReader(pdf);
        assertEquals(1, reader.getNumberOfPages());
        var size = reader.getPageSizeWithRotation(1);
        assertTrue(size.getWidth() > size.getHeight(), "landscape");
        String content = new PdfTextExtractor(reader).getTextFromPage(1);
        for (String expected : new String[] {
            "Diplôme",
            "décerné à",
            "Pour le jury",
            "Pour les organisateurs",
            "TROPHÉES DE LA CLAUSE 2019",
            "Lauréat",
            "Maison de l’Emploi d’Olaine",
            "Les îles au travail",
            "12 décembre 2019"
        }) {
            assertTrue(content.contains(expected), expected + " in " + content);
        }
    }
}
