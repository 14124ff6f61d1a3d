package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoryImportTest {
    @Test
    void a_french_excel_file_with_semicolons_accents_and_a_bom_is_read() throws Exception {
        var rows = TerritoryImport.read("\uFEFFTerritoire;Type;Région;Département;Contact;Courriel\n"
                + "PLIE du Val;PLIE;Grand Est;57;Anne Martin;anne@plie-val.fr\n"
                + "\"Maison de l'Emploi; Nord\";Maison de l'Emploi;Hauts-de-France;59;Paul Roy;paul@mde-nord.fr\n");
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(TerritoryImport.Row::isValid), rows.toString());
        assertEquals("Maison de l'Emploi; Nord", rows.get(1).name());
        assertEquals(TerritoryKind.MAISON_EMPLOI, rows.get(1).kind());
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void each_bad_row_says_what_is_wrong_and_the_good_ones_stay_good() throws Exception {
        var rows = TerritoryImport.read("name,kind,region,department,contact_name,email\n"
                + "Good,ASSOCIATION,Bretagne,29,Ana,ana@example.org\n"
                + ",Castle,Bretagne,999x,,not-an-email\n");
        assertTrue(rows.get(0).isValid());
        assertEquals(
                List.of(
                        "territories.import.nameMissing",
                        "territories.import.kindUnknown",
                        "territories.import.departementInvalid",
                        "territories.import.contactMissing",
                        "territories.import.emailInvalid"),
                rows.get(1).problems());
    }

    @Test
    void corsican_departements_and_overseas_codes_are_accepted() throws Exception {
        var rows = TerritoryImport.read("territory;kind;region;departement;contact;email\n"
                + "A;COMMUNE;Corse;2a;X;x@example.org\nB;COMMUNE;La Réunion;974;Y;y@example.org\n");
        assertEquals("2A", rows.get(0).departement());
        assertTrue(rows.get(1).isValid());
    }

    @Test
    void a_file_without_the_needed_columns_is_refused_as_a_whole_with_their_names() {
        var e = assertThrows(
                org.palmares.platform.CsvTable.Unreadable.class, () -> TerritoryImport.read("name,email\nA,a@b.org\n"));
        assertEquals("csv.missingColumns", e.messageKey());
        assertEquals("type, region, departement, contact", e.arguments()[0]);
        assertThrows(
                org.palmares.platform.CsvTable.Unreadable.class,
                () -> TerritoryImport.read("territory;kind;region;departement;contact;email\n"));
    }
}
