package org.palmares.edition.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables an edition is made of, in the order they can be inserted (a row's references come before it), with the
 * rows of one edition each holds and the columns that point at other tables. The export writes them in this order,
 * the import reads them back in it and remaps every id.
 *
 * <p>Left out on purpose: secrets (password hashes, tokens, ballot codes), what is not the edition's (outbox, job
 * claims, jury guides, join requests), the raw log of assignment runs (its pairs are ids of the old database), and
 * voters' addresses (public votes keep only their hashed voter).
 */
public final class EditionTables {
    private EditionTables() {}

    /**
     * One table: its rows of an edition — the table is {@code x}, {@code joins} lead to the edition, {@code where}
     * picks it (each {@code ?} is the edition id) — and its references. Joins, not nested IN subqueries: Derby
     * runs those once per row (27 s for the scores of the demo edition, against milliseconds).
     */
    public record Table(
            String name, boolean identity, String columns, String joins, String where, Map<String, String> references) {
        Table(String name, boolean identity, String columns, String where, Map<String, String> references) {
            this(name, identity, columns, "", where, references);
        }

        public int parameters() {
            return (int) (joins + where).chars().filter(c -> c == '?').count();
        }

        public String select() {
            return "SELECT " + columns + " FROM " + name + " x" + (joins.isEmpty() ? "" : " " + joins) + " WHERE "
                    + where + (identity ? " ORDER BY x.id" : "");
        }
    }

    static final String TO_CATEGORY = "JOIN category c ON x.category_id = c.id";
    static final String TO_NOMINATION =
            "JOIN nomination n ON x.nomination_id = n.id JOIN category c ON n.category_id = c.id";
    static final String TO_JUROR = "JOIN juror j ON x.juror_id = j.id";
    static final String TO_SHEET =
            "JOIN score_sheet s ON x.sheet_id = s.id JOIN assignment a ON s.assignment_id = a.id "
                    + TO_JUROR.replace("x.", "a.");

    static final String CATEGORIES = "SELECT id FROM category WHERE edition_id = ?";
    static final String NOMINATIONS =
            "SELECT n.id FROM nomination n JOIN category c ON n.category_id = c.id WHERE c.edition_id = ?";
    static final String JURORS = "SELECT id FROM juror WHERE edition_id = ?";
    /** The territories taking part: with a nomination, or named by a juror's affiliation or conflict. */
    static final String TERRITORIES = "SELECT n.territory_id FROM nomination n JOIN category c ON n.category_id = c.id"
            + " WHERE c.edition_id = ? UNION SELECT a.territory_id FROM juror_affiliation a JOIN juror j"
            + " ON a.juror_id = j.id WHERE j.edition_id = ? UNION SELECT f.territory_id FROM conflict f JOIN juror j"
            + " ON f.juror_id = j.id WHERE j.edition_id = ? AND f.territory_id IS NOT NULL";

    static final String MEMBERS =
            "SELECT m.account_id FROM territory_member m WHERE m.territory_id IN (" + TERRITORIES + ")";
    static final String ACCOUNTS_OF_THE_EDITION = "SELECT account_id FROM juror WHERE edition_id = ?"
            + " UNION SELECT u.uploaded_by FROM attachment u JOIN nomination n ON u.nomination_id = n.id"
            + " JOIN category c ON n.category_id = c.id WHERE c.edition_id = ? AND u.uploaded_by IS NOT NULL"
            + " UNION SELECT f.created_by FROM conflict f JOIN juror j ON f.juror_id = j.id WHERE j.edition_id = ?"
            + " AND f.created_by IS NOT NULL"
            + " UNION SELECT d.signed_off_by FROM decision d JOIN category c ON d.category_id = c.id"
            + " WHERE c.edition_id = ? AND d.signed_off_by IS NOT NULL";

    /** Joins a table to a set of ids given as a query (a derived table: Derby runs it once, not once per row). */
    static String joinIds(String column, String ids) {
        return "JOIN (" + ids + ") ids(id) ON x." + column + " = ids.id";
    }

    /** The accounts whose e-mail an export may hold: no role other than these is ever given by an import. */
    public static final Set<String> IMPORTED_ROLES = Set.of("JUROR", "TERRITORY");

