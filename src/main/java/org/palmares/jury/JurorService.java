package org.palmares.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryMemberJoined;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/** Jurors of an edition, their conflicts of interest, and what each may see. */
@ApplicationScoped
public class JurorService {
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

    @Inject
    org.palmares.account.AccountService accounts;

    /** Makes an account a juror of the edition; affiliations become SAME_TERRITORY conflicts at once. */
    @Transactional
    public Juror enrol(
            Edition edition,
            Account account,
            String region,
            int capacity,
            String organisation,
            String panel,
            List<org.palmares.edition.Category> expertise,
            List<Territory> affiliations) {
        access.require(Role.ORGANISER);
        phases.require(edition, EditionAction.JURY);
        Account managedAccount = em.merge(account);
        managedAccount.grant(Role.JUROR);
        var juror = new Juror(em.merge(edition), managedAccount, region, capacity);
        juror.setOrganisation(organisation);
        juror.setPanel(panel);
        expertise.forEach(c -> juror.addExpertise(em.merge(c)));
        em.persist(juror);
        em.flush();
        for (Territory t : affiliations) {
            Territory territory = em.merge(t);
            juror.addAffiliation(territory);
            em.persist(Conflict.withTerritory(
                    juror, territory, org.palmares.jury.ConflictKind.SAME_TERRITORY, null, null, clock));
        }
        audit.record("juror.enrol", "Juror", managedAccount.getEmail());
        return juror;
    }

    /** The caller accepts the confidentiality charter; the time of acceptance is kept. */
    @Transactional
    public Juror acceptCharter(Edition edition) {
        Juror juror = em.merge(ofCaller(edition).orElseThrow(DomainException::forbidden));
        if (!juror.hasAcceptedConfidentiality()) {
            juror.acceptConfidentiality(clock);
            audit.record("juror.acceptCharter", "Juror", juror.getAccount().getEmail());
        }
        return juror;
    }

    /**
     * The nominations a juror may declare a conflict with: every submitted or eligible nomination of the edition.
     * Declaring before screening ends is allowed, so the assignment never meets a conflict it could have known.
     */
    public List<Nomination> declarable(Edition edition) {
        return em.createQuery(
                        "select n from Nomination n where n.category.edition = :e and n.status in "
                                + "(org.palmares.nomination.NominationStatus.SUBMITTED, "
                                + "org.palmares.nomination.NominationStatus.ELIGIBLE) "
                                + "order by n.category.position, n.reference",
                        Nomination.class)
                .setParameter("e", edition)
                .getResultList();
    }

    /**
     * The caller declares they cannot judge a nomination. A current assignment of theirs to it ends at once: its
     * sheet, if started, stays in the database for the audit but no longer counts.
     */
    @Transactional
    public Conflict declareConflict(Edition edition, long nominationId, String reason) {
        phases.require(edition, EditionAction.CONFLICT_DECLARATION);
        Juror juror = ofCaller(edition).orElseThrow(DomainException::forbidden);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("conflict.reason.required");
        Nomination nomination = Optional.ofNullable(em.find(Nomination.class, nominationId))
                .filter(n -> n.getCategory().getEdition().getId().equals(edition.getId()))
                .orElseThrow(() -> DomainException.notFound("nomination"));
        return record(juror, nomination, ConflictKind.DECLARED, reason.strip(), juror.getAccount());
    }

