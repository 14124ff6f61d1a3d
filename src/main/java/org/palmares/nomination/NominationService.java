package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.EditionService;
import org.palmares.edition.PhaseGuard;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;
import org.palmares.platform.RetryOnContention;
import org.palmares.platform.StorageFailures;

/** Nominations: drafts, submission with a reference number, and what a territory may see of them. */
@ApplicationScoped
public class NominationService {
    @Inject
    org.palmares.platform.Activity activity;

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 20_000;

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

    @Inject
    NominationAccess nominationAccess;

    @Inject
    Mailer mailer;

    @Inject
    ReferenceCounters counters;

    @Inject
    PhaseGuard phases;

    /** Starts a draft for a territory in a category, taking the first free place of the category's limit. */
    @Transactional
    public Nomination createDraft(long territoryId, long categoryId, @NotBlank @Size(max = 200) String title) {
        Territory territory = territories.get(territoryId);
        if (!access.has(Role.ORGANISER) && !nominationAccess.isMember(territory)) {
            throw DomainException.notFound("territory");
        }
        Category category = editions.getCategory(categoryId);
        requireOpen(category.getEdition());
        checkTitle(title);
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
        var nomination = new Nomination(category, territory, slot, title.strip(), clock);
        em.persist(nomination);
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // A full disk is no race: the caller must hear that the storage is full (503), not that the limit is
            // reached.
            if (StorageFailures.classify(raced).isPresent()) throw raced;
            // Another tab took the same place between our read and our insert: the unique key said no.
            throw DomainException.conflict("nomination.limitReached", category.getLimitPerTerritory());
        }
        audit.record("nomination.create", "Nomination", nomination.getId(), null, nomination.getTitle());
        return nomination;
    }

    /** Starts a draft for the caller's own territory. */
    @Transactional
    public Nomination createForCaller(long categoryId, String title) {
        Territory territory = callerTerritory().orElseThrow(DomainException::forbidden);
        return createDraft(territory.getId(), categoryId, title);
    }

    @Transactional
    public Nomination edit(long nominationId, @NotBlank @Size(max = 200) String title, String summary) {
        Nomination nomination = getChangeable(nominationId);
        return save(nomination.getId(), null, title, summary, Map.of());
    }

    /**
     * Saves a draft or a submitted nomination: title, summary and answers. With an expected version, a save
     * based on an older version than the stored one is refused (412), so two tabs never overwrite each other
     * silently. Answers are checked for their kind (number, date, choice) but may be blank until submission.
     */
    @RetryOnContention
    @Transactional
    public Nomination save(
            long nominationId, Long expectedVersion, String title, String summary, Map<Long, String> answers) {
        Nomination nomination = getChangeable(nominationId);
        requireOpen(nomination);
        if (!nomination.isChangeable()) throw DomainException.conflict("nomination.notChangeable");
        if (expectedVersion != null && expectedVersion != nomination.getVersion()) {
            throw stale();
        }
        checkTitle(title);
        if (summary != null && summary.length() > MAX_SUMMARY) {
            throw DomainException.invalid("nomination.summary.tooLong", MAX_SUMMARY);
        }
        Map<Long, Question> questions = new HashMap<>();
        questions(nomination.getCategory()).forEach(q -> questions.put(q.getId(), q));
        for (var entry : answers.entrySet()) {
            Question question = questions.get(entry.getKey());
            if (question == null) throw DomainException.invalid("question.unknown", entry.getKey());
            Optional<String> problem = question.problemWith(entry.getValue());
            if (problem.isPresent()) {
                throw DomainException.invalid(problem.get(), question.getLabelFr(), question.maxLength());
            }
        }
        String before = nomination.getTitle();
        nomination.edit(title.strip(), summary, clock);
        answers.forEach(
                (id, value) -> nomination.answer(questions.get(id), value == null ? null : value.strip(), clock));
        try {
            em.flush();
        } catch (OptimisticLockException concurrent) {
            throw stale();
        }
        audit.record("nomination.save", "Nomination", nomination.getId(), before, nomination.getTitle());
        return nomination;
    }

    /**
     * Submits a nomination once nothing required is missing; the first submission gives it the next reference
     * number of its category, taken under a lock so concurrent submissions get consecutive numbers. The
     * territory's members receive a receipt with the PDF summary.
     */
    @RetryOnContention
    @Transactional
    public Nomination submit(long nominationId) {
        Nomination nomination = getChangeable(nominationId);
        requireOpen(nomination);
        if (!nomination.isChangeable()) throw DomainException.conflict("nomination.notChangeable");
        List<String> missing = Completeness.missing(nomination, questions(nomination.getCategory()), Messages.DEFAULT);
        if (!missing.isEmpty()) {
            throw new IncompleteNomination(
                    Completeness.missing(nomination, questions(nomination.getCategory()), Locale.ENGLISH), missing);
        }
        String reference = null;
        if (!nomination.hasReference()) {
            Category category = nomination.getCategory();
            ReferenceCounter counter = lockedCounter(category.getId());
            reference = ReferenceCounter.format(category.getEdition().getCode(), category.getCode(), counter.next());
        }
        nomination.submit(reference, clock);
        em.flush();
        audit.record("nomination.submit", "Nomination", nomination.getReference());
        if (!access.isSystem()) {
            sendReceipt(nomination);
            // The demo loader's submissions are data, not activity.
            activity.count(org.palmares.platform.Activity.Event.NOMINATION_SUBMITTED);
        }
        return nomination;
    }

    @Transactional
    public Nomination withdraw(long nominationId) {
        Nomination nomination = getChangeable(nominationId);
        requireOpen(nomination);
        if (!nomination.isChangeable()) throw DomainException.conflict("nomination.notChangeable");
        nomination.withdraw(clock);
        audit.record("nomination.withdraw", "Nomination", nomination.getId(), null, nomination.getReference());
        return nomination;
    }

    /** Takes a withdrawn or submitted nomination back as a draft, before the deadline. */
    @Transactional
    public Nomination reopen(long nominationId) {
        Nomination nomination = getChangeable(nominationId);
        requireOpen(nomination);
        if (nomination.getStatus() != NominationStatus.WITHDRAWN
                && nomination.getStatus() != NominationStatus.SUBMITTED) {
            throw DomainException.conflict("nomination.notWithdrawn");
        }
        nomination.reopen(clock);
        audit.record("nomination.reopen", "Nomination", nomination.getId());
        return nomination;
    }

    /** Adds an extra question to a category's form (organisers). */
    @Transactional
    public Question addQuestion(
            long categoryId,
            @NotBlank String labelFr,
            @NotBlank String labelEn,
            QuestionKind kind,
            boolean required,
            String helpFr,
            String helpEn,
            String choices) {
        access.require(Role.ORGANISER);
        Category category = editions.getCategory(categoryId);
        phases.require(category.getEdition(), EditionAction.CATEGORY_STRUCTURE);
        var question = new Question(
                category, labelFr, labelEn, kind, required, questions(category).size());
        question.setHelpFr(helpFr);
        question.setHelpEn(helpEn);
        question.setChoices(choices);
        em.persist(question);
        em.flush();
        audit.record("question.create", "Question", question.getId(), null, labelFr);
        return question;
    }

    /** The extra questions of a category's form, in order. */
    public List<Question> questions(Category category) {
        return em.createQuery(
                        "select q from Question q where q.category = :c order by q.position, q.id", Question.class)
                .setParameter("c", category)
                .getResultList();
    }

    /** The extra questions of a category, for organisers. */
    public List<Question> questionsOf(long categoryId) {
        access.require(Role.ORGANISER);
        return questions(editions.getCategory(categoryId));
    }

    /** The PDF receipt of a submitted nomination of the caller's territory (or for an organiser). */
    public byte[] receipt(long nominationId, Locale locale) {
        Nomination nomination = getChangeable(nominationId);
        if (!nomination.hasReference() || nomination.getSubmittedAt() == null) {
            throw DomainException.conflict("receipt.notSubmitted");
        }
        return NominationReceipt.pdf(nomination, questions(nomination.getCategory()), locale);
    }

    /** What the nomination still lacks before submission, in the reader's language. */
    public List<String> missing(Nomination nomination, Locale locale) {
        return Completeness.missing(nomination, questions(nomination.getCategory()), locale);
    }

    /** An edition by its code (e.g. TC2019) or its numeric id. */
    public Edition edition(String key) {
        if (key != null && key.matches("\\d{1,18}")) return editions.get(Long.parseLong(key));
        return em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", key)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("edition"));
    }

    public Optional<Nomination> find(long id) {
        return Optional.ofNullable(em.find(Nomination.class, id));
    }

    public Nomination get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("nomination"));
    }

    /** A nomination the caller may see (organiser, its territory, an assigned juror free of conflict). */
    public Nomination getVisible(long id) {
        Nomination nomination = get(id);
        nominationAccess.requireVisible(nomination);
        return nomination;
    }

    /** A nomination the caller may change (organiser or its territory); "not found" for anyone else. */
    public Nomination getChangeable(long id) {
        Nomination nomination = get(id);
        nominationAccess.requireChangeable(nomination);
        return nomination;
    }

    /** The territory the caller belongs to. */
    public Optional<Territory> callerTerritory() {
        return access.callerEmail().flatMap(territories::ofMember);
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

    /** The categories of an edition where the caller's territory may still start a nomination. */
    public List<Category> openCategories(Edition edition) {
        Optional<Territory> territory = callerTerritory();
        if (territory.isEmpty() || !edition.acceptsNominations(clock)) return List.of();
        Map<Long, Long> used = new HashMap<>();
        em.createQuery(
                        "select n.category.id, count(n) from Nomination n where n.territory = :t group by n.category.id",
                        Object[].class)
                .setParameter("t", territory.get())
                .getResultList()
                .forEach(row -> used.put((Long) row[0], (Long) row[1]));
        return edition.getCategories().stream()
                .filter(c -> used.getOrDefault(c.getId(), 0L) < c.getLimitPerTerritory())
                .toList();
    }

    /**
     * One page of an edition's nominations: all of them for organisers, its own for a territory; optionally of
     * one status and one category (by code).
     */
    public Page search(Edition edition, NominationStatus status, String categoryCode, int page, int size) {
        Territory own = null;
        if (!access.has(Role.ORGANISER)) {
            if (!access.has(Role.TERRITORY)) throw DomainException.forbidden();
            own = callerTerritory().orElseThrow(DomainException::forbidden);
        }
        StringBuilder where = new StringBuilder(" from Nomination n where n.category.edition = :e");
        if (own != null) where.append(" and n.territory = :t");
        if (status != null) where.append(" and n.status = :s");
        if (categoryCode != null && !categoryCode.isBlank()) where.append(" and n.category.code = :c");
        var count = em.createQuery("select count(n)" + where, Long.class);
        var list = em.createQuery("select n" + where + " order by n.category.position, n.id", Nomination.class);
        for (var query : List.of(count, list)) {
            query.setParameter("e", edition);
            if (own != null) query.setParameter("t", own);
            if (status != null) query.setParameter("s", status);
            if (categoryCode != null && !categoryCode.isBlank()) query.setParameter("c", categoryCode);
        }
        int safeSize = Math.max(1, Math.min(size, 100));
        int safePage = Math.max(0, page);
        List<Nomination> items =
                list.setFirstResult(safePage * safeSize).setMaxResults(safeSize).getResultList();
        return new Page(items, count.getSingleResult(), safePage, safeSize);
    }

    /** A page of nominations and the total count of the query. */
    public record Page(List<Nomination> items, long total, int page, int size) {}

    public long countInEdition(long editionId) {
        return em.createQuery("select count(n) from Nomination n where n.category.edition.id = :e", Long.class)
                .setParameter("e", editionId)
                .getSingleResult();
    }

    /** Refuses any change once the nomination deadline (in the edition's time zone) has passed. */
    void requireOpen(Nomination nomination) {
        requireOpen(nomination.getCategory().getEdition());
    }

    /** Nominations change only while the edition takes them, and until its deadline. */
    private void requireOpen(Edition edition) {
        phases.require(edition, EditionAction.NOMINATION);
        if (!access.isSystem() && !edition.acceptsNominations(clock)) {
            throw DomainException.conflict("nomination.closed");
        }
    }

    /** The category's counter, locked until the end of the submitting transaction. */
    private ReferenceCounter lockedCounter(long categoryId) {
        ReferenceCounter counter = em.find(ReferenceCounter.class, categoryId, LockModeType.PESSIMISTIC_WRITE);
        if (counter != null) return counter;
        if (access.isSystem()) {
            // Start-up loading: one thread, and its categories are not committed yet, so no separate transaction.
            counter = new ReferenceCounter(categoryId);
            em.persist(counter);
            return counter;
        }
        try {
            counters.ensure(categoryId);
        } catch (RuntimeException raced) {
            // Another submission created the row at the same moment: it exists now, which is all we need.
            java.util.logging.Logger.getLogger(NominationService.class.getName())
                    .fine(() -> "Reference counter created concurrently: " + raced);
        }
        return em.find(ReferenceCounter.class, categoryId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void checkTitle(String title) {
        if (title == null || title.isBlank()) throw DomainException.invalid("nomination.title.required");
        if (title.strip().length() > MAX_TITLE) throw DomainException.invalid("nomination.title.tooLong", MAX_TITLE);
    }

    private static DomainException stale() {
        return new DomainException(412, "nomination.stale");
    }

    private void sendReceipt(Nomination nomination) {
        List<Question> questions = questions(nomination.getCategory());
        for (Account member : nomination.getTerritory().getMembers()) {
            Locale locale = Messages.supported(
                    member.getLocale() == null ? Messages.DEFAULT : Locale.forLanguageTag(member.getLocale()));
            byte[] pdf = NominationReceipt.pdf(nomination, questions, locale);
            mailer.send(
                    member.getEmail(),
                    Messages.get(locale, "receipt.mail.subject", nomination.getReference()),
                    Messages.get(
                            locale,
                            "receipt.mail.body",
                            member.getDisplayName(),
                            nomination.getReference(),
                            nomination.getTitle(),
                            nomination.getCategory().name(locale)),
                    new Mailer.Attachment(NominationReceipt.fileName(nomination), "application/pdf", pdf));
        }
    }

    /** Submission refused: required items are missing; {@link #missing()} names them. */
    public static class IncompleteNomination extends DomainException {
        private final List<String> missingEn;
        private final List<String> missingFr;

        IncompleteNomination(List<String> missingEn, List<String> missingFr) {
            super(422, "nomination.incomplete", String.join(", ", missingFr));
            this.missingEn = List.copyOf(missingEn);
            this.missingFr = List.copyOf(missingFr);
        }

        public List<String> missing(Locale locale) {
            return Messages.supported(locale) == Locale.ENGLISH ? missingEn : missingFr;
        }
    }
}