    /**
     * The tables of an edition in insertion order. An anonymised edition leaves its territories' members out: they
     * are the territories' people, not the edition's, and the anonymised copy must not name anyone.
     */
    public static List<Table> all(boolean withMembers) {
        String accounts = withMembers ? ACCOUNTS_OF_THE_EDITION + " UNION " + MEMBERS : ACCOUNTS_OF_THE_EDITION;
        String byCategory = "c.edition_id = ?";
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("edition", true, "x.*", "x.id = ?", Map.of()));
        tables.add(new Table("category", true, "x.*", "x.edition_id = ?", Map.of("edition_id", "edition")));
        tables.add(new Table("criterion", true, "x.*", TO_CATEGORY, byCategory, Map.of("category_id", "category")));
        tables.add(new Table(
                "criterion_anchor",
                false,
                "x.*",
                "JOIN criterion r ON x.criterion_id = r.id JOIN category c ON r.category_id = c.id",
                byCategory,
                Map.of("criterion_id", "criterion")));
        tables.add(new Table("question", true, "x.*", TO_CATEGORY, byCategory, Map.of("category_id", "category")));
        tables.add(new Table(
                "reference_counter", false, "x.*", TO_CATEGORY, byCategory, Map.of("category_id", "category")));
        tables.add(new Table("territory", true, "x.*", joinIds("id", TERRITORIES), "1 = 1", Map.of()));
        tables.add(new Table(
                "account",
                true,
                "x.id, x.email, x.display_name, x.locale",
                joinIds("id", accounts),
                "1 = 1",
                Map.of()));
        tables.add(new Table(
                "account_role",
                false,
                "x.*",
                joinIds("account_id", accounts),
                "1 = 1",
                Map.of("account_id", "account")));
        if (withMembers) {
            tables.add(new Table(
                    "territory_member",
                    false,
                    "x.*",
                    joinIds("territory_id", TERRITORIES),
                    "1 = 1",
                    Map.of("territory_id", "territory", "account_id", "account")));
        }
        tables.add(new Table(
                "nomination",
                true,
                "x.*",
                TO_CATEGORY,
                byCategory,
                Map.of("category_id", "category", "territory_id", "territory")));
        tables.add(new Table(
                "answer",
                true,
                "x.*",
                TO_NOMINATION,
                byCategory,
                Map.of("nomination_id", "nomination", "question_id", "question")));
        tables.add(new Table(
                "attachment",
                true,
                "x.*",
                TO_NOMINATION,
                byCategory,
                Map.of("nomination_id", "nomination", "uploaded_by", "account")));
        tables.add(new Table(
                "juror", true, "x.*", "x.edition_id = ?", Map.of("edition_id", "edition", "account_id", "account")));
        String byJuror = "j.edition_id = ?";
        tables.add(new Table(
                "juror_expertise",
                false,
                "x.*",
                TO_JUROR,
                byJuror,
                Map.of("juror_id", "juror", "category_id", "category")));
        tables.add(new Table(
                "juror_affiliation",
                false,
                "x.*",
                TO_JUROR,
                byJuror,
                Map.of("juror_id", "juror", "territory_id", "territory")));
        tables.add(new Table(
                "conflict",
                true,
                "x.*",
                TO_JUROR,
                byJuror,
                Map.of(
                        "juror_id", "juror",
                        "territory_id", "territory",
                        "nomination_id", "nomination",
                        "created_by", "account")));
        tables.add(new Table(
                "assignment",
                true,
                "x.*",
                TO_JUROR,
                byJuror,
                Map.of("juror_id", "juror", "nomination_id", "nomination")));
        tables.add(new Table(
                "score_sheet",
                true,
                "x.*",
                "JOIN assignment a ON x.assignment_id = a.id JOIN juror j ON a.juror_id = j.id",
                byJuror,
                Map.of("assignment_id", "assignment")));
        tables.add(new Table(
                "score",
                true,
                "x.*",
                TO_SHEET,
                byJuror,
                Map.of("sheet_id", "score_sheet", "criterion_id", "criterion")));
        tables.add(
                new Table("score_sheet_revision", true, "x.*", TO_SHEET, byJuror, Map.of("sheet_id", "score_sheet")));
        tables.add(new Table(
                "result",
                true,
                "x.*",
                TO_CATEGORY,
                byCategory,
                Map.of("category_id", "category", "nomination_id", "nomination")));
        tables.add(new Table(
                "decision",
                true,
                "x.*",
                TO_CATEGORY,
                byCategory,
                Map.of("category_id", "category", "signed_off_by", "account")));
        for (String list : List.of("decision_winner", "decision_mention")) {
            tables.add(new Table(
                    list,
                    false,
                    "x.*",
                    "JOIN decision d ON x.decision_id = d.id JOIN category c ON d.category_id = c.id",
                    byCategory,
                    Map.of("decision_id", "decision", "nomination_id", "nomination")));
        }
        tables.add(new Table(
                "public_vote",
                true,
                "x.id, x.category_id, x.nomination_id, x.voter_hash, x.voter_domain, x.created_at, x.verified_at,"
                        + " x.voided, x.void_reason",
                TO_CATEGORY,
                byCategory,
                Map.of("category_id", "category", "nomination_id", "nomination")));
        for (String perEdition :
                List.of("assignment_settings", "tally_policy", "publication_notice", "palmares_venue")) {
            tables.add(new Table(perEdition, true, "x.*", "x.edition_id = ?", Map.of("edition_id", "edition")));
        }
        for (String perCategory : List.of("scoring_freeze", "category_result", "vote_window", "publication")) {
            tables.add(new Table(perCategory, true, "x.*", TO_CATEGORY, byCategory, Map.of("category_id", "category")));
        }
        tables.add(new Table("ceremony", true, "x.*", "x.edition_id = ?", Map.of("edition_id", "edition")));
        tables.add(new Table(
                "run_of_show_item",
                true,
                "x.*",
                "JOIN ceremony e ON x.ceremony_id = e.id",
                "e.edition_id = ?",
                Map.of("ceremony_id", "ceremony", "category_id", "category")));
        return List.copyOf(tables);
    }

    /** The names of every table an edition file may hold, for checking one that comes in. */
    public static Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        all(true).forEach(t -> names.add(t.name()));
        return names;
    }
}
