package org.palmares.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file an organiser uploads, read the forgiving way: UTF-8 with or without a BOM, comma or semicolon (whichever
 * the header uses more), a header row whose names may be French or English, with or without accents or case. Each
 * data row comes back with its line number and its values by logical column.
 */
public final class CsvTable {
    /** A logical column and the header names (lower case, without accents) that mean it. */
    public interface Column {
        List<String> names();

        /** Whether a file without this column is refused. */
        default boolean required() {
            return true;
        }
    }

    /** One data row: its line in the file and its values, blank for a missing or empty cell. */
    public record Row<C extends Enum<C> & Column>(long line, Map<C, String> values) {
        public String get(C column) {
            return values.getOrDefault(column, "");
        }
    }

    /** Thrown when the file as a whole cannot be used: no header, missing columns, no rows, too many rows. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String messageKey;
        private final transient Object[] arguments;

        public Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments;
        }
    }

    private CsvTable() {}

    /** Reads the text; message keys of the failures are {@code csv.tooMany}, {@code csv.empty}, … */
    public static <C extends Enum<C> & Column> List<Row<C>> read(String text, Class<C> columns, int maxRows)
            throws Unreadable {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (Reader reader = new StringReader(content);
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<C, String> headers = headers(parser.getHeaderNames(), columns);
            List<Row<C>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= maxRows) throw new Unreadable("csv.tooMany", maxRows);
                Map<C, String> values = new EnumMap<>(columns);
                headers.forEach((column, header) -> values.put(
                        column,
                        record.isMapped(header) && record.isSet(header)
                                ? record.get(header).strip()
                                : ""));
                rows.add(new Row<>(parser.getCurrentLineNumber(), values));
            }
            if (rows.isEmpty()) throw new Unreadable("csv.empty");
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("csv.unreadable", e.getMessage());
        }
    }

    private static <C extends Enum<C> & Column> Map<C, String> headers(List<String> headerNames, Class<C> columns)
            throws Unreadable {
        Map<C, String> found = new HashMap<>();
        for (String header : headerNames) {
            String key = plain(header);
            for (C column : columns.getEnumConstants()) {
                if (column.names().contains(key) && !found.containsKey(column)) found.put(column, header);
            }
        }
        List<String> missing = new ArrayList<>();
        for (C column : columns.getEnumConstants()) {
            if (column.required() && !found.containsKey(column))
                missing.add(column.names().get(0));
        }
        if (!missing.isEmpty()) throw new Unreadable("csv.missingColumns", String.join(", ", missing));
        return found;
    }

    /** Lower case, accents removed, trimmed: how header names and loose values are compared. */
    public static String plain(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
