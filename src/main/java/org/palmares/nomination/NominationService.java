package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.EditionService;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/** Nominations: drafts, submission with a reference number, and what a territory may see of them. */
@ApplicationScoped
public class NominationService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    TerritoryService territories;

    @Inject
    EditionService editions;

    /** Starts a draft for a territory in a category, taking the first free place of the category's limit. */
    @Transactional
    public Nomination createDraft(long territoryId, long categoryId, @NotBlank @Size(max = 200) String title) {
        Territory territory = territories.get(territoryId);
        requireMemberOrOrganiser(territory);
        Category category = editions.getCategory(categoryId);
        if (!access.isSystem() && !category.getEdition().acceptsNominations(clock)) {
            throw DomainException.conflict("nomination.closed");
        }
        List<Integer> taken = em.createQuery(
                        "select n.slot from Nomination n where n.category = :c and n.territory = :t", Integer.class)
                .setParameter("c", category)
                .setParameter("t", territory)
                .getResultList();
        int slot = IntStream.range(0, category.getLimitPerTerritory())
                .filter(i -> !taken.contains(i))
                .findFirst()
                .orElseThrow(
                        () -> DomainException.conflict("nomination.limitReached", category.getLimitPerTerritory()));
        var nomination = new Nomination(category, territory, slot, title, clock);
        em.persist(nomination);
        em.flush();
        audit.record("nomination.create", "Nomination", nomination.getId(), null, title);
        return nomination;
    }

    @Transactional
    public Nomination edit(long nominationId, @NotBlank @Size(max = 200) String title, String summary) {
        Nomination nomination = get(nominationId);
        requireMemberOrOrganiser(nomination.getTerritory());
        requireOpen(nomination);
        nomination.edit(title, summary, clock);
        return nomination;
    }

    /** Submits a nomination; the first submission gives it the next reference number of its category. */
    @Transactional
    public Nomination submit(long nominationId) {
        Nomination nomination = get(nominationId);
        requireMemberOrOrganiser(nomination.getTerritory());
        requireOpen(nomination);
        String reference = null;
        if (!nomination.hasReference()) {
            Category category = nomination.getCategory();
            ReferenceCounter counter =
                    em.find(ReferenceCounter.class, category.getId(), LockModeType.PESSIMISTIC_WRITE);
            if (counter == null) {
                counter = new ReferenceCounter(category.getId());
                em.persist(counter);
            }
            reference = ReferenceCounter.format(category.getEdition().getCode(), category.getCode(), counter.next());
        }
        nomination.submit(reference, clock);
        audit.record("nomination.submit", "Nomination", nomination.getReference());
        return nomination;
    }

    public Optional<Nomination> find(long id) {
        return Optional.ofNullable(em.find(Nomination.class, id));
    }

    public Nomination get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("nomination"));
    }

    /** The nominations of the caller's own territory, and no other. */
    public List<Nomination> ofCallerTerritory() {
        String email = access.callerEmail().orElseThrow(DomainException::forbidden);
        return territories
                .ofMember(email)
                .map(t -> em.createQuery(
                                "select n from Nomination n where n.territory = :t "
                                        + "order by n.category.position, n.createdAt",
                                Nomination.class)
                        .setParameter("t", t)
                        .getResultList())
                .orElse(List.of());
    }

    public long countInEdition(long editionId) {
        return em.createQuery("select count(n) from Nomination n where n.category.edition.id = :e", Long.class)
                .setParameter("e", editionId)
                .getSingleResult();
    }

    private void requireOpen(Nomination nomination) {
        if (!access.isSystem() && !nomination.getCategory().getEdition().acceptsNominations(clock)) {
            throw DomainException.conflict("nomination.closed");
        }
    }

    private void requireMemberOrOrganiser(Territory territory) {
        if (access.has(Role.ORGANISER)) return;
        String email = access.callerEmail().orElseThrow(DomainException::forbidden);
        boolean member =
                territory.getMembers().stream().anyMatch(m -> m.getEmail().equals(email));
        if (!member) throw DomainException.notFound("nomination");
    }
}
