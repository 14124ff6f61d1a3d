package org.palmares.edition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/** Editions, their categories and criteria, and the moves from phase to phase. */
@ApplicationScoped
public class EditionService {
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

    /** The edition the public home page and the role pages show. */
    public Optional<Edition> findCurrent() {
        return em.createQuery("select e from Edition e where e.current = true order by e.id desc", Edition.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Edition getCurrent() {
        return findCurrent().orElseThrow(() -> DomainException.notFound("edition"));
    }

    /** The edition of that code (TC2019), if any. */
    public Optional<Edition> findByCode(String code) {
        return em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", code)
                .getResultStream()
                .findFirst();
    }

    public Optional<Edition> find(long id) {
        return Optional.ofNullable(em.find(Edition.class, id));
    }

    public Edition get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("edition"));
    }

    public List<Edition> all() {
        return em.createQuery("select e from Edition e order by e.year desc, e.id desc", Edition.class)
                .getResultList();
    }

    public boolean isEmpty() {
        return em.createQuery("select count(e) from Edition e", Long.class).getSingleResult() == 0;
    }

    @Transactional
    public Edition create(
            @NotNull String code, int year, @NotNull String nameFr, @NotNull String nameEn, String timeZone) {
        access.require(Role.ORGANISER);
        if (em.createQuery("select count(e) from Edition e where e.code = :c", Long.class)
                        .setParameter("c", code)
                        .getSingleResult()
                > 0) {
            throw DomainException.conflict("edition.code.taken", code);
        }
        var edition = new Edition(code, year, nameFr, nameEn, timeZone == null ? "Europe/Paris" : timeZone, clock);
        boolean first = isEmpty();
        edition.setCurrent(first);
        em.persist(edition);
        em.flush();
        audit.record("edition.create", "Edition", code);
        return edition;
    }

    /** Saves the organiser's changes to an edition's settings (not its phase, which only {@link #advance} moves). */
    @Transactional
    public Edition update(@Valid @NotNull Edition changed) {
        access.require(Role.ORGANISER);
        Edition stored = get(changed.getId());
        if (stored.getVersion() != changed.getVersion()) {
            throw DomainException.conflict("error.concurrentChange");
        }
        phases.require(stored, EditionAction.EDITION_SETTINGS);
        if (stored.isBlindReview() != changed.isBlindReview()
                || stored.getReviewsPerNomination() != changed.getReviewsPerNomination()
                || stored.isOverallCommentRequired() != changed.isOverallCommentRequired()) {
            phases.require(stored, EditionAction.REVIEW_SETTINGS);
        }
        if (!stored.getCode().equals(changed.getCode())
                && em.createQuery("select count(e) from Edition e where e.code = :c", Long.class)
                                .setParameter("c", changed.getCode())
                                .getSingleResult()
                        > 0) {
            throw DomainException.conflict("edition.code.taken", changed.getCode());
        }
        stored.setCode(changed.getCode());
        stored.setYear(changed.getYear());
        stored.setNameFr(changed.getNameFr());
        stored.setNameEn(changed.getNameEn());
        stored.setDescriptionFr(changed.getDescriptionFr());
        stored.setDescriptionEn(changed.getDescriptionEn());
        stored.setHowToTakePartFr(changed.getHowToTakePartFr());
        stored.setHowToTakePartEn(changed.getHowToTakePartEn());
        stored.setTimeZone(changed.getTimeZone());
        stored.setNominationsOpenAt(changed.getNominationsOpenAt());
        stored.setNominationDeadline(changed.getNominationDeadline());
        stored.setScoringDeadline(changed.getScoringDeadline());
        stored.setCeremonyAt(changed.getCeremonyAt());
        stored.setBlindReview(changed.isBlindReview());
        stored.setOverallCommentRequired(changed.isOverallCommentRequired());
        stored.setReviewsPerNomination(changed.getReviewsPerNomination());
        audit.record("edition.update", "Edition", stored.getCode());
        return stored;
    }

