package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.platform.TableExport;

class NominationExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneId.of("UTC"));

    private final Edition edition = new Edition("TC2019", 2019, "Trophées", "Trophies", "Europe/Paris", CLOCK);
    private final Category category =
            edition.addCategory("SOC", "Social et environnemental", "Social and environmental");
    private final Territory territory =
            new Territory("=HYPERLINK(\"http://evil\")", TerritoryKind.PLIE, "Grand Est", "57", CLOCK);

    private Nomination nomination(String title, String summary) {
        var n = new Nomination(category, territory, 0, title, CLOCK);
        n.edit(title, summary, CLOCK);
        n.submit("TC2019-SOC-001", CLOCK);
        return n;
    }

    private byte[] export(TableExport.Format format, Nomination n) throws IOException {
        var export = new NominationExport(Locale.FRENCH, ZoneId.of("Europe/Paris"), List.of());
        var out = new ByteArrayOutputStream();
        try (var writer = TableExport.open(format, out)) {
            writer.write(export.header());
            writer.write(export.row(n, List.of()));
        }
        return out.toByteArray();
    }

    @Test
    void csv_starts_with_a_byte_order_mark_and_shows_times_in_the_edition_zone() throws IOException {
        String csv =
                new String(export(TableExport.Format.CSV, nomination("Clause & co", "Résumé")), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFN° de dossier,Catégorie,Territoire"), csv);
        assertTrue(csv.contains("TC2019-SOC-001,SOC,"), csv);
        assertTrue(csv.contains("2026-03-01 10:30"), "09:30 UTC is 10:30 in Paris: " + csv);
    }

    @Test
    void semicolon_csv_quotes_values_holding_semicolons_and_line_breaks() throws IOException {
        String csv = new String(
                export(TableExport.Format.CSV_SEMICOLON, nomination("Un; deux", "ligne 1\nligne 2")),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains(";\"Un; deux\";\"ligne 1\nligne 2\";"), csv);
    }

    @Test
    void a_value_a_spreadsheet_would_run_as_a_formula_is_exported_as_text() throws IOException {
        String csv = new String(
                export(TableExport.Format.CSV, nomination("+cmd|' /C calc'!A0", "@SUM(1+1)")), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), csv);
        assertTrue(csv.contains("'+cmd|' /C calc'!A0"), csv);
        assertTrue(csv.contains("'@SUM(1+1)"), csv);
        assertEquals("-1", TableExport.defuse("-1"), "a negative number stays a number");
        assertEquals("'-1+1", TableExport.defuse("-1+1"));
        assertEquals("plain", TableExport.defuse("plain"));
        assertEquals("", TableExport.defuse(null));
    }

    @Test
    void xlsx_opens_with_the_header_and_one_row_per_nomination() throws IOException {
        byte[] xlsx = export(TableExport.Format.XLSX, nomination("<script>alert(1)</script>", "x"));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals("N° de dossier", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("TC2019-SOC-001", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("<script>alert(1)</script>", sheet.getRow(1).getCell(6).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum());
            assertTrue(
                    workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
        }
    }

    @Test
    void a_long_xlsx_export_streams_every_row() throws IOException {
        var export = new NominationExport(Locale.FRENCH, ZoneId.of("Europe/Paris"), List.of());
        var out = new ByteArrayOutputStream();
        try (var writer = TableExport.open(TableExport.Format.XLSX, out)) {
            writer.write(export.header());
            for (int i = 0; i < 1_234; i++) writer.write(export.row(nomination("Projet " + i, "x"), List.of()));
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals(1_234, sheet.getLastRowNum());
            assertEquals("Projet 1233", sheet.getRow(1_234).getCell(6).getStringCellValue());
        }
    }

    @Test
    void format_names_from_a_link_fall_back_to_comma_csv() {
        assertEquals(TableExport.Format.XLSX, TableExport.Format.of("XLSX"));
        assertEquals(TableExport.Format.CSV_SEMICOLON, TableExport.Format.of("csv-semicolon"));
        assertEquals(TableExport.Format.CSV, TableExport.Format.of("pdf"));
        assertEquals(TableExport.Format.CSV, TableExport.Format.of(null));
    }
}