    /**
     * The caller declares a tie with a whole territory (their employer, a partner): every nomination it sends is kept
     * from them. In a blind-review edition it is how a juror declares without learning which dossier is whose: the
     * list of territories is the whole network's, tied to no dossier.
     */
    @Transactional
    public Conflict declareTerritoryConflict(Edition edition, long territoryId, String reason) {
        phases.require(edition, EditionAction.CONFLICT_DECLARATION);
        Juror juror = ofCaller(edition).orElseThrow(DomainException::forbidden);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("conflict.reason.required");
        Territory territory = Optional.ofNullable(em.find(Territory.class, territoryId))
                .orElseThrow(() -> DomainException.notFound("territory"));
        Optional<Conflict> existing = conflictsOf(juror).stream()
                .filter(c ->
                        c.getTerritory() != null && c.getTerritory().getId().equals(territoryId))
                .findFirst();
        if (existing.isPresent()) return existing.get();
        Conflict conflict = Conflict.withTerritory(
                juror, territory, ConflictKind.DECLARED, reason.strip(), juror.getAccount(), clock);
        em.persist(conflict);
        endAssignmentsTo(juror, territory);
        audit.record(
                "conflict.declared",
                "Territory",
                territory.getId(),
                null,
                juror.getAccount().getEmail());
        return conflict;
    }

    /** Ends the juror's current assignments to the nominations of a territory. */
    private void endAssignmentsTo(Juror juror, Territory territory) {
        em.createQuery(
                        "select a from Assignment a where a.juror = :j and a.nomination.territory = :t "
                                + "and a.recused = false",
                        Assignment.class)
                .setParameter("j", juror)
                .setParameter("t", territory)
                .getResultList()
                .forEach(a -> {
                    a.recuse();
                    audit.record("assignment.endedByConflict", "Assignment", a.getId());
                });
    }

    /**
     * Records that a juror may not judge a nomination (declared by the juror, or raised by an organiser), unless it
     * is on record already, and ends the juror's current assignment to it.
     */
    @Transactional
    public Conflict recordConflict(long jurorId, long nominationId, ConflictKind kind, String reason) {
        access.require(Role.ORGANISER);
        Juror juror =
                Optional.ofNullable(em.find(Juror.class, jurorId)).orElseThrow(() -> DomainException.notFound("juror"));
        phases.require(juror.getEdition(), EditionAction.JURY);
        Nomination nomination = Optional.ofNullable(em.find(Nomination.class, nominationId))
                .orElseThrow(() -> DomainException.notFound("nomination"));
        Account by = access.callerEmail()
                .flatMap(email -> em.createQuery("select a from Account a where a.email = :e", Account.class)
                        .setParameter("e", email)
                        .getResultStream()
                        .findFirst())
                .orElse(null);
        return record(juror, nomination, kind, reason, by);
    }

    private Conflict record(Juror juror, Nomination nomination, ConflictKind kind, String reason, Account by) {
        Optional<Conflict> existing = conflictsOf(juror).stream()
                .filter(c ->
                        c.getNomination() != null && c.getNomination().getId().equals(nomination.getId()))
                .findFirst();
        if (existing.isPresent()) return existing.get();
        Conflict conflict = Conflict.withNomination(juror, nomination, kind, reason, by, clock);
        em.persist(conflict);
        endAssignments(juror, nomination);
        audit.record(
                "conflict." + kind.name().toLowerCase(java.util.Locale.ROOT),
                "Nomination",
                nomination.getId(),
                null,
                juror.getAccount().getEmail());
        return conflict;
    }

    private void endAssignments(Juror juror, Nomination nomination) {
        em.createQuery(
                        "select a from Assignment a where a.juror = :j and a.nomination = :n and a.recused = false",
                        Assignment.class)
                .setParameter("j", juror)
                .setParameter("n", nomination)
                .getResultList()
                .forEach(a -> {
                    a.recuse();
                    audit.record("assignment.endedByConflict", "Assignment", a.getId());
                });
    }

