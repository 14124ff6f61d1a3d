package org.palmares.tally;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.PublicPagesChanged;
import org.palmares.scoring.ScoreSheet;
import org.palmares.scoring.SheetStatus;
import org.palmares.tally.LiveTally.Nominee;
import org.palmares.tally.TallyInput.CategorySpec;
import org.palmares.tally.TallyInput.CriterionSpec;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.Ranking;
import org.palmares.tally.TallyResult.Standing;

/**
 * Tallies an edition from the database on every call (nothing cached, so never stale): reads the submitted sheets of
 * current assignments that no conflict touches, runs {@link Tally}, and keeps the category states around it — method,
 * freeze with the sheets' fingerprint, decision, sign-off and reopening. Organisers only.
 */
@ApplicationScoped
public class TallyService {
    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    @Inject
    AuditLog audit;

    @Inject
    Event<PublicPagesChanged> publicPagesChanged;

    @Inject
    Clock clock;

    /** The edition given by its code (e.g. TC2019) or its numeric id. */
    public Edition edition(String codeOrId) {
        access.require(Role.ORGANISER);
        Optional<Edition> byCode = em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", codeOrId)
                .getResultStream()
                .findFirst();
        if (byCode.isPresent()) return byCode.get();
        if (codeOrId != null && codeOrId.matches("\\d{1,18}")) {
            Edition byId = em.find(Edition.class, Long.parseLong(codeOrId));
            if (byId != null) return byId;
        }
        throw DomainException.notFound("edition");
    }

