package org.palmares.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The one way Palmarès writes a table to a file (nominations, tally, audit log): CSV in UTF-8 with a BOM, with commas
 * or with the semicolons and decimal commas French Excel opens without asking, or XLSX. Rows are written as they come
 * so an export of thousands holds little in memory; no cell can run as a formula.
 */
public final class TableExport {
    private TableExport() {}

    /** The formats offered; the semicolon CSV is the one French Excel opens without asking. */
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        CSV_SEMICOLON("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** A decimal as this format's readers expect it: "12,35" for French Excel, "12.35" elsewhere. */
        public String decimal(BigDecimal value) {
            if (value == null) return "";
            String plain = value.toPlainString();
            return this == CSV_SEMICOLON ? plain.replace('.', ',') : plain;
        }

        /** A double rounded to two decimals, empty when it is not a number. */
        public String decimal2(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) return "";
            return decimal(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
        }

        /** From a request parameter: {@code csv}, {@code csv-semicolon} (or {@code semicolon}), {@code xlsx}. */
        public static Format of(String name) {
            if (name == null) return CSV;
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "xlsx" -> XLSX;
                case "csv-semicolon", "semicolon" -> CSV_SEMICOLON;
                default -> CSV;
            };
        }
    }

    /** Writes rows to an export file. */
    public interface RowWriter extends AutoCloseable {
        void write(List<String> row) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Opens a writer of rows in the given format on the output; closing it finishes the file. */
    public static RowWriter open(Format format, OutputStream out) throws IOException {
        return open(format, out, "Palmares");
    }

    /** The same, naming the XLSX sheet. */
    public static RowWriter open(Format format, OutputStream out, String sheetName) throws IOException {
        return switch (format) {
            case XLSX -> new XlsxWriter(out, sheetName);
            case CSV -> new CsvWriter(out, ',');
            case CSV_SEMICOLON -> new CsvWriter(out, ';');
        };
    }

    /**
     * Keeps a spreadsheet from running a cell as a formula (CSV injection): a value starting with =, +, -, @, tab or
     * carriage return gets a leading apostrophe, which spreadsheets show as text. A negative number stays a number.
     */
    public static String defuse(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        if (first == '-' && value.matches("-\\d+([.,]\\d+)?")) return value;
        return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                ? "'" + value
                : value;
    }

    private static final class CsvWriter implements RowWriter {
        private final CSVPrinter printer;

        CsvWriter(OutputStream out, char delimiter) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(
                    writer, CSVFormat.EXCEL.builder().setDelimiter(delimiter).get());
        }

        @Override
        public void write(List<String> row) throws IOException {
            printer.printRecord(row.stream().map(TableExport::defuse).toList());
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static final class XlsxWriter implements RowWriter {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int next;

        XlsxWriter(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "Palmares", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void write(List<String> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                // At most 32,767 characters fit in a cell; a longer text is cut rather than failing the export.
                String v = values.get(i);
                sheet.value(next, i, v.length() > 32_767 ? v.substring(0, 32_767) : v);
                if (next == 0) sheet.style(next, i).bold().set();
            }
            if (next == 0) sheet.freezePane(0, 1);
            next++;
            // Rows go out as they come (a large export is not held in memory).
            if (next % 200 == 0) sheet.flush();
        }

        @Override
        public void close() throws IOException {
            workbook.finish();
        }
    }
}