    /** Makes this edition the one the site shows. */
    @Transactional
    public void makeCurrent(long editionId) {
        access.require(Role.ORGANISER);
        Edition edition = get(editionId);
        em.createQuery("update Edition e set e.current = false where e.current = true")
                .executeUpdate();
        em.flush();
        em.refresh(edition);
        edition.setCurrent(true);
        audit.record("edition.makeCurrent", "Edition", edition.getCode());
    }

    public Category getCategory(long id) {
        return Optional.ofNullable(em.find(Category.class, id)).orElseThrow(() -> DomainException.notFound("category"));
    }

    @Transactional
    public Category addCategory(long editionId, @NotNull String code, @NotNull String nameFr, @NotNull String nameEn) {
        access.require(Role.ORGANISER);
        Edition edition = get(editionId);
        phases.require(edition, EditionAction.CATEGORY_STRUCTURE);
        if (edition.getCategories().stream().anyMatch(c -> c.getCode().equals(code))) {
            throw DomainException.conflict("category.code.taken", code);
        }
        Category category = edition.addCategory(code, nameFr, nameEn);
        em.flush();
        audit.record("category.create", "Category", edition.getCode() + "-" + code);
        return category;
    }

    @Transactional
    public Category updateCategory(@Valid @NotNull Category changed) {
        access.require(Role.ORGANISER);
        Category stored = getCategory(changed.getId());
        if (stored.getVersion() != changed.getVersion()) throw DomainException.conflict("error.concurrentChange");
        phases.require(stored.getEdition(), EditionAction.CATEGORY_TEXTS);
        if (!stored.getCode().equals(changed.getCode())) {
            phases.require(stored.getEdition(), EditionAction.CATEGORY_STRUCTURE);
            if (stored.getEdition().getCategories().stream()
                    .anyMatch(c -> c.getCode().equals(changed.getCode()))) {
                throw DomainException.conflict("category.code.taken", changed.getCode());
            }
        }
        stored.setCode(changed.getCode());
        stored.setNameFr(changed.getNameFr());
        stored.setNameEn(changed.getNameEn());
        stored.setDescriptionFr(changed.getDescriptionFr());
        stored.setDescriptionEn(changed.getDescriptionEn());
        stored.setLimitPerTerritory(changed.getLimitPerTerritory());
        stored.setPublicVote(changed.isPublicVote());
        stored.setReviewsPerNomination(changed.getReviewsPerNomination());
        audit.record("category.update", "Category", stored.getId());
        return stored;
    }

    @Transactional
    public void removeCategory(long categoryId) {
        access.require(Role.ORGANISER);
        Category category = getCategory(categoryId);
        phases.require(category.getEdition(), EditionAction.CATEGORY_STRUCTURE);
        long nominations = em.createQuery("select count(n) from Nomination n where n.category = :c", Long.class)
                .setParameter("c", category)
                .getSingleResult();
        if (nominations > 0) throw DomainException.conflict("category.hasNominations");
        category.getEdition().removeCategory(category);
        audit.record("category.delete", "Category", categoryId);
    }

    @Transactional
    public Criterion addCriterion(
            long categoryId, @NotNull String nameFr, @NotNull String nameEn, int weight, int min, int max) {
        access.require(Role.ORGANISER);
        Category category = getCategory(categoryId);
        phases.require(category.getEdition(), EditionAction.CRITERIA);
        if (weight <= 0) throw DomainException.invalid("criterion.weight.positive");
        if (min >= max) throw DomainException.invalid("criterion.scale.order");
        Criterion criterion = category.addCriterion(nameFr, nameEn, weight, min, max);
        em.flush();
        audit.record("criterion.create", "Criterion", criterion.getId());
        return criterion;
    }

