package org.palmares.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.palmares.platform.Messages;

class PhaseMatrixTest {
    static final Path FILE = Path.of("docs/phase-matrix.md");

    /** One row of the documented table: an action and the phases it says allow it. */
    record Row(String action, Set<Phase> allowed) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Phase> columns = null;
        for (String line : Files.readAllLines(FILE)) {
            if (!line.startsWith("|")) {
                if (columns != null && !rows.isEmpty()) break;
                continue;
            }
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::trim)
                    .toList();
            if (cells.get(0).equals("action")) {
                columns = cells.subList(3, cells.size()).stream()
                        .map(Phase::valueOf)
                        .toList();
                continue;
            }
            if (columns == null || cells.get(0).startsWith("---")) continue;
            Set<Phase> allowed = EnumSet.noneOf(Phase.class);
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells.get(3 + i);
                if (cell.equals("yes")) allowed.add(columns.get(i));
                else if (!cell.equals("—")) throw new IllegalStateException(FILE + ": '" + cell + "' in " + line);
            }
            rows.add(new Row(cells.get(0), allowed));
        }
        return rows;
    }

    @Test
    void the_documented_table_has_every_phase_as_a_column_in_order() throws IOException {
        String header = Files.readAllLines(FILE).stream()
                .filter(l -> l.startsWith("| action |"))
                .findFirst()
                .orElseThrow();
        for (Phase p : Phase.values()) assertTrue(header.contains("| " + p.name() + " "), p + " column");
    }

    @Test
    void every_action_of_the_code_is_in_the_documented_phase_matrix_with_the_same_phases() throws IOException {
        List<Row> rows = rows();
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            documented.add(row.action());
            EditionAction action;
            try {
                action = EditionAction.valueOf(row.action());
            } catch (IllegalArgumentException unknown) {
                wrong.add(row.action() + " is documented but is no EditionAction");
                continue;
            }
            if (!action.phases().equals(row.allowed())) {
                wrong.add(row.action() + ": the code allows " + action.phases() + ", the table " + row.allowed());
            }
        }
        for (EditionAction a : EditionAction.values()) {
            if (!documented.contains(a.name())) wrong.add(a + " is missing from " + FILE);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(EditionAction.values().length, rows.size(), "one row per action");
    }

    @Test
    void every_action_has_a_name_in_both_languages_and_a_refusal_says_which_phases_allow_it() {
        for (EditionAction a : EditionAction.values()) {
            for (var locale : List.of(java.util.Locale.FRENCH, java.util.Locale.ENGLISH)) {
                String name = Messages.get(locale, a.messageKey());
                assertTrue(!name.equals(a.messageKey()), a + " has no name in " + locale);
            }
        }
        var refusal = new PhaseClosed(EditionAction.DELIBERATION_DECISION, Phase.NOMINATIONS_OPEN);
        assertEquals(409, refusal.status());
        assertEquals(
                "« Figer le classement, décider ou valider un prix » n’est pas possible pendant la phase « Candidatures"
                        + " ouvertes » de l’édition ; seulement en : Délibération, Cérémonie, Palmarès publié.",
                Messages.get(java.util.Locale.FRENCH, refusal.messageKey(), refusal.arguments()));
        assertEquals(
                "\"Vote for the audience award\" is not possible while the edition is in the \"Winners published\""
                        + " phase; only in: Nominations open, Screening, Scoring, Deliberation, Ceremony.",
                Messages.get(
                        java.util.Locale.ENGLISH,
                        "phase.closed",
                        new PhaseClosed(EditionAction.PUBLIC_VOTE, Phase.PUBLISHED).arguments()));
    }

    @Test
    void only_archived_editions_can_be_anonymised_and_nothing_else_changes_an_archive() {
        for (EditionAction a : EditionAction.values()) {
            assertEquals(a == EditionAction.ANONYMISATION, a.allowedIn(Phase.ARCHIVED), a.name());
        }
    }
}
