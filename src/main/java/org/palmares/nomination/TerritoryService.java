package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/** Territories and their member accounts. */
@ApplicationScoped
public class TerritoryService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Transactional
    public Territory create(
            @NotBlank String name, @NotNull TerritoryKind kind, @NotBlank String region, @NotBlank String departement) {
        access.require(Role.ORGANISER);
        if (findByName(name).isPresent()) throw DomainException.conflict("territory.name.taken", name);
        var territory = new Territory(name, kind, region, departement, clock);
        em.persist(territory);
        em.flush();
        audit.record("territory.create", "Territory", name);
        return territory;
    }

    @Transactional
    public void addMember(long territoryId, Account account) {
        access.require(Role.ORGANISER);
        Territory territory = get(territoryId);
        Account managed = em.merge(account);
        managed.grant(Role.TERRITORY);
        territory.addMember(managed);
        audit.record("territory.addMember", "Territory", territory.getName(), null, managed.getEmail());
    }

    public Optional<Territory> findByName(String name) {
        return em.createQuery("select t from Territory t where t.name = :n", Territory.class)
                .setParameter("n", name)
                .getResultStream()
                .findFirst();
    }

    public Territory get(long id) {
        return Optional.ofNullable(em.find(Territory.class, id))
                .orElseThrow(() -> DomainException.notFound("territory"));
    }

    /** The territory an account is a member of. */
    public Optional<Territory> ofMember(String email) {
        return em.createQuery("select t from Territory t join t.members m where m.email = :e", Territory.class)
                .setParameter("e", Account.normaliseEmail(email))
                .getResultStream()
                .findFirst();
    }

    public List<Territory> all() {
        return em.createQuery("select t from Territory t order by t.name", Territory.class)
                .getResultList();
    }
}
