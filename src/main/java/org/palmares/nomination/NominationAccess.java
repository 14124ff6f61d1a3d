package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.jury.Assignment;
import org.palmares.jury.JurorService;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;

/**
 * Who may see or change a nomination, in one place for pages, REST and downloads: organisers all of them, a
 * territory's members their own, a juror those assigned to them that no conflict keeps them from. Anyone else
 * is told the nomination does not exist, so an id in a URL reveals nothing.
 */
@ApplicationScoped
public class NominationAccess {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    JurorService jurors;

    public boolean canSee(Nomination nomination) {
        return canChange(nomination) || isAssignedJuror(nomination);
    }

    /** Organisers and the members of the nomination's territory. */
    public boolean canChange(Nomination nomination) {
        if (access.has(Role.ORGANISER)) return true;
        return isMember(nomination.getTerritory());
    }

    public boolean isMember(Territory territory) {
        return access.callerEmail()
                .map(Account::normaliseEmail)
                .map(email -> territory.getMembers().stream()
                        .anyMatch(m -> m.getEmail().equals(email)))
                .orElse(false);
    }

    public void requireVisible(Nomination nomination) {
        if (!canSee(nomination)) throw DomainException.notFound("nomination");
    }

    public void requireChangeable(Nomination nomination) {
        if (!canChange(nomination)) throw DomainException.notFound("nomination");
    }

    private boolean isAssignedJuror(Nomination nomination) {
        if (!access.has(Role.JUROR)) return false;
        String email = access.callerEmail().map(Account::normaliseEmail).orElse(null);
        if (email == null) return false;
        return em.createQuery(
                        "select a from Assignment a where a.nomination = :n and a.juror.account.email = :e "
                                + "and a.recused = false",
                        Assignment.class)
                .setParameter("n", nomination)
                .setParameter("e", email)
                .getResultStream()
                .anyMatch(a -> !jurors.inConflict(a.getJuror(), nomination));
    }
}
