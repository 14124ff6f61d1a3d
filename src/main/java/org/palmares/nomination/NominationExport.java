package org.palmares.nomination;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.palmares.platform.Messages;

/**
 * The organisers' export of nominations: one row per nomination with every answer, as CSV (UTF-8 with a BOM, comma
 * or semicolon) or XLSX. Rows are written as they come so an export of thousands holds little in memory.
 */
public final class NominationExport {
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

        public static Format of(String name) {
            if (name == null) return CSV;
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "xlsx" -> XLSX;
                case "csv-semicolon", "semicolon" -> CSV_SEMICOLON;
                default -> CSV;
            };
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Locale locale;
    private final ZoneId zone;
    private final List<Question> questions;

    /** Questions are the export's extra columns, one per question of the exported categories, in their order. */
    public NominationExport(Locale locale, ZoneId zone, List<Question> questions) {
        this.locale = locale;
        this.zone = zone;
        this.questions = List.copyOf(questions);
    }

    public List<String> header() {
        List<String> header = new ArrayList<>();
        for (String key : List.of(
                "reference",
                "category",
                "territory",
                "kind",
                "region",
                "departement",
                "title",
                "summary",
                "status",
                "reason",
                "submittedAt",
                "updatedAt")) {
            header.add(Messages.get(locale, "export.column." + key));
        }
        for (Question q : questions) {
            header.add(q.getCategory().getCode() + " · " + Messages.pick(locale, q.getLabelFr(), q.getLabelEn()));
        }
        return header;
    }

    public List<String> row(Nomination n, List<Answer> answers) {
        Territory t = n.getTerritory();
        List<String> row = new ArrayList<>(List.of(
                nullToEmpty(n.getReference()),
                n.getCategory().getCode(),
                t.getName(),
                Messages.get(locale, "territory.kind." + t.getKind().name()),
                nullToEmpty(t.getRegion()),
                nullToEmpty(t.getDepartement()),
                n.getTitle(),
                nullToEmpty(n.getSummary()),
                Messages.get(locale, "nomination.status." + n.getStatus().name()),
                nullToEmpty(n.getEligibilityReason()),
                when(n.getSubmittedAt()),
                when(n.getUpdatedAt())));
        Map<Long, String> byQuestion = answers.stream()
                .filter(a -> a.getValue() != null)
                .collect(Collectors.toMap(a -> a.getQuestion().getId(), Answer::getValue, (a, b) -> a));
        for (Question q : questions) {
            row.add(
                    q.getCategory().getId().equals(n.getCategory().getId())
                            ? byQuestion.getOrDefault(q.getId(), "")
                            : "");
        }
        return row;
    }

    /** Opens a writer of rows in the given format on the output; closing it finishes the file. */
    public static RowWriter open(Format format, OutputStream out) throws IOException {
        return switch (format) {
            case XLSX -> new XlsxWriter(out);
            case CSV -> new CsvWriter(out, ',');
            case CSV_SEMICOLON -> new CsvWriter(out, ';');
        };
    }

    /**
     * Keeps a spreadsheet from running a cell as a formula (CSV injection): a value starting with =, +, -, @, tab or
     * carriage return gets a leading apostrophe, which spreadsheets show as text.
     */
    static String defuse(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                ? "'" + value
                : value;
    }

    private String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Writes rows to an export file. */
    public interface RowWriter extends AutoCloseable {
        void write(List<String> row) throws IOException;

        @Override
        void close() throws IOException;
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
            printer.printRecord(row.stream().map(NominationExport::defuse).toList());
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

        XlsxWriter(OutputStream out) {
            workbook = new Workbook(out, "Palmares", "1.0");
            sheet = workbook.newWorksheet("Nominations");
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
