package org.palmares.edition.transfer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.palmares.account.Role;
import org.palmares.edition.EditionAction;
import org.palmares.edition.Phase;
import org.palmares.edition.PhaseClosed;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/**
 * Anonymises an archived edition for good: the people of the edition become "Juré 3", "Membre 2"; the palmarès
 * (winners, territories as organisations, titles, summaries, scores) stays as it was.
 *
 * <p>A juror's account that serves only this edition is renamed in place (e-mail, name, password, tokens gone). One
 * that someone still uses elsewhere — a juror of another edition not anonymised, a territory member, an organiser —
 * is kept, and this edition's juror is moved to a new pseudonymous account: the other editions keep their person,
 * this one no longer names them. Territory members are renamed only when their territory took part in no other
 * edition. Organisers stay named where they signed (decisions, freezes, publication): they act as officials.
 */
@ApplicationScoped
public class EditionAnonymisation {
    static final String DOMAIN = "@anonymised.invalid";
    private static final Set<String> EDITION_OBJECTS = Set.of(
            "Edition",
            "Category",
            "Criterion",
            "Question",
            "Nomination",
            "Juror",
            "Assignment",
            "ScoreSheet",
            "Ceremony",
            "RunOfShowItem");

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** What the anonymisation changed. */
    public record Outcome(String code, int jurors, int members, int votes, int auditEvents, int mails) {}

