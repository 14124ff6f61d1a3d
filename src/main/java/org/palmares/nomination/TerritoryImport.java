package org.palmares.nomination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.palmares.platform.CsvTable;
import org.palmares.platform.EmailAddress;

/**
 * Reads a CSV file of territory invitations (one territory and its contact per row). Each row comes back with what is
 * wrong with it, so the organiser gets a report per row and the good rows are not held back by the bad ones.
 */
public final class TerritoryImport {
    /** The columns, and the header names (without accents, lower case) that mean them. */
    enum Column implements CsvTable.Column {
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

        @Override
        public List<String> names() {
            return names;
        }
    }

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

    public static List<Row> read(String text) throws CsvTable.Unreadable {
        return CsvTable.read(text, Column.class, MAX_ROWS).stream()
                .map(TerritoryImport::row)
                .toList();
    }

    private static Row row(CsvTable.Row<Column> row) {
        List<String> problems = new ArrayList<>();
        String name = row.get(Column.NAME);
        String departement = row.get(Column.DEPARTEMENT).toUpperCase(Locale.ROOT);
        String email = row.get(Column.CONTACT_EMAIL);
        if (name.isEmpty()) problems.add("territories.import.nameMissing");
        if (name.length() > 200) problems.add("territories.import.nameTooLong");
        TerritoryKind kind = kind(row.get(Column.KIND)).orElse(null);
        if (kind == null) problems.add("territories.import.kindUnknown");
        if (row.get(Column.REGION).isEmpty()) problems.add("territories.import.regionMissing");
        if (!DEPARTEMENT.matcher(departement).matches()) problems.add("territories.import.departementInvalid");
        if (row.get(Column.CONTACT_NAME).isEmpty()) problems.add("territories.import.contactMissing");
        if (!EmailAddress.isPlain(email)) problems.add("territories.import.emailInvalid");
        return new Row(
                row.line(),
                name,
                kind,
                row.get(Column.REGION),
                departement,
                row.get(Column.CONTACT_NAME),
                email,
                List.copyOf(problems));
    }

    /** A kind given by its code (PLIE, MAISON_EMPLOI…) or loosely by its name ("Maison de l'Emploi"). */
    static Optional<TerritoryKind> kind(String text) {
        String key = CsvTable.plain(text).replaceAll("[^a-z]", "");
        for (TerritoryKind kind : TerritoryKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)) return Optional.of(kind);
        }
        Map<String, TerritoryKind> names = Map.of(
                "maisondelemploi", TerritoryKind.MAISON_EMPLOI,
                "communautedagglomeration", TerritoryKind.AGGLOMERATION,
                "communautedecommunes", TerritoryKind.COMMUNAUTE_COMMUNES);
        return Optional.ofNullable(names.get(key));
    }
}
