package org.palmares.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palmares.platform.CsvTable;

class JurorImportTest {
    @Test
    void optional_columns_may_be_left_out_and_lists_are_split_on_bars() throws Exception {
        var rows = JurorImport.read("Courriel;Nom;Expertise;Affiliations\n"
                + "claire@example.org;Claire Martin;soc | MIX;PLIE du Val|Maison de l'Emploi de Brévaine\n"
                + "paul@example.org;Paul Roy;;\n");
        assertEquals(List.of("SOC", "MIX"), rows.get(0).expertise());
        assertEquals(
                List.of("PLIE du Val", "Maison de l'Emploi de Brévaine"),
                rows.get(0).affiliations());
        assertEquals(JurorImport.DEFAULT_CAPACITY, rows.get(1).capacity());
        assertTrue(rows.stream().allMatch(JurorImport.Row::isValid));
    }

    @Test
    void a_bad_address_or_capacity_is_reported_on_its_line() throws Exception {
        var rows = JurorImport.read("email,name,capacity\nnot-an-address,,lots\nok@example.org,Ok,201\n");
        assertEquals(
                List.of("jurors.import.emailInvalid", "jurors.import.nameMissing", "jurors.import.capacityInvalid"),
                rows.get(0).problems());
        assertEquals(List.of("jurors.import.capacityInvalid"), rows.get(1).problems());
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void a_file_without_e_mail_or_name_is_refused_as_a_whole() {
        var e = assertThrows(CsvTable.Unreadable.class, () -> JurorImport.read("region,capacity\nBretagne,3\n"));
        assertEquals("csv.missingColumns", e.messageKey());
        assertEquals("email, nom", e.arguments()[0]);
    }
}
