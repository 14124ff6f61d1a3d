package org.palmares.jury;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
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

    /** The current assignments of the caller, and nothing else: a juror sees only what was given to them. */
    public List<Assignment> assignmentsOfCaller(Edition edition) {
        Juror juror = ofCaller(edition).orElseThrow(DomainException::forbidden);
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

    /** Whether any conflict keeps the juror away from the nomination. */
    public boolean inConflict(Juror juror, Nomination nomination) {
        return conflictsOf(juror).stream().anyMatch(c -> c.covers(nomination));
    }
}