    @Transactional
    public Criterion updateCriterion(@Valid @NotNull Criterion changed) {
        access.require(Role.ORGANISER);
        Criterion stored = Optional.ofNullable(em.find(Criterion.class, changed.getId()))
                .orElseThrow(() -> DomainException.notFound("criterion"));
        phases.require(stored.getCategory().getEdition(), EditionAction.CRITERIA);
        if (stored.getVersion() != changed.getVersion()) throw DomainException.conflict("error.concurrentChange");
        stored.setNameFr(changed.getNameFr());
        stored.setNameEn(changed.getNameEn());
        stored.setWeight(changed.getWeight());
        stored.setScaleMin(changed.getScaleMin());
        stored.setScaleMax(changed.getScaleMax());
        stored.setTieBreakPriority(changed.getTieBreakPriority());
        stored.getAnchors().removeIf(a -> !stored.accepts(a.getValue()));
        for (Anchor a : List.copyOf(changed.getAnchors())) {
            if (stored.accepts(a.getValue())) stored.anchor(a.getValue(), a.getTextFr(), a.getTextEn());
        }
        audit.record("criterion.update", "Criterion", stored.getId());
        return stored;
    }

    @Transactional
    public void removeCriterion(long criterionId) {
        access.require(Role.ORGANISER);
        Criterion criterion = Optional.ofNullable(em.find(Criterion.class, criterionId))
                .orElseThrow(() -> DomainException.notFound("criterion"));
        phases.require(criterion.getCategory().getEdition(), EditionAction.CRITERIA);
        criterion.getCategory().removeCriterion(criterion);
        audit.record("criterion.delete", "Criterion", criterionId);
    }

    /** What the phase rules need to know about the edition now. */
    public PhaseFacts facts(Edition edition) {
        long categories = edition.getCategories().size();
        long withoutCriteria = edition.getCategories().stream()
                .filter(c -> c.getCriteria().isEmpty())
                .count();
        return new PhaseFacts(
                (int) categories,
                (int) withoutCriteria,
                edition.nominationDeadline().map(Deadline::instant).orElse(null),
                edition.scoringDeadline().map(Deadline::instant).orElse(null),
                countNominations(
                        edition,
                        "n.status in (org.palmares.nomination.NominationStatus.SUBMITTED, "
                                + "org.palmares.nomination.NominationStatus.ELIGIBLE, org.palmares.nomination.NominationStatus.INELIGIBLE)"),
                countNominations(edition, "n.status = org.palmares.nomination.NominationStatus.SUBMITTED"),
                countNominations(edition, "n.status = org.palmares.nomination.NominationStatus.ELIGIBLE"),
                em.createQuery("select count(j) from Juror j where j.edition = :e", Long.class)
                        .setParameter("e", edition)
                        .getSingleResult(),
                em.createQuery(
                                "select count(s) from ScoreSheet s where s.assignment.nomination.category.edition = :e "
                                        + "and s.status = org.palmares.scoring.SheetStatus.DRAFT and s.assignment.recused = false",
                                Long.class)
                        .setParameter("e", edition)
                        .getSingleResult(),
                categories
                        - em.createQuery(
                                        "select count(d) from Decision d where d.category.edition = :e "
                                                + "and d.signedOffAt is not null",
                                        Long.class)
                                .setParameter("e", edition)
                                .getSingleResult());
    }

    private long countNominations(Edition edition, String condition) {
        return em.createQuery(
                        "select count(n) from Nomination n where n.category.edition = :e and " + condition, Long.class)
                .setParameter("e", edition)
                .getSingleResult();
    }

    /** What still stops the edition from moving on; empty when it may. */
    public List<String> missingToAdvance(Edition edition) {
        return PhaseRules.missingToLeave(edition.getPhase(), facts(edition), clock.instant());
    }

    /** Moves the edition to its next phase, if every precondition holds. */
    @Transactional
    public Phase advance(long editionId) {
        access.require(Role.ORGANISER);
        Edition edition = get(editionId);
        List<String> missing = missingToAdvance(edition);
        if (!missing.isEmpty()) {
            throw new PhaseBlocked(missing);
        }
        Phase before = edition.getPhase();
        Phase after = edition.advance();
        audit.record("edition.advance", "Edition", edition.getCode(), before.name(), after.name());
        return after;
    }
}
