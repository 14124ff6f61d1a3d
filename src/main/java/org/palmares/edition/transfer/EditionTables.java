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

    /** One table: its rows of an edition ({@code where}, each {@code ?} is the edition id), its references. */
    public record Table(String name, boolean identity, String columns, String where, Map<String, String> references) {
        public int parameters() {
            return (int) where.chars().filter(c -> c == '?').count();
        }

        public String select() {
            return "SELECT " + columns + " FROM " + name + " WHERE " + where + (identity ? " ORDER BY id" : "");
        }
    }

    static final String CATEGORIES = "SELECT id FROM category WHERE edition_id = ?";
    static final String NOMINATIONS =
            "SELECT n.id FROM nomination n JOIN category c ON n.category_id = c.id WHERE c.edition_id = ?";
    static final String JURORS = "SELECT id FROM juror WHERE edition_id = ?";
    static final String TERRITORIES =
            "SELECT t.id FROM territory t WHERE t.id IN (SELECT n.territory_id FROM nomination n"
                    + " JOIN category c ON n.category_id = c.id WHERE c.edition_id = ?) OR t.id IN (SELECT a.territory_id"
                    + " FROM juror_affiliation a JOIN juror j ON a.juror_id = j.id WHERE j.edition_id = ?) OR t.id IN ("
                    + "SELECT f.territory_id FROM conflict f JOIN juror j ON f.juror_id = j.id WHERE j.edition_id = ?)";
    static final String MEMBERS = "SELECT account_id FROM territory_member WHERE territory_id IN (" + TERRITORIES + ")";
    static final String ACCOUNTS_OF_THE_EDITION = "id IN (SELECT account_id FROM juror WHERE edition_id = ?)"
            + " OR id IN (SELECT uploaded_by FROM attachment WHERE nomination_id IN (" + NOMINATIONS + "))"
            + " OR id IN (SELECT created_by FROM conflict WHERE juror_id IN (" + JURORS + "))"
            + " OR id IN (SELECT signed_off_by FROM decision WHERE category_id IN (" + CATEGORIES + "))";

    /** The accounts whose e-mail an export may hold: no role other than these is ever given by an import. */
    public static final Set<String> IMPORTED_ROLES = Set.of("JUROR", "TERRITORY");

    /**
     * The tables of an edition in insertion order. An anonymised edition leaves its territories' members out: they
     * are the territories' people, not the edition's, and the anonymised copy must not name anyone.
     */
    public static List<Table> all(boolean withMembers) {
        String accounts =
                withMembers ? ACCOUNTS_OF_THE_EDITION + " OR id IN (" + MEMBERS + ")" : ACCOUNTS_OF_THE_EDITION;
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("edition", true, "*", "id = ?", Map.of()));
        tables.add(new Table("category", true, "*", "edition_id = ?", Map.of("edition_id", "edition")));
        tables.add(new Table(
                "criterion", true, "*", "category_id IN (" + CATEGORIES + ")", Map.of("category_id", "category")));
        tables.add(new Table(
                "criterion_anchor",
                false,
                "*",
                "criterion_id IN (SELECT r.id FROM criterion r JOIN category c ON r.category_id = c.id"
                        + " WHERE c.edition_id = ?)",
                Map.of("criterion_id", "criterion")));
        tables.add(new Table(
                "question", true, "*", "category_id IN (" + CATEGORIES + ")", Map.of("category_id", "category")));
        tables.add(new Table(
                "reference_counter",
                false,
                "*",
                "category_id IN (" + CATEGORIES + ")",
                Map.of("category_id", "category")));
        tables.add(new Table("territory", true, "*", "id IN (" + TERRITORIES + ")", Map.of()));
        tables.add(new Table("account", true, "id, email, display_name, locale", accounts, Map.of()));
        tables.add(new Table(
                "account_role",
                false,
                "*",
                "account_id IN (SELECT id FROM account WHERE " + accounts + ")",
                Map.of("account_id", "account")));
        if (withMembers) {
            tables.add(new Table(
                    "territory_member",
                    false,
                    "*",
                    "territory_id IN (" + TERRITORIES + ")",
                    Map.of("territory_id", "territory", "account_id", "account")));
        }
        tables.add(new Table(
                "nomination",
                true,
                "*",
                "category_id IN (" + CATEGORIES + ")",
                Map.of("category_id", "category", "territory_id", "territory")));
        tables.add(new Table(
                "answer",
                true,
                "*",
                "nomination_id IN (" + NOMINATIONS + ")",
                Map.of("nomination_id", "nomination", "question_id", "question")));
        tables.add(new Table(
                "attachment",
                true,
                "*",
                "nomination_id IN (" + NOMINATIONS + ")",
                Map.of("nomination_id", "nomination", "uploaded_by", "account")));
        tables.add(new Table(
                "juror", true, "*", "edition_id = ?", Map.of("edition_id", "edition", "account_id", "account")));
        tables.add(new Table(
                "juror_expertise",
                false,
                "*",
                "juror_id IN (" + JURORS + ")",
                Map.of("juror_id", "juror", "category_id", "category")));
        tables.add(new Table(
                "juror_affiliation",
                false,
                "*",
                "juror_id IN (" + JURORS + ")",
                Map.of("juror_id", "juror", "territory_id", "territory")));
        tables.add(new Table(
                "conflict",
                true,
                "*",
                "juror_id IN (" + JURORS + ")",
                Map.of(
                        "juror_id", "juror",
                        "territory_id", "territory",
                        "nomination_id", "nomination",
                        "created_by", "account")));
        tables.add(new Table(
                "assignment",
                true,
                "*",
                "juror_id IN (" + JURORS + ")",
                Map.of("juror_id", "juror", "nomination_id", "nomination")));
        String assignments = "SELECT id FROM assignment WHERE juror_id IN (" + JURORS + ")";
        tables.add(new Table(
                "score_sheet",
                true,
                "*",
                "assignment_id IN (" + assignments + ")",
                Map.of("assignment_id", "assignment")));
        String sheets = "SELECT id FROM score_sheet WHERE assignment_id IN (" + assignments + ")";
        tables.add(new Table(
                "score",
                true,
                "*",
                "sheet_id IN (" + sheets + ")",
                Map.of("sheet_id", "score_sheet", "criterion_id", "criterion")));
        tables.add(new Table(
                "score_sheet_revision", true, "*", "sheet_id IN (" + sheets + ")", Map.of("sheet_id", "score_sheet")));
        tables.add(new Table(
                "result",
                true,
                "*",
                "category_id IN (" + CATEGORIES + ")",
                Map.of("category_id", "category", "nomination_id", "nomination")));
        tables.add(new Table(
                "decision",
                true,
                "*",
                "category_id IN (" + CATEGORIES + ")",
                Map.of("category_id", "category", "signed_off_by", "account")));
        String decisions = "SELECT id FROM decision WHERE category_id IN (" + CATEGORIES + ")";
        for (String list : List.of("decision_winner", "decision_mention")) {
            tables.add(new Table(
                    list,
                    false,
                    "*",
                    "decision_id IN (" + decisions + ")",
                    Map.of("decision_id", "decision", "nomination_id", "nomination")));
        }
        tables.add(new Table(
                "public_vote",
                true,
                "id, category_id, nomination_id, voter_hash, voter_domain, created_at, verified_at, voided, void_reason",
                "category_id IN (" + CATEGORIES + ")",
                Map.of("category_id", "category", "nomination_id", "nomination")));
        for (String perEdition :
                List.of("assignment_settings", "tally_policy", "publication_notice", "palmares_venue")) {
            tables.add(new Table(perEdition, true, "*", "edition_id = ?", Map.of("edition_id", "edition")));
        }
        for (String perCategory : List.of("scoring_freeze", "category_result", "vote_window", "publication")) {
            tables.add(new Table(
                    perCategory, true, "*", "category_id IN (" + CATEGORIES + ")", Map.of("category_id", "category")));
        }
        tables.add(new Table("ceremony", true, "*", "edition_id = ?", Map.of("edition_id", "edition")));
        tables.add(new Table(
                "run_of_show_item",
                true,
                "*",
                "ceremony_id IN (SELECT id FROM ceremony WHERE edition_id = ?)",
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
