package org.palmares.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.jury.assignment.AssignmentPlan;
import org.palmares.jury.assignment.AssignmentProblem;
import org.palmares.jury.assignment.AssignmentSolver;
import org.palmares.jury.assignment.JurorSlot;
import org.palmares.jury.assignment.NominationNeed;
import org.palmares.jury.assignment.Pair;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/**
 * The organisers' assignment of eligible nominations to jurors: settings, solver runs that replace the automatic
 * assignments at once or fill only the gaps, and changes by hand. Ids in the solver's problem are database ids.
 */
@ApplicationScoped
public class AssignmentService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    /** The edition given by its code (e.g. TC2019) or its numeric id. */
    public Edition edition(String codeOrId) {
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

    /** The edition's settings; the defaults (not yet stored) when the organiser has not changed them. */
    public AssignmentSettings settings(Edition edition) {
        return findSettings(edition).orElseGet(() -> new AssignmentSettings(edition));
    }

    private Optional<AssignmentSettings> findSettings(Edition edition) {
        return em.createQuery("select s from AssignmentSettings s where s.edition = :e", AssignmentSettings.class)
                .setParameter("e", edition)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public AssignmentSettings saveSettings(
            long editionId, int missingExpertise, int sameRegion, int balance, int reminderDays) {
        access.require(Role.ORGANISER);
        if (missingExpertise < 0 || sameRegion < 0 || balance < 0 || reminderDays < 0) {
            throw DomainException.invalid("assignment.settings.negative");
        }
        if (missingExpertise > 1000 || sameRegion > 1000 || balance > 1000 || reminderDays > 60) {
            throw DomainException.invalid("assignment.settings.tooLarge");
        }
        Edition edition = Optional.ofNullable(em.find(Edition.class, editionId))
                .orElseThrow(() -> DomainException.notFound("edition"));
        phases.require(edition, EditionAction.ASSIGNMENT);
        AssignmentSettings settings = findSettings(edition).orElseGet(() -> {
            var created = new AssignmentSettings(edition);
            em.persist(created);
            return created;
        });
        String before = describe(settings);
        settings.change(missingExpertise, sameRegion, balance, reminderDays);
        audit.record("assignment.settings", "Edition", edition.getCode(), before, describe(settings));
        return settings;
    }

    private static String describe(AssignmentSettings s) {
        return "missingExpertise=" + s.getMissingExpertise() + ", sameRegion=" + s.getSameRegion() + ", balance="
                + s.getBalance() + ", reminderDays=" + s.getReminderDays();
    }

    /** The eligible nominations of the edition, the ones the solver assigns. */
    public List<Nomination> eligible(Edition edition) {
        return em.createQuery(
                        "select n from Nomination n where n.category.edition = :e and n.status = :s "
                                + "order by n.category.position, n.reference, n.id",
                        Nomination.class)
                .setParameter("e", edition)
                .setParameter("s", NominationStatus.ELIGIBLE)
                .getResultList();
    }

    /** Every current (not recused) assignment of the edition. */
    public List<Assignment> current(Edition edition) {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select a from Assignment a where a.nomination.category.edition = :e and a.recused = false "
                                + "order by a.nomination.category.position, a.nomination.reference, "
                                + "a.juror.account.displayName",
                        Assignment.class)
                .setParameter("e", edition)
                .getResultList();
    }

    /** The ids of the edition's assignments whose score sheet is started (draft or submitted). */
    public Set<Long> started(Edition edition) {
        return new HashSet<>(em.createQuery(
                        "select s.assignment.id from ScoreSheet s where s.assignment.nomination.category.edition = :e",
                        Long.class)
                .setParameter("e", edition)
                .getResultList());
    }

    /** The solver's problem for the edition as it stands; which current assignments are kept depends on the mode. */
    public AssignmentProblem problem(Edition edition, AssignmentRun.Mode mode) {
        access.require(Role.ORGANISER);
        List<Juror> jurors = em.createQuery("select j from Juror j where j.edition = :e order by j.id", Juror.class)
                .setParameter("e", edition)
                .getResultList();
        List<Nomination> nominations = eligible(edition);
        Set<Long> eligibleIds = nominations.stream().map(Nomination::getId).collect(Collectors.toSet());
        Set<Long> started = started(edition);
        List<Assignment> all = em.createQuery(
                        "select a from Assignment a where a.nomination.category.edition = :e", Assignment.class)
                .setParameter("e", edition)
                .getResultList();

        Set<Pair> forbidden = new TreeSet<>();
        Map<Long, Set<Long>> territoryConflicts = new HashMap<>();
        Map<Long, Set<Long>> nominationConflicts = new HashMap<>();
        for (Conflict c : em.createQuery("select c from Conflict c where c.juror.edition = :e", Conflict.class)
                .setParameter("e", edition)
                .getResultList()) {
            if (c.getTerritory() != null) {
                territoryConflicts
                        .computeIfAbsent(c.getJuror().getId(), k -> new HashSet<>())
                        .add(c.getTerritory().getId());
            }
            if (c.getNomination() != null) {
                nominationConflicts
                        .computeIfAbsent(c.getJuror().getId(), k -> new HashSet<>())
                        .add(c.getNomination().getId());
            }
        }
        for (Juror j : jurors) {
            Set<Long> territories = territoryConflicts.getOrDefault(j.getId(), Set.of());
            Set<Long> declared = nominationConflicts.getOrDefault(j.getId(), Set.of());
            for (Nomination n : nominations) {
                if (territories.contains(n.getTerritory().getId()) || declared.contains(n.getId())) {
                    forbidden.add(pair(j, n));
                }
            }
        }

        Set<Pair> kept = new TreeSet<>();
        Map<Long, Integer> keptElsewhere = new HashMap<>();
        for (Assignment a : all) {
            if (a.isRecused()) {
                // The row stays for the audit and the unique key refuses a second one: the pair is out for good.
                if (eligibleIds.contains(a.getNomination().getId())) forbidden.add(pair(a));
                continue;
            }
            boolean keep = mode == AssignmentRun.Mode.FILL_GAPS
                    || a.isLocked()
                    || a.getSource() == AssignmentSource.MANUAL
                    || started.contains(a.getId());
            if (!keep) continue;
            if (eligibleIds.contains(a.getNomination().getId())) {
                if (!forbidden.contains(pair(a))) kept.add(pair(a));
            } else {
                keptElsewhere.merge(a.getJuror().getId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> keptPerJuror = new HashMap<>();
        kept.forEach(p -> keptPerJuror.merge(p.jurorId(), 1, Integer::sum));

        List<JurorSlot> slots = jurors.stream()
                .map(j -> {
                    String id = id(j);
                    int capacity = Math.max(0, j.getCapacity() - keptElsewhere.getOrDefault(j.getId(), 0));
                    // A juror whose capacity was lowered below what they keep carries on with what they have.
                    capacity = Math.max(capacity, keptPerJuror.getOrDefault(id, 0));
                    return new JurorSlot(
                            id,
                            capacity,
                            blankToNull(j.getRegion()),
                            j.getExpertise().stream().map(Category::getCode).collect(Collectors.toSet()));
                })
                .toList();
        List<NominationNeed> needs = nominations.stream()
                .map(n -> new NominationNeed(
                        id(n),
                        n.getCategory().getCode(),
                        blankToNull(n.getTerritory().getRegion()),
                        n.getCategory().reviewsNeeded()))
                .toList();
        return new AssignmentProblem(
                slots, needs, forbidden, kept, settings(edition).weights());
    }

    /**
     * Runs the solver and, when every nomination can reach its jurors, saves the plan in one transaction: the
     * automatic assignments the run does not keep and the plan does not repeat are deleted, the new ones added, the
     * run recorded and audited. When it cannot, nothing is saved and the outcome says why.
     */
    @Transactional
    public RunOutcome run(long editionId, AssignmentRun.Mode mode) {
        access.require(Role.ORGANISER);
        Edition edition = Optional.ofNullable(em.find(Edition.class, editionId))
                .orElseThrow(() -> DomainException.notFound("edition"));
        phases.require(edition, EditionAction.ASSIGNMENT);
        AssignmentProblem problem = problem(edition, mode);
        AssignmentPlan plan = AssignmentSolver.solve(problem);
        if (plan.status() == AssignmentPlan.Status.INFEASIBLE) {
            return new RunOutcome(plan, Optional.empty(), List.of(), List.of());
        }
        SortedSet<Pair> target = plan.allAssignments();
        List<Assignment> current = current(edition);
        Set<Long> started = started(edition);
        Set<Pair> existing = new HashSet<>();
        List<Pair> removed = new ArrayList<>();
        for (Assignment a : current) {
            Pair p = pair(a);
            boolean eligible = problem.findNomination(p.nominationId()).isPresent();
            if (!eligible) {
                // A nomination screened out since: a full run ends what it would not have kept.
                boolean keep = mode == AssignmentRun.Mode.FILL_GAPS
                        || a.isLocked()
                        || a.getSource() == AssignmentSource.MANUAL
                        || started.contains(a.getId());
                if (!keep) {
                    removed.add(p);
                    em.remove(a);
                }
                continue;
            }
            if (target.contains(p)) {
                existing.add(p);
            } else if (started.contains(a.getId())) {
                // Only a conflict keeps a started assignment out of the plan: it ends, its sheet stays for the audit.
                a.recuse();
                removed.add(p);
            } else {
                // Only unstarted, unlocked automatic assignments are not kept, so this deletes nothing of value.
                removed.add(p);
                em.remove(a);
            }
        }
        em.flush();
        List<Pair> added = new ArrayList<>();
        for (Pair p : target) {
            if (existing.contains(p)) continue;
            Juror juror = em.find(Juror.class, Long.parseLong(p.jurorId()));
            Nomination nomination = em.find(Nomination.class, Long.parseLong(p.nominationId()));
            em.persist(new Assignment(juror, nomination, AssignmentSource.AUTO, clock));
            added.add(p);
        }
        SortedSet<Pair> previous = lastRun(edition).map(AssignmentRun::pairs).orElseGet(TreeSet::new);
        int addedSinceLast =
                (int) target.stream().filter(p -> !previous.contains(p)).count();
        int removedSinceLast =
                (int) previous.stream().filter(p -> !target.contains(p)).count();
        var run = new AssignmentRun(
                edition,
                clock.instant(),
                access.callerEmail().orElse("system"),
                mode,
                plan.status().name(),
                plan.objective(),
                addedSinceLast,
                removedSinceLast,
                "kept=" + problem.kept().size() + ", added=" + added.size() + ", deleted=" + removed.size()
                        + ", missingExpertise=" + plan.cost().missingExpertise() + ", sameRegion="
                        + plan.cost().sameRegion() + ", balance=" + plan.cost().balance(),
                target);
        em.persist(run);
        em.flush();
        audit.record(
                "assignment.run",
                "Edition",
                edition.getCode(),
                current.size() + " assignments",
                mode + ": objective " + plan.objective() + ", " + added.size() + " added, " + removed.size()
                        + " deleted");
        return new RunOutcome(plan, Optional.of(run), added, removed);
    }

    /** The latest saved run of the edition. */
    public Optional<AssignmentRun> lastRun(Edition edition) {
        return runs(edition, 1).stream().findFirst();
    }

    /** The latest saved runs of the edition, newest first. */
    public List<AssignmentRun> runs(Edition edition, int max) {
        return em.createQuery(
                        "select r from AssignmentRun r where r.edition = :e order by r.runAt desc, r.id desc",
                        AssignmentRun.class)
                .setParameter("e", edition)
                .setMaxResults(max)
                .getResultList();
    }

    /** What the last run changed compared with the run before it (or with nothing, for the first run). */
    public RunDiff diffOfLastRun(Edition edition) {
        List<AssignmentRun> last = runs(edition, 2);
        if (last.isEmpty()) return new RunDiff(List.of(), List.of());
        SortedSet<Pair> now = last.get(0).pairs();
        SortedSet<Pair> before = last.size() > 1 ? last.get(1).pairs() : new TreeSet<>();
        return new RunDiff(
                now.stream().filter(p -> !before.contains(p)).toList(),
                before.stream().filter(p -> !now.contains(p)).toList());
    }

    /**
     * Assigns a juror to a nomination by hand; the assignment is locked so later runs keep it. Refused when the
     * juror is in conflict, already on it (or was, before a conflict), or full.
     */
    @Transactional
    public Assignment add(long jurorId, long nominationId) {
        access.require(Role.ORGANISER);
        Juror juror =
                Optional.ofNullable(em.find(Juror.class, jurorId)).orElseThrow(() -> DomainException.notFound("juror"));
        Nomination nomination = Optional.ofNullable(em.find(Nomination.class, nominationId))
                .filter(n -> n.getCategory()
                        .getEdition()
                        .getId()
                        .equals(juror.getEdition().getId()))
                .orElseThrow(() -> DomainException.notFound("nomination"));
        phases.require(juror.getEdition(), EditionAction.ASSIGNMENT);
        Assignment assignment = place(juror, nomination);
        audit.record(
                "assignment.add",
                "Assignment",
                assignment.getId(),
                null,
                juror.getAccount().getEmail() + " × " + nomination.getReference());
        return assignment;
    }

    private Assignment place(Juror juror, Nomination nomination) {
        if (nomination.getStatus() != NominationStatus.ELIGIBLE) {
            throw DomainException.conflict("assignment.notEligible", label(nomination));
        }
        Optional<Assignment> existing = em.createQuery(
                        "select a from Assignment a where a.juror = :j and a.nomination = :n", Assignment.class)
                .setParameter("j", juror)
                .setParameter("n", nomination)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            throw DomainException.conflict(
                    existing.get().isRecused() ? "assignment.recusedBefore" : "assignment.duplicate",
                    juror.getAccount().getDisplayName(),
                    label(nomination));
        }
        boolean conflicted = em.createQuery("select c from Conflict c where c.juror = :j", Conflict.class)
                .setParameter("j", juror)
                .getResultStream()
                .anyMatch(c -> c.covers(nomination));
        if (conflicted) {
            throw DomainException.conflict(
                    "assignment.conflicted", juror.getAccount().getDisplayName(), label(nomination));
        }
        long load = em.createQuery(
                        "select count(a) from Assignment a where a.juror = :j and a.recused = false", Long.class)
                .setParameter("j", juror)
                .getSingleResult();
        if (load >= juror.getCapacity()) {
            throw DomainException.conflict("assignment.full", juror.getAccount().getDisplayName(), juror.getCapacity());
        }
        var assignment = new Assignment(juror, nomination, AssignmentSource.MANUAL, clock);
        em.persist(assignment);
        em.flush();
        return assignment;
    }

    /** Removes an assignment; refused once its score sheet is started, which only a conflict may end. */
    @Transactional
    public void remove(long assignmentId) {
        access.require(Role.ORGANISER);
        Assignment assignment = get(assignmentId);
        phases.require(assignment.getJuror().getEdition(), EditionAction.ASSIGNMENT);
        requireUnstarted(assignment);
        audit.record(
                "assignment.remove",
                "Assignment",
                assignment.getId(),
                assignment.getJuror().getAccount().getEmail() + " × "
                        + assignment.getNomination().getReference(),
                null);
        em.remove(assignment);
    }

    /** Locks an assignment, so that runs keep it, or unlocks it. */
    @Transactional
    public Assignment lock(long assignmentId, boolean locked) {
        access.require(Role.ORGANISER);
        Assignment assignment = get(assignmentId);
        phases.require(assignment.getJuror().getEdition(), EditionAction.ASSIGNMENT);
        if (assignment.isLocked() != locked) {
            assignment.lock(locked);
            audit.record(locked ? "assignment.lock" : "assignment.unlock", "Assignment", assignment.getId());
        }
        return assignment;
    }

    /** Gives a nomination to another juror in place of one: the same checks as removing and adding by hand. */
    @Transactional
    public Assignment swap(long assignmentId, long newJurorId) {
        access.require(Role.ORGANISER);
        Assignment old = get(assignmentId);
        phases.require(old.getJuror().getEdition(), EditionAction.ASSIGNMENT);
        requireUnstarted(old);
        Juror juror = Optional.ofNullable(em.find(Juror.class, newJurorId))
                .orElseThrow(() -> DomainException.notFound("juror"));
        if (!juror.getEdition().getId().equals(old.getJuror().getEdition().getId())) {
            throw DomainException.notFound("juror");
        }
        Nomination nomination = old.getNomination();
        String before = old.getJuror().getAccount().getEmail();
        em.remove(old);
        em.flush();
        Assignment replacement = place(juror, nomination);
        audit.record(
                "assignment.swap",
                "Nomination",
                nomination.getReference(),
                before,
                juror.getAccount().getEmail());
        return replacement;
    }

    private Assignment get(long assignmentId) {
        return Optional.ofNullable(em.find(Assignment.class, assignmentId))
                .filter(Assignment::isCurrent)
                .orElseThrow(() -> DomainException.notFound("assignment"));
    }

    private void requireUnstarted(Assignment assignment) {
        long sheets = em.createQuery("select count(s) from ScoreSheet s where s.assignment = :a", Long.class)
                .setParameter("a", assignment)
                .getSingleResult();
        if (sheets > 0) {
            throw DomainException.conflict(
                    "assignment.startedRefused",
                    assignment.getJuror().getAccount().getDisplayName(),
                    label(assignment.getNomination()));
        }
    }

    /** The edition's jurors whose places the organiser may give by hand, sorted by name. */
    public List<Juror> jurors(Edition edition) {
        return em.createQuery("select j from Juror j where j.edition = :e order by j.account.displayName", Juror.class)
                .setParameter("e", edition)
                .getResultList();
    }

    static String id(Juror juror) {
        return String.valueOf(juror.getId());
    }

    static String id(Nomination nomination) {
        return String.valueOf(nomination.getId());
    }

    private static Pair pair(Juror j, Nomination n) {
        return Pair.of(id(j), id(n));
    }

    private static Pair pair(Assignment a) {
        return pair(a.getJuror(), a.getNomination());
    }

    private static String label(Nomination n) {
        return n.getReference() != null ? n.getReference() : n.getTitle();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** What a run gave: the plan (with its shortfalls when infeasible), the saved run, and the rows it changed. */
    public record RunOutcome(AssignmentPlan plan, Optional<AssignmentRun> run, List<Pair> added, List<Pair> deleted) {
        public boolean saved() {
            return run.isPresent();
        }
    }

    /** The pairs a run added and removed compared with the run before it. */
    public record RunDiff(List<Pair> added, List<Pair> removed) {}
}