    /**
     * Invites a juror: their account (created or completed, with a link e-mailed to set a password) and their place
     * in the edition's jury, with expertise and affiliations.
     */
    @Transactional
    public Juror invite(
            Edition edition,
            String email,
            String name,
            String region,
            int capacity,
            String organisation,
            String panel,
            List<Long> expertiseIds,
            List<Long> affiliationIds,
            java.util.Locale locale) {
        access.require(Role.ORGANISER);
        phases.require(edition, EditionAction.JURY);
        Account account = accounts.invite(email, name, Role.JUROR, locale);
        boolean already =
                em.createQuery("select count(j) from Juror j where j.edition = :e and j.account = :a", Long.class)
                                .setParameter("e", em.merge(edition))
                                .setParameter("a", account)
                                .getSingleResult()
                        > 0;
        if (already) throw DomainException.conflict("jurors.already", email);
        List<org.palmares.edition.Category> expertise = expertiseIds.stream()
                .map(id -> em.find(org.palmares.edition.Category.class, id))
                .filter(c -> c != null && c.getEdition().getId().equals(edition.getId()))
                .toList();
        List<Territory> affiliations = affiliationIds.stream()
                .map(id -> em.find(Territory.class, id))
                .filter(java.util.Objects::nonNull)
                .toList();
        return enrol(edition, account, region, capacity, organisation, panel, expertise, affiliations);
    }

    /** Every conflict of the edition's jurors, for organisers. */
    public List<Conflict> conflictsOfEdition(Edition edition) {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select c from Conflict c where c.juror.edition = :e order by c.createdAt", Conflict.class)
                .setParameter("e", edition)
                .getResultList();
    }

    /** The caller's juror record in the edition. */
    public Optional<Juror> ofCaller(Edition edition) {
        return access.callerEmail()
                .flatMap(email -> em.createQuery(
                                "select j from Juror j where j.edition = :e and j.account.email = :m", Juror.class)
                        .setParameter("e", edition)
                        .setParameter("m", email)
                        .getResultStream()
                        .findFirst());
    }

    public List<Juror> ofEdition(Edition edition) {
        return em.createQuery("select j from Juror j where j.edition = :e order by j.account.displayName", Juror.class)
                .setParameter("e", edition)
                .getResultList();
    }

    /**
     * The current assignments of the caller, and nothing else: a juror sees only what was given to them, and nothing
     * of it before accepting the confidentiality charter.
     */
    public List<Assignment> assignmentsOfCaller(Edition edition) {
        Juror juror = JurorReadingRule.requireCharter(ofCaller(edition).orElseThrow(DomainException::forbidden));
        return em.createQuery(
                        "select a from Assignment a where a.juror = :j and a.recused = false "
                                + "order by a.nomination.category.position, a.nomination.reference",
                        Assignment.class)
                .setParameter("j", juror)
                .getResultList();
    }

    public List<Conflict> conflictsOf(Juror juror) {
        return em.createQuery("select c from Conflict c where c.juror = :j order by c.createdAt", Conflict.class)
                .setParameter("j", juror)
                .getResultList();
    }

    /**
     * A juror who joins a territory (accepting a colleague's invitation, or added by an organiser) is in conflict of
     * interest with it from that moment, in every edition they judge: the territory becomes an affiliation, the
     * SAME_TERRITORY conflict is recorded, and their current assignments to its nominations end.
     */
    void territoryJoined(@Observes TerritoryMemberJoined joined) {
        Territory territory = em.find(Territory.class, joined.territoryId());
        List<Juror> records = em.createQuery("select j from Juror j where j.account.id = :a", Juror.class)
                .setParameter("a", joined.accountId())
                .getResultList();
        for (Juror juror : records) {
            boolean known =
                    juror.getAffiliations().stream().anyMatch(t -> t.getId().equals(territory.getId()));
            if (known) continue;
            juror.addAffiliation(territory);
            em.persist(Conflict.withTerritory(juror, territory, ConflictKind.SAME_TERRITORY, null, null, clock));
            endAssignmentsTo(juror, territory);
            audit.record("conflict.same_territory", "Juror", juror.getAccount().getEmail(), null, territory.getName());
        }
    }

    /** Refuses a juror who has not accepted the charter yet (403 "charter first"). */
    public Juror requireCharter(Juror juror) {
        return JurorReadingRule.requireCharter(juror);
    }

    /** Whether any conflict keeps the juror away from the nomination. */
    public boolean inConflict(Juror juror, Nomination nomination) {
        return conflictsOf(juror).stream().anyMatch(c -> c.covers(nomination));
    }
}