    public Category category(long categoryId) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(Category.class, categoryId))
                .orElseThrow(() -> DomainException.notFound("category"));
    }

    /** The edition's tally settings (the defaults, not stored, until an organiser changes them). */
    public TallyPolicy policy(Edition edition) {
        access.require(Role.ORGANISER);
        return findPolicy(edition).orElseGet(() -> new TallyPolicy(edition));
    }

    private Optional<TallyPolicy> findPolicy(Edition edition) {
        return em.createQuery("select p from TallyPolicy p where p.edition = :e", TallyPolicy.class)
                .setParameter("e", edition)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public TallyPolicy savePolicy(long editionId, BigDecimal disagreement, List<TieBreak> chain, boolean showNames) {
        access.require(Role.ORGANISER);
        Edition edition = Optional.ofNullable(em.find(Edition.class, editionId))
                .orElseThrow(() -> DomainException.notFound("edition"));
        phases.require(edition, EditionAction.TALLY_SETTINGS);
        TallyPolicy policy = findPolicy(edition).orElseGet(() -> {
            var p = new TallyPolicy(edition);
            em.persist(p);
            return p;
        });
        String before = describe(policy);
        policy.change(disagreement, chain, showNames);
        audit.record("tally.policy", "Edition", edition.getId(), before, describe(policy));
        return policy;
    }

    private static String describe(TallyPolicy p) {
        return "disagreement=" + p.getDisagreementThreshold() + ", chain=" + p.chain() + ", names="
                + p.isShowJurorNames();
    }

    /** The live tally of the edition, computed now from the database. */
    public LiveTally live(Edition edition) {
        access.require(Role.ORGANISER);
        TallyPolicy policy = policy(edition);
        List<Category> categories = edition.getCategories().stream()
                .sorted(Comparator.comparingInt(Category::getPosition))
                .toList();
        Map<Long, Category> categoryById = new HashMap<>();
        Map<Long, Integer> criterionIndex = new HashMap<>();
        for (Category c : categories) {
            categoryById.put(c.getId(), c);
            List<Criterion> criteria = c.getCriteria();
            for (int i = 0; i < criteria.size(); i++)
                criterionIndex.put(criteria.get(i).getId(), i);
        }
        // Nominations that can be ranked: screened eligible, or submitted ones already scored.
        Map<Long, Nominee> candidates = new LinkedHashMap<>();
        Map<Long, Long> territoryOf = new HashMap<>();
        Set<Long> eligible = new HashSet<>();
        // Two plain queries rather than a join and a sort in the database (Derby probes the territory table once per
        // nomination and sorts the titles): every territory's name (a network has hundreds), then the nominations,
        // sorted here.
        Map<Long, String> territoryNames = new HashMap<>();
        for (Object[] row : em.createQuery("select t.id, t.name from Territory t", Object[].class)
                .getResultList()) {
            territoryNames.put((Long) row[0], (String) row[1]);
        }
        List<Object[]> nominations = new ArrayList<>(em.createQuery(
                        "select n.id, n.category.id, n.reference, n.title, n.territory.id, n.status from Nomination n "
                                + "where n.category.edition = :e and n.status in :statuses",
                        Object[].class)
                .setParameter("e", edition)
                .setParameter("statuses", List.of(NominationStatus.ELIGIBLE, NominationStatus.SUBMITTED))
                .getResultList());
        nominations.sort(
                Comparator.comparing((Object[] row) -> (String) row[2], Comparator.nullsLast(String::compareTo))
                        .thenComparing(row -> (Long) row[0]));
        for (Object[] row : nominations) {
            long id = (Long) row[0];
            long territory = (Long) row[4];
            candidates.put(
                    id,
                    new Nominee(id, (Long) row[1], (String) row[2], (String) row[3], territoryNames.get(territory)));
            territoryOf.put(id, territory);
            if (row[5] == NominationStatus.ELIGIBLE) eligible.add(id);
        }
        // Conflicts: a juror in conflict with a nomination or its territory does not count on it.
        Set<String> conflicts = new HashSet<>();
        for (Object[] row : em.createQuery(
                        "select c.juror.id, t.id, n.id from Conflict c left join c.territory t "
                                + "left join c.nomination n where c.juror.edition = :e",
                        Object[].class)
                .setParameter("e", edition)
                .getResultList()) {
            if (row[1] != null) conflicts.add(row[0] + "/t" + row[1]);
            if (row[2] != null) conflicts.add(row[0] + "/n" + row[2]);
        }
        // Plain queries paired here rather than one five-table join, each answered from an index of changeset 013:
        // the edition's current assignments (through its jurors), the submitted sheets, the edition's scores. At the
        // size of a national network they are 30,000, 30,000 and 150,000 rows: read with JDBC, as JPA would build a
        // result object for each row.
        Map<Long, long[]> assignments = new HashMap<>(); // assignment → juror, nomination
        read(
                "SELECT a.id, a.juror_id, a.nomination_id FROM assignment a JOIN juror j ON j.id = a.juror_id"
                        + " WHERE j.edition_id = ? AND a.recused = ?",
                List.of(edition.getId(), false),
                row -> {
                    long juror = row.getLong(2);
                    long nomination = row.getLong(3);
                    if (!candidates.containsKey(nomination)) return;
                    if (conflicts.contains(juror + "/n" + nomination)
                            || conflicts.contains(juror + "/t" + territoryOf.get(nomination))) return;
                    assignments.put(row.getLong(1), new long[] {juror, nomination});
                });
        Map<Long, long[]> header = new TreeMap<>(); // sheet → juror, nomination
        read(
                "SELECT id, assignment_id FROM score_sheet WHERE status = ?",
                List.of(SheetStatus.SUBMITTED.name()),
                row -> {
                    long[] assignment = assignments.get(row.getLong(2));
                    if (assignment != null) header.put(row.getLong(1), assignment);
                });
        Map<Long, int[]> values = new HashMap<>();
        Map<Long, Integer> filled = new HashMap<>();
        if (!criterionIndex.isEmpty()) {
            List<Object> criteria = List.copyOf(criterionIndex.keySet());
            read(
                    "SELECT sheet_id, criterion_id, score_value FROM score WHERE criterion_id IN ("
                            + String.join(",", Collections.nCopies(criteria.size(), "?"))
                            + ") AND score_value IS NOT NULL",
                    criteria,
                    row -> {
                        long sheetId = row.getLong(1);
                        long[] h = header.get(sheetId);
                        Integer index = criterionIndex.get(row.getLong(2));
                        if (h == null || index == null) return;
                        int size = categoryById
                                .get(candidates.get(h[1]).categoryId())
                                .getCriteria()
                                .size();
                        int[] v = values.computeIfAbsent(sheetId, k -> new int[size]);
                        v[index] = row.getInt(3);
                        filled.merge(sheetId, 1, Integer::sum);
                    });
        }
        List<Sheet> sheets = new ArrayList<>();
        Set<Long> scored = new HashSet<>();
        header.forEach((id, h) -> {
            int[] v = values.get(id);
            if (v == null) return;
            Category c = categoryById.get(candidates.get(h[1]).categoryId());
            // A sheet counts whole or not at all (a criterion added after it was submitted leaves it out).
            if (filled.get(id) != v.length) return;
            for (int i = 0; i < v.length; i++) {
                Criterion k = c.getCriteria().get(i);
                if (v[i] < k.getScaleMin() || v[i] > k.getScaleMax()) return;
            }
            sheets.add(new Sheet(id, h[0], h[1], v));
            scored.add(h[1]);
        });
        Map<Long, Nominee> nominees = new LinkedHashMap<>();
        candidates.forEach((id, n) -> {
            if (eligible.contains(id) || scored.contains(id)) nominees.put(id, n);
        });
        List<CategorySpec> specs = new ArrayList<>();
        for (Category c : categories) {
            List<CriterionSpec> criteria = c.getCriteria().stream()
                    .map(k -> new CriterionSpec(
                            k.getId(), k.getWeight(), k.getScaleMin(), k.getScaleMax(), k.getTieBreakPriority()))
                    .toList();
            List<Long> ids = nominees.values().stream()
                    .filter(n -> n.categoryId() == c.getId())
                    .map(Nominee::id)
                    .toList();
            specs.add(new CategorySpec(c.getId(), criteria, ids));
        }
        int required = edition.getReviewsPerNomination();
        var tally = Tally.compute(specs, sheets, policy.settings(required));
        Map<Long, String> jurorNames = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select j.id, j.account.displayName from Juror j where j.edition = :e", Object[].class)
                .setParameter("e", edition)
                .getResultList()) {
            jurorNames.put((Long) row[0], (String) row[1]);
        }
        Map<Long, CategoryResult> states = new HashMap<>();
        em.createQuery("select r from CategoryResult r where r.category.edition = :e", CategoryResult.class)
                .setParameter("e", edition)
                .getResultList()
                .forEach(r -> states.put(r.getCategory().getId(), r));
        Map<Long, Decision> decisions = new HashMap<>();
        em.createQuery("select d from Decision d where d.category.edition = :e", Decision.class)
                .setParameter("e", edition)
                .getResultList()
                .forEach(d -> decisions.put(d.getCategory().getId(), d));
        return new LiveTally(
                edition,
                policy,
                tally,
                categories,
                nominees,
                jurorNames,
                List.copyOf(sheets),
                states,
                fingerprints(sheets, nominees),
                decisions);
    }

    /** One row of a plain read. */
    @FunctionalInterface
    private interface RowReader {
        void accept(ResultSet row) throws SQLException;
    }

    /** Runs a read on the application's database, in the caller's transaction, and hands each row to {@code rows}. */
    private void read(String sql, List<Object> parameters, RowReader rows) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) statement.setObject(i + 1, parameters.get(i));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) rows.accept(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tally read failed: " + sql, e);
        }
    }

    /** SHA-256 of each category's counted sheets (id, juror, nomination, values), in sheet order. */
    static Map<Long, String> fingerprints(List<Sheet> sheets, Map<Long, Nominee> nominees) {
        Map<Long, StringBuilder> text = new HashMap<>();
        for (Nominee n : nominees.values()) text.computeIfAbsent(n.categoryId(), k -> new StringBuilder());
        for (Sheet s : sheets) {
            StringBuilder b = text.get(nominees.get(s.nominationId()).categoryId());
            b.append(s.id()).append(':').append(s.jurorId()).append(':').append(s.nominationId());
            for (int v : s.values()) b.append(',').append(v);
            b.append('\n');
        }
        Map<Long, String> result = new HashMap<>();
        text.forEach((category, b) -> result.put(category, sha256(b.toString())));
        return result;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private CategoryResult state(Category category) {
        return em.createQuery("select r from CategoryResult r where r.category = :c", CategoryResult.class)
                .setParameter("c", category)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    var r = new CategoryResult(category);
                    em.persist(r);
                    return r;
                });
    }

    private Optional<Decision> findDecision(Category category) {
        return em.createQuery("select d from Decision d where d.category = :c", Decision.class)
                .setParameter("c", category)
                .getResultStream()
                .findFirst();
    }

    /** Chooses the method of a category's ranking (not while its result is frozen). */
    @Transactional
    public void use(long categoryId, TallyMethod method) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.TALLY_SETTINGS);
        CategoryResult state = state(category);
        TallyMethod before = state.getMethod();
        state.use(method);
        audit.record("tally.method", "Category", categoryId, String.valueOf(before), method.name());
    }

    /** Stores the category's live ranking by its method, with the sheets' fingerprint and who froze it. */
    @Transactional
    public void freeze(long categoryId) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.DELIBERATION_DECISION);
        LiveTally live = live(category.getEdition());
        CategoryResult state = state(category);
        TallyMethod method = state.getMethod();
        Ranking ranking = live.category(categoryId).ranking(method);
        if (ranking.standings().stream().noneMatch(s -> s.rank() > 0)) {
            throw DomainException.conflict("tally.nothingToFreeze");
        }
        var now = clock.instant();
        state.freeze(live.fingerprints().get(categoryId), access.callerEmail().orElse("system"), now);
        for (Standing s : ranking.standings()) {
            var f = s.figures();
            em.persist(new Result(
                    category,
                    em.getReference(Nomination.class, s.nominationId()),
                    method,
                    s.rank(),
                    decimal(f.raw()),
                    decimal(f.normalised()),
                    decimal(f.calibrated()),
                    f.sheetCount(),
                    f.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                    tieNote(s),
                    now));
        }
        audit.record("tally.freeze", "Category", categoryId, null, method + " " + state.getFingerprint());
    }

    private static String tieNote(Standing s) {
        if (s.exAequo()) return "EX_AEQUO";
        if (s.brokenBy() == null) return null;
        return s.brokenBy().rule() == TieBreak.CRITERIA
                ? "CRITERIA:" + s.brokenBy().criterionId()
                : s.brokenBy().rule().name();
    }

    private static BigDecimal decimal(double v) {
        return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP);
    }

    /** Drops the frozen figures (not once the decision is signed off); the reason goes to the audit log. */
    @Transactional
    public void unfreeze(long categoryId, String reason) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.DELIBERATION_DECISION);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("tally.reasonRequired");
        if (findDecision(category).map(Decision::isSignedOff).orElse(false)) {
            throw DomainException.conflict("decision.signedOff");
        }
        CategoryResult state = state(category);
        String before = state.getFrozenMethod() + " " + state.getFingerprint();
        state.unfreeze();
        em.createQuery("delete from Result r where r.category = :c")
                .setParameter("c", category)
                .executeUpdate();
        audit.record("tally.unfreeze", "Category", categoryId, before, reason.strip());
    }

    /** The frozen ranking of a category, best first; empty when not frozen. */
    public List<Result> frozen(long categoryId) {
        Category category = category(categoryId);
        List<Result> results = em.createQuery(
                        "select r from Result r where r.category = :c order by r.rank, r.nomination.reference",
                        Result.class)
                .setParameter("c", category)
                .getResultList();
        // Unranked nominations (no sheet) come last.
        List<Result> ordered =
                new ArrayList<>(results.stream().filter(r -> r.getRank() > 0).toList());
        results.stream().filter(r -> r.getRank() == 0).forEach(ordered::add);
        return ordered;
    }

    /** The category's decision so far, if any. */
    public Optional<Decision> decision(long categoryId) {
        return findDecision(category(categoryId));
    }

    /**
     * The winner(s) the figures name: the frozen ranking's first place (several when ex aequo); in a public-vote
     * category, the public vote's winner(s) once there are votes (a tie in votes goes to the jury's ranking).
     */
    public Set<Long> top(long categoryId) {
        Category category = category(categoryId);
        List<Result> frozen = frozen(categoryId);
        if (category.isPublicVote()) {
            VoteOutcome.Outcome vote = voteOutcome(category, frozen);
            if (!vote.winners().isEmpty()) return vote.winners();
        }
        return frozen.stream()
                .filter(r -> r.getRank() == 1)
                .map(r -> r.getNomination().getId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The public vote of a public-vote category against its frozen ranking: votes, jury rank, who wins and why. */
    public VoteOutcome.Outcome voteOutcome(long categoryId) {
        return voteOutcome(category(categoryId), frozen(categoryId));
    }

    /** Verified votes of a public-vote category per frozen nomination, with its jury rank (0: not ranked). */
    public List<VoteOutcome.Line> voteLines(long categoryId) {
        Category category = category(categoryId);
        return voteLines(category, frozen(categoryId));
    }

    private VoteOutcome.Outcome voteOutcome(Category category, List<Result> frozen) {
        return VoteOutcome.of(voteLines(category, frozen));
    }

    private List<VoteOutcome.Line> voteLines(Category category, List<Result> frozen) {
        if (!category.isPublicVote()) return List.of();
        Map<Long, Long> votes = new HashMap<>();
        // The vote's entity belongs to the ceremony package; the tally reads its counts by name only.
        em.createQuery(
                        "select v.nomination.id, count(v) from PublicVote v where v.category = :c and v.voided = false"
                                + " group by v.nomination.id",
                        Object[].class)
                .setParameter("c", category)
                .getResultList()
                .forEach(row -> votes.put((Long) row[0], (Long) row[1]));
        return frozen.stream()
                .map(r -> new VoteOutcome.Line(
                        r.getNomination().getId(),
                        votes.getOrDefault(r.getNomination().getId(), 0L),
                        r.getRank()))
                .sorted(java.util.Comparator.comparingLong(VoteOutcome.Line::votes)
                        .reversed())
                .toList();
    }

    /**
     * Records the winner(s) and mentions of a frozen category. Choosing other winners than the frozen ranking's first
     * place needs a written justification.
     */
    @Transactional
    public Decision decide(long categoryId, Set<Long> winnerIds, Set<Long> mentionIds, String justification) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.DELIBERATION_DECISION);
        if (!state(category).isFrozen()) throw DomainException.conflict("decision.notFrozen");
        // A public-vote category may crown a nomination the jury could not rank: the public chose it.
        Set<Long> ranked = frozen(categoryId).stream()
                .filter(r -> r.getRank() > 0 || category.isPublicVote())
                .map(r -> r.getNomination().getId())
                .collect(Collectors.toSet());
        if (!ranked.containsAll(winnerIds) || !ranked.containsAll(mentionIds)) {
            throw DomainException.invalid("decision.notRanked");
        }
        if (winnerIds.isEmpty()) throw DomainException.invalid("decision.noWinner");
        boolean override = !winnerIds.equals(top(categoryId));
        if (override && (justification == null || justification.isBlank())) {
            throw DomainException.invalid("decision.justificationRequired");
        }
        Decision decision = findDecision(category).orElseGet(() -> {
            var d = new Decision(category);
            em.persist(d);
            return d;
        });
        String before = describe(decision);
        decision.decide(nominations(winnerIds), nominations(mentionIds), justification);
        audit.record("decision.decide", "Category", categoryId, before, describe(decision));
        return decision;
    }

    private Set<Nomination> nominations(Set<Long> ids) {
        Set<Nomination> result = new LinkedHashSet<>();
        for (long id : ids) result.add(em.find(Nomination.class, id));
        return result;
    }

    private static String describe(Decision d) {
        if (d.getId() == null && d.getWinners().isEmpty()) return null;
        if (d.isNotAwarded()) return "not awarded, justification=" + d.getJustification();
        return "winners="
                + d.getWinners().stream().map(Nomination::getReference).toList() + ", mentions="
                + d.getMentions().stream().map(Nomination::getReference).toList() + ", justification="
                + d.getJustification();
    }

    /**
     * Records that the jury gives no prize in the category, with the reason (which the palmarès shows). Needs no
     * frozen ranking: a category may have nothing worth ranking at all.
     */
    @Transactional
    public Decision notAwarded(long categoryId, String reason) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.DELIBERATION_DECISION);
        Decision decision = findDecision(category).orElseGet(() -> {
            var d = new Decision(category);
            em.persist(d);
            return d;
        });
        String before = describe(decision);
        decision.notAwarded(reason);
        audit.record("decision.notAwarded", "Category", categoryId, before, decision.getJustification());
        return decision;
    }

    /** Signs the category's decision off: it is locked, with who and when. */
    @Transactional
    public Decision signOff(long categoryId) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.DELIBERATION_DECISION);
        Decision decision = findDecision(category).orElseThrow(() -> DomainException.conflict("decision.noWinner"));
        if (!decision.isNotAwarded() && !state(category).isFrozen()) {
            throw DomainException.conflict("decision.notFrozen");
        }
        Account by = access.callerEmail()
                .flatMap(email -> em.createQuery("select a from Account a where a.email = :m", Account.class)
                        .setParameter("m", email)
                        .getResultStream()
                        .findFirst())
                .orElse(null);
        decision.signOff(by, clock);
        audit.record("decision.signOff", "Category", categoryId, null, describe(decision));
        return decision;
    }

    /** Reopens a signed-off decision; the reason is required and audited. */
    @Transactional
    public Decision reopen(long categoryId, String reason) {
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.DELIBERATION_DECISION);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("tally.reasonRequired");
        Decision decision = findDecision(category).orElseThrow(() -> DomainException.conflict("decision.notSignedOff"));
        decision.reopen();
        audit.record("decision.reopen", "Category", categoryId, describe(decision), reason.strip());
        // A published palmarès shows only signed-off decisions: the public pages must drop this one.
        publicPagesChanged.fire(new PublicPagesChanged("reopen " + category.getCode()));
        return decision;
    }

    /** The sheets of these ids with their assignment, nomination and scores (a page of the tally's sheet table). */
    public List<ScoreSheet> sheets(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return em.createQuery(
                        "select s from ScoreSheet s join fetch s.assignment a join fetch a.nomination "
                                + "where s.id in :ids",
                        ScoreSheet.class)
                .setParameter("ids", ids)
                .setHint(QueryHints.BATCH, "s.scores")
                .setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                .setHint(QueryHints.BATCH_SIZE, 500)
                .getResultList();
    }
}
