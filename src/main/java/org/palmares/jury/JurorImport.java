package org.palmares.jury;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.palmares.platform.CsvTable;
import org.palmares.platform.EmailAddress;

/**
 * Reads a CSV file of juror invitations: e-mail and name, and optionally région, capacity, expertise (category codes),
 * organisation, panel and affiliations (territory names). Several values in one cell are separated by {@code |}.
 * Each row comes back with what is wrong with it, so the good rows are invited and the bad ones reported.
 */
public final class JurorImport {
    enum Column implements CsvTable.Column {
        EMAIL(true, "email", "e-mail", "courriel", "mail", "adresse"),
        NAME(true, "nom", "name", "juror", "jure", "prenom nom"),
        REGION(false, "region"),
        CAPACITY(false, "capacite", "capacity", "dossiers"),
        EXPERTISE(false, "expertise", "categories", "expertises"),
        ORGANISATION(false, "organisation", "organization", "structure"),
        PANEL(false, "jury", "panel", "groupe"),
        AFFILIATIONS(false, "affiliations", "territoires", "territories", "liens");

        private final boolean required;
        private final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    private static final Pattern SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    public static final int MAX_ROWS = 500;
    static final int DEFAULT_CAPACITY = 10;

    private JurorImport() {}

    /** One row: its values, split and checked, and the message keys of what is wrong with it. */
    public record Row(
            long line,
            String email,
            String name,
            String region,
            int capacity,
            List<String> expertise,
            String organisation,
            String panel,
            List<String> affiliations,
            List<String> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    public static List<Row> read(String text) throws CsvTable.Unreadable {
        return CsvTable.read(text, Column.class, MAX_ROWS).stream()
                .map(JurorImport::row)
                .toList();
    }

    private static Row row(CsvTable.Row<Column> row) {
        List<String> problems = new ArrayList<>();
        String email = row.get(Column.EMAIL);
        if (!EmailAddress.isPlain(email)) problems.add("jurors.import.emailInvalid");
        String name = row.get(Column.NAME);
        if (name.isEmpty() || name.length() > 200) problems.add("jurors.import.nameMissing");
        int capacity = DEFAULT_CAPACITY;
        String capacityText = row.get(Column.CAPACITY);
        if (!capacityText.isEmpty()) {
            try {
                capacity = Integer.parseInt(capacityText);
            } catch (NumberFormatException e) {
                capacity = -1;
            }
            if (capacity < 0 || capacity > 200) problems.add("jurors.import.capacityInvalid");
        }
        return new Row(
                row.line(),
                email,
                name,
                row.get(Column.REGION),
                capacity,
                list(row.get(Column.EXPERTISE)).stream()
                        .map(code -> code.toUpperCase(Locale.ROOT))
                        .toList(),
                row.get(Column.ORGANISATION),
                row.get(Column.PANEL),
                list(row.get(Column.AFFILIATIONS)),
                List.copyOf(problems));
    }

    private static List<String> list(String cell) {
        return cell.isBlank()
                ? List.of()
                : Arrays.stream(SEPARATOR.split(cell.strip()))
                        .filter(s -> !s.isBlank())
                        .toList();
    }
}
