package org.palmares.nomination;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of territory invitations (one territory and its contact per row), comma or semicolon separated,
 * with a header row naming the columns in French or English. Each row comes back with what is wrong with it, so the
 * organiser gets a report per row and the good rows are not held back by the bad ones.
 */
public final class TerritoryImport {
    /** The columns, and the header names (without accents, lower case) that mean them. */
    enum Column {
        NAME("territoire", "territory", "nom", "name"),
        KIND("type", "kind", "nature"),
        REGION("region"),
        DEPARTEMENT("departement", "department", "dept"),
        CONTACT_NAME("contact", "contact_name", "nom_contact", "contact name", "nom du contact"),
        CONTACT_EMAIL("email", "e-mail", "courriel", "contact_email", "mail", "adresse");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2,3}|2A|2B");

    /** Files larger than this many rows are refused as a whole: an invitation campaign is not a bulk mailing. */
    public static final int MAX_ROWS = 1000;

    private TerritoryImport() {}

    /** One row of the file: its line number, its values and the message keys of what is wrong with it. */
    public record Row(
            long line,
            String name,
            TerritoryKind kind,
            String region,
            String departement,
            String contactName,
            String contactEmail,
            List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /** Thrown when the file as a whole cannot be read: no header, missing columns, too many rows. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String messageKey;
        private final transient Object[] arguments;

        Unreadable(String messageKey, Object... arguments) {
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

    public static List<Row> read(String text) throws Unreadable {
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
            Map<Column, String> headers = columns(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) throw new Unreadable("territories.import.tooMany", MAX_ROWS);
                rows.add(row(record, headers));
            }
            if (rows.isEmpty()) throw new Unreadable("territories.import.empty");
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("territories.import.unreadable", e.getMessage());
        }
    }

    private static Map<Column, String> columns(List<String> headerNames) throws Unreadable {
        Map<Column, String> found = new HashMap<>();
        for (String header : headerNames) {
            String key = plain(header);
            for (Column column : Column.values()) {
                if (column.names.contains(key) && !found.containsKey(column)) found.put(column, header);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (!found.containsKey(column)) missing.add(column.names.get(0));
        }
        if (!missing.isEmpty()) throw new Unreadable("territories.import.missingColumns", String.join(", ", missing));
        return found;
    }

    private static Row row(CSVRecord record, Map<Column, String> headers) {
        List<String> problems = new ArrayList<>();
        String name = value(record, headers, Column.NAME);
        String kindText = value(record, headers, Column.KIND);
        String region = value(record, headers, Column.REGION);
        String departement = value(record, headers, Column.DEPARTEMENT).toUpperCase(Locale.ROOT);
        String contactName = value(record, headers, Column.CONTACT_NAME);
        String email = value(record, headers, Column.CONTACT_EMAIL);
        if (name.isEmpty()) problems.add("territories.import.nameMissing");
        if (name.length() > 200) problems.add("territories.import.nameTooLong");
        TerritoryKind kind = kind(kindText).orElse(null);
        if (kind == null) problems.add("territories.import.kindUnknown");
        if (region.isEmpty()) problems.add("territories.import.regionMissing");
        if (!DEPARTEMENT.matcher(departement).matches()) problems.add("territories.import.departementInvalid");
        if (contactName.isEmpty()) problems.add("territories.import.contactMissing");
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) problems.add("territories.import.emailInvalid");
        return new Row(
                record.getParser().getCurrentLineNumber(),
                name,
                kind,
                region,
                departement,
                contactName,
                email,
                List.copyOf(problems));
    }

    /** A kind given by its code (PLIE, MAISON_EMPLOI…) or loosely by its name ("Maison de l'Emploi"). */
    static Optional<TerritoryKind> kind(String text) {
        String key = plain(text).replaceAll("[^a-z]", "");
        for (TerritoryKind kind : TerritoryKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)) return Optional.of(kind);
        }
        Map<String, TerritoryKind> names = Map.of(
                "maisondelemploi", TerritoryKind.MAISON_EMPLOI,
                "communautedagglomeration", TerritoryKind.AGGLOMERATION,
                "communautedecommunes", TerritoryKind.COMMUNAUTE_COMMUNES);
        return Optional.ofNullable(names.get(key));
    }

    private static String value(CSVRecord record, Map<Column, String> headers, Column column) {
        String header = headers.get(column);
        return record.isMapped(header) && record.isSet(header)
                ? record.get(header).strip()
                : "";
    }

    private static String plain(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