    @Transactional
    public Outcome anonymise(String code, String reason) {
        access.require(Role.ORGANISER);
        try (Connection c = dataSource.getConnection()) {
            long edition;
            try (PreparedStatement s =
                    c.prepareStatement("SELECT id, phase, anonymised_at FROM edition WHERE code = ?")) {
                s.setString(1, code == null ? "" : code.strip());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) throw DomainException.notFound("edition");
                    edition = r.getLong(1);
                    Phase phase = Phase.valueOf(r.getString(2));
                    if (!EditionAction.ANONYMISATION.allowedIn(phase)) {
                        throw new PhaseClosed(EditionAction.ANONYMISATION, phase);
                    }
                    if (r.getTimestamp(3) != null) throw DomainException.conflict("transfer.anonymise.already");
                }
            }
            if (reason == null || reason.isBlank()) {
                throw DomainException.invalid("transfer.anonymise.reason.required");
            }
            String why = reason.strip().length() <= 1000
                    ? reason.strip()
                    : reason.strip().substring(0, 1000);
            Timestamp now = Timestamp.from(clock.instant());
            // e-mail (lower case) → pseudonym, for the texts that name people (snapshots, audit states).
            Map<String, String> pseudonyms = new HashMap<>();
            Set<String> renamedInPlace = new HashSet<>();
            int jurors = anonymiseJurors(c, edition, now, pseudonyms, renamedInPlace);
            int members = anonymiseMembers(c, edition, pseudonyms, renamedInPlace);
            String nominations = "nomination_id IN (" + EditionTables.NOMINATIONS + ")";
            update(c, "UPDATE attachment SET uploaded_by = NULL WHERE " + nominations, edition);
            update(
                    c,
                    "UPDATE conflict SET created_by = NULL, reason = NULL WHERE juror_id IN (" + EditionTables.JURORS
                            + ")",
                    edition);
            update(c, "UPDATE juror SET organisation = NULL WHERE edition_id = ?", edition);
            snapshots(c, edition, pseudonyms);
            int events = auditEvents(c, edition, code.strip(), pseudonyms);
            int mails = mails(c, edition, renamedInPlace);
            int votes = votes(c, edition);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE edition SET anonymised_at = ?, anonymised_by = ?, anonymised_reason = ? WHERE id = ?")) {
                s.setTimestamp(1, now);
                s.setString(2, access.callerEmail().orElse("system"));
                s.setString(3, why);
                s.setLong(4, edition);
                s.executeUpdate();
            }
            audit.record(
                    "edition.anonymise",
                    "Edition",
                    code.strip(),
                    null,
                    why + " (" + jurors + " jurors, " + members + " members, " + votes + " votes)");
            return new Outcome(code.strip(), jurors, members, votes, events, mails);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot anonymise the edition", e);
        }
    }

    private int anonymiseJurors(
            Connection c, long edition, Timestamp now, Map<String, String> pseudonyms, Set<String> renamedInPlace)
            throws SQLException {
        Map<Long, long[]> jurors = new LinkedHashMap<>(); // juror id → {account id}
        Map<Long, String> emails = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT j.id, a.id, a.email FROM juror j JOIN account a ON"
                + " j.account_id = a.id WHERE j.edition_id = ? ORDER BY j.id")) {
            s.setLong(1, edition);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    jurors.put(r.getLong(1), new long[] {r.getLong(2)});
                    emails.put(r.getLong(2), r.getString(3));
                }
            }
        }
        int n = 0;
        for (Map.Entry<Long, long[]> juror : jurors.entrySet()) {
            n++;
            long account = juror.getValue()[0];
            String name = Pseudonyms.juror(n);
            String email = Pseudonyms.email("juror", n, edition);
            pseudonyms.put(emails.get(account).toLowerCase(Locale.ROOT), name);
            if (usedElsewhere(c, account, edition)) {
                long replacement = createAccount(c, email, name, now);
                update(c, "UPDATE juror SET account_id = " + replacement + " WHERE id = ?", juror.getKey());
            } else {
                renameInPlace(c, account, email, name);
                renamedInPlace.add(emails.get(account).toLowerCase(Locale.ROOT));
            }
        }
        return n;
    }

    private int anonymiseMembers(Connection c, long edition, Map<String, String> pseudonyms, Set<String> renamedInPlace)
            throws SQLException {
        // Territories of this edition that took part in no other: their members belong to this edition only.
        String only = "SELECT m.account_id, a.email FROM territory_member m JOIN account a ON m.account_id = a.id"
                + " WHERE m.territory_id IN (" + EditionTables.TERRITORIES + ") AND m.territory_id NOT IN ("
                + "SELECT n.territory_id FROM nomination n JOIN category c ON n.category_id = c.id"
                + " WHERE c.edition_id <> ?) ORDER BY m.account_id";
        List<long[]> members = new ArrayList<>();
        Map<Long, String> emails = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(only)) {
            for (int i = 1; i <= 4; i++) s.setLong(i, edition);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    members.add(new long[] {r.getLong(1)});
                    emails.put(r.getLong(1), r.getString(2));
                }
            }
        }
        int n = 0;
        for (long[] member : members) {
            long account = member[0];
            if (isJurorElsewhere(c, account, edition) || isOrganiser(c, account)) continue;
            n++;
            String name = Pseudonyms.member(n);
            pseudonyms.put(emails.get(account).toLowerCase(Locale.ROOT), name);
            renamedInPlace.add(emails.get(account).toLowerCase(Locale.ROOT));
            renameInPlace(c, account, Pseudonyms.email("member", n, edition), name);
        }
        return n;
    }

    private static boolean usedElsewhere(Connection c, long account, long edition) throws SQLException {
        return isJurorElsewhere(c, account, edition)
                || exists(c, "SELECT 1 FROM territory_member WHERE account_id = ?", account)
                || isOrganiser(c, account);
    }

    private static boolean isJurorElsewhere(Connection c, long account, long edition) throws SQLException {
        return exists(
                c,
                "SELECT 1 FROM juror j JOIN edition e ON j.edition_id = e.id WHERE j.account_id = ? AND e.id <> "
                        + edition + " AND e.anonymised_at IS NULL",
                account);
    }

    private static boolean isOrganiser(Connection c, long account) throws SQLException {
        return exists(c, "SELECT 1 FROM account_role WHERE account_id = ? AND role = 'ORGANISER'", account);
    }

    private static boolean exists(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long createAccount(Connection c, String email, String name, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO account (email, display_name, enabled, failed_logins, created_at, version)"
                        + " VALUES (?, ?, ?, 0, ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, email);
            s.setString(2, name);
            s.setBoolean(3, false);
            s.setTimestamp(4, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void renameInPlace(Connection c, long account, String email, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE account SET email = ?, display_name = ?, password_hash ="
                + " NULL, locale = NULL, enabled = ?, last_login_at = NULL, version = version + 1 WHERE id = ?")) {
            s.setString(1, email);
            s.setString(2, name);
            s.setBoolean(3, false);
            s.setLong(4, account);
            s.executeUpdate();
        }
        update(c, "DELETE FROM account_token WHERE account_id = ?", account);
        update(
                c,
                "UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE owner_id = ? AND revoked_at IS NULL",
                account);
    }

    private static void snapshots(Connection c, long edition, Map<String, String> pseudonyms) throws SQLException {
        String sql = "SELECT r.id, r.snapshot FROM score_sheet_revision r WHERE r.sheet_id IN (SELECT s.id FROM"
                + " score_sheet s JOIN assignment a ON s.assignment_id = a.id JOIN juror j ON a.juror_id = j.id"
                + " WHERE j.edition_id = ?)";
        Map<Long, String> changed = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, edition);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String before = r.getString(2);
                    String after = References.pseudonymiseSnapshot(before, pseudonyms);
                    if (!after.equals(before)) changed.put(r.getLong(1), after);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE score_sheet_revision SET snapshot = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : changed.entrySet()) {
                s.setString(1, e.getValue());
                s.setLong(2, e.getKey());
                s.addBatch();
            }
            if (!changed.isEmpty()) s.executeBatch();
        }
    }

    /** Audit events about this edition's objects no longer name its people, as actors or in their states. */
    private static int auditEvents(Connection c, long edition, String code, Map<String, String> pseudonyms)
            throws SQLException {
        Set<String> objects = editionObjects(c, edition, code);
        Map<Long, String[]> changed = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, actor, object_type, object_id, before_state,"
                + " after_state FROM audit_event WHERE object_type IN ('"
                + String.join("', '", EDITION_OBJECTS) + "')")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!objects.contains(r.getString(3) + ":" + r.getString(4))) continue;
                    String actor = r.getString(2);
                    String newActor =
                            pseudonyms.getOrDefault(actor == null ? "" : actor.toLowerCase(Locale.ROOT), actor);
                    String before = Pseudonyms.replaceEmails(r.getString(5), pseudonyms);
                    String after = Pseudonyms.replaceEmails(r.getString(6), pseudonyms);
                    if (!java.util.Objects.equals(newActor, actor)
                            || !java.util.Objects.equals(before, r.getString(5))
                            || !java.util.Objects.equals(after, r.getString(6))) {
                        changed.put(r.getLong(1), new String[] {newActor, before, after});
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE audit_event SET actor = ?, before_state = ?, after_state = ? WHERE id = ?")) {
            for (Map.Entry<Long, String[]> e : changed.entrySet()) {
                s.setString(1, e.getValue()[0]);
                s.setString(2, e.getValue()[1]);
                s.setString(3, e.getValue()[2]);
                s.setLong(4, e.getKey());
                s.addBatch();
            }
            if (!changed.isEmpty()) s.executeBatch();
        }
        return changed.size();
    }

    private static Set<String> editionObjects(Connection c, long edition, String code) throws SQLException {
        Set<String> objects = new HashSet<>();
        objects.add("Edition:" + edition);
        objects.add("Edition:" + code);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("Category", EditionTables.CATEGORIES);
        queries.put(
                "Criterion",
                "SELECT r.id FROM criterion r JOIN category c ON r.category_id = c.id WHERE c.edition_id = ?");
        queries.put(
                "Question",
                "SELECT q.id FROM question q JOIN category c ON q.category_id = c.id WHERE c.edition_id = ?");
        queries.put("Nomination", EditionTables.NOMINATIONS);
        queries.put("Juror", EditionTables.JURORS);
        queries.put("Assignment", "SELECT id FROM assignment WHERE juror_id IN (" + EditionTables.JURORS + ")");
        queries.put(
                "ScoreSheet",
                "SELECT s.id FROM score_sheet s JOIN assignment a ON s.assignment_id = a.id"
                        + " JOIN juror j ON a.juror_id = j.id WHERE j.edition_id = ?");
        queries.put("Ceremony", "SELECT id FROM ceremony WHERE edition_id = ?");
        queries.put(
                "RunOfShowItem",
                "SELECT r.id FROM run_of_show_item r JOIN ceremony c ON r.ceremony_id = c.id"
                        + " WHERE c.edition_id = ?");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            try (PreparedStatement s = c.prepareStatement(q.getValue())) {
                s.setLong(1, edition);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) objects.add(q.getKey() + ":" + r.getLong(1));
                }
            }
        }
        return objects;
    }

    /** Mails of the edition: the vote confirmations, and every mail to a person renamed in place. */
    private static int mails(Connection c, long edition, Set<String> renamedInPlace) throws SQLException {
        int deleted = 0;
        List<Long> ballotMails = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT mail_id FROM ballot WHERE mail_id IS NOT NULL AND"
                + " category_id IN (" + EditionTables.CATEGORIES + ")")) {
            s.setLong(1, edition);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) ballotMails.add(r.getLong(1));
            }
        }
        update(c, "UPDATE ballot SET mail_id = NULL WHERE category_id IN (" + EditionTables.CATEGORIES + ")", edition);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
            for (Long id : ballotMails) {
                s.setLong(1, id);
                deleted += s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox_message WHERE LOWER(recipient) = ?")) {
            for (String email : renamedInPlace) {
                s.setString(1, email);
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    /** Public votes keep their count and dates; the voter's hash, domain and address go. */
    private static int votes(Connection c, long edition) throws SQLException {
        String categories = "category_id IN (" + EditionTables.CATEGORIES + ")";
        int votes = 0;
        for (String table : List.of("public_vote", "ballot")) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + table + " WHERE " + categories)) {
                s.setLong(1, edition);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) ids.add(r.getLong(1));
                }
            }
            String set = table.equals("ballot")
                    ? "voter_hash = ?, token_hash = ?, code_hash = ?, voter_domain = NULL, ip_prefix = NULL"
                    : "voter_hash = ?, voter_domain = NULL, ip_prefix = NULL";
            int hashes = table.equals("ballot") ? 3 : 1;
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = ?")) {
                for (Long id : ids) {
                    for (int i = 1; i <= hashes; i++) s.setString(i, Pseudonyms.voter(table, id));
                    s.setLong(hashes + 1, id);
                    s.addBatch();
                }
                if (!ids.isEmpty()) s.executeBatch();
            }
            if (table.equals("public_vote")) votes = ids.size();
        }
        return votes;
    }

    private static int update(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            return s.executeUpdate();
        }
    }
}
