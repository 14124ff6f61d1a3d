package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.EditionService;
import org.palmares.edition.PhaseGuard;
import org.palmares.platform.Access;
import org.palmares.platform.AuditEvent;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;

/**
 * The organisers' side of nominations: the list with its filters and counts, screening (eligible or not, with a
 * reason the territory sees), moving to another category, and each nomination's history.
 */
@ApplicationScoped
public class ScreeningService {
    /** How many nominations an export or a bulk action loads at once. */
    static final int BATCH = 500;

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
    Mailer mailer;

    @Inject
    EditionService editions;

    /** This service through its proxy, so that each item of a bulk action has its own transaction. */
    @Inject
    jakarta.enterprise.inject.Instance<ScreeningService> self;

    /**
     * One page of the filtered list, sorted in the database. Two queries: the page's ids, sorted on the few columns the
     * sort needs, then those nominations with their territory and category. Sorting whole rows (summaries included)
     * would make the database move every nomination's text for 25 rows.
     */
    public List<Nomination> page(
            Edition edition, NominationFilter filter, NominationSort sort, boolean ascending, int first, int size) {
        access.require(Role.ORGANISER);
        String direction = ascending ? " asc" : " desc";
        TypedQuery<Object[]> idQuery = em.createQuery(
                        "select n.id, " + sort.path() + " from Nomination n " + where(filter) + " order by "
                                + sort.path() + direction + ", n.id asc",
                        Object[].class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, BATCH)));
        bind(idQuery, edition, filter);
        List<Long> ids =
                idQuery.getResultList().stream().map(row -> (Long) row[0]).toList();
        if (ids.isEmpty()) return List.of();
        Map<Long, Nomination> byId = new HashMap<>();
        em.createQuery(
                        "select n from Nomination n join fetch n.territory join fetch n.category where n.id in :ids",
                        Nomination.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(n -> byId.put(n.getId(), n));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public long count(Edition edition, NominationFilter filter) {
        access.require(Role.ORGANISER);
        TypedQuery<Long> query = em.createQuery("select count(n) from Nomination n " + where(filter), Long.class);
        bind(query, edition, filter);
        return query.getSingleResult();
    }

    /** Calls the consumer with the filtered list in batches, in reference order, for exports. */
    public void forEachBatch(Edition edition, NominationFilter filter, Consumer<List<Nomination>> consumer) {
        access.require(Role.ORGANISER);
        long lastId = 0;
        while (true) {
            TypedQuery<Nomination> query = em.createQuery(
                            "select n from Nomination n join fetch n.territory join fetch n.category "
                                    + where(filter)
                                    + " and n.id > :lastId order by n.id",
                            Nomination.class)
                    .setParameter("lastId", lastId)
                    .setMaxResults(BATCH);
            bind(query, edition, filter);
            List<Nomination> batch = query.getResultList();
            if (batch.isEmpty()) return;
            consumer.accept(batch);
            lastId = batch.get(batch.size() - 1).getId();
            em.clear();
        }
    }

    /** The answers of a batch of nominations, by nomination id, in one query. */
    public Map<Long, List<Answer>> answersOf(List<Nomination> nominations) {
        access.require(Role.ORGANISER);
        Map<Long, List<Answer>> byNomination = new HashMap<>();
        if (nominations.isEmpty()) return byNomination;
        em.createQuery("select a from Answer a join fetch a.question where a.nomination.id in :ids", Answer.class)
                .setParameter("ids", nominations.stream().map(Nomination::getId).toList())
                .getResultList()
                .forEach(a -> byNomination
                        .computeIfAbsent(a.getNomination().getId(), k -> new ArrayList<>())
                        .add(a));
        return byNomination;
    }

    /** The extra questions of a category, in their order, for the export's columns. */
    public List<Question> questionsOf(Category category) {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select q from Question q where q.category = :c order by q.position, q.id", Question.class)
                .setParameter("c", category)
                .getResultList();
    }

    /** Number of nominations per category code and status, drafts included, for the counts above the list. */
    public Counts counts(Edition edition) {
        access.require(Role.ORGANISER);
        Map<String, Map<NominationStatus, Long>> byCategory = new LinkedHashMap<>();
        Map<Long, String> codes = new HashMap<>();
        edition.getCategories().forEach(c -> {
            byCategory.put(c.getCode(), new HashMap<>());
            codes.put(c.getId(), c.getCode());
        });
        if (codes.isEmpty()) return new Counts(byCategory);
        // Grouped on the category's key, so the database counts the nomination table alone, without a join.
        em.createQuery(
                        "select n.category.id, n.status, count(n) from Nomination n "
                                + "where n.category.id in :categories group by n.category.id, n.status",
                        Object[].class)
                .setParameter("categories", codes.keySet())
                .getResultList()
                .forEach(row -> byCategory
                        .computeIfAbsent(codes.get((Long) row[0]), k -> new HashMap<>())
                        .put((NominationStatus) row[1], (Long) row[2]));
        return new Counts(byCategory);
    }

    /**
     * The régions of the territories, for the filter. Read from the territories (a few hundred rows at most), not
     * from the nominations, so the list costs the same at 50 or 5,000 nominations.
     */
    public List<String> regions() {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select distinct t.region from Territory t where t.region is not null order by t.region",
                        String.class)
                .getResultList();
    }

    /**
     * The organisers' verdict on a nomination. An ineligible one needs a reason, which the territory sees and is
     * e-mailed.
     */
    @Transactional
    public Nomination screen(long nominationId, boolean eligible, @Size(max = 1000) String reason) {
        access.require(Role.ORGANISER);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!eligible && why == null) throw DomainException.invalid("screening.reason.required");
        Nomination nomination = get(nominationId);
        phases.require(nomination.getCategory().getEdition(), EditionAction.SCREENING_VERDICT);
        if (!nomination.isScreenable()) throw DomainException.conflict("screening.notSubmitted", label(nomination));
        NominationStatus before = nomination.getStatus();
        nomination.screen(eligible, why, clock);
        audit.record(
                "nomination.screen",
                "Nomination",
                nomination.getId(),
                before.name(),
                nomination.getStatus().name() + (why == null ? "" : " — " + why));
        if (!eligible) tellTerritory(nomination, "mail.ineligible", why);
        return nomination;
    }

    /**
     * The same verdict on many nominations at once. Each is screened in its own transaction: the report says which
     * could not be, and why, and the others are kept.
     */
    public BulkReport screenAll(List<Long> nominationIds, boolean eligible, String reason, Locale locale) {
        List<String> refused = new ArrayList<>();
        int done = 0;
        for (Long id : nominationIds) {
            try {
                self().screen(id, eligible, reason);
                done++;
            } catch (DomainException e) {
                refused.add(find(id).map(ScreeningService::label).orElse("#" + id) + " — "
                        + Messages.get(locale, e.messageKey(), e.arguments()));
            }
        }
        return new BulkReport(done, refused);
    }

    /**
     * Moves a nomination to another category of its edition. The reference stays (it names where the territory
     * first sent it); the move needs a reason, which goes to the history and to the territory.
     */
    @Transactional
    public Nomination move(long nominationId, long categoryId, @NotNull @Size(max = 1000) String reason) {
        access.require(Role.ORGANISER);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("screening.moveReason.required");
        Nomination nomination = get(nominationId);
        phases.require(nomination.getCategory().getEdition(), EditionAction.SCREENING_VERDICT);
        Category target = editions.getCategory(categoryId);
        Category from = nomination.getCategory();
        if (!target.getEdition().getId().equals(from.getEdition().getId())) {
            throw DomainException.invalid("screening.move.otherEdition");
        }
        if (target.getId().equals(from.getId())) return nomination;
        List<Integer> taken = em.createQuery(
                        "select n.slot from Nomination n where n.category = :c and n.territory = :t", Integer.class)
                .setParameter("c", target)
                .setParameter("t", nomination.getTerritory())
                .getResultList();
        int slot = IntStream.range(0, target.getLimitPerTerritory())
                .filter(i -> !taken.contains(i))
                .findFirst()
                .orElseThrow(() -> DomainException.conflict("screening.move.limit", target.getCode()));
        nomination.moveTo(target, slot, clock);
        audit.record(
                "nomination.move",
                "Nomination",
                nomination.getId(),
                from.getCode(),
                target.getCode() + " — " + reason.strip());
        tellTerritory(nomination, "mail.moved", reason.strip());
        return nomination;
    }

    /** Everything that happened to a nomination, oldest first. */
    public List<AuditEvent> history(long nominationId) {
        access.require(Role.ORGANISER);
        Nomination nomination = get(nominationId);
        List<String> ids = new ArrayList<>(List.of(String.valueOf(nomination.getId())));
        if (nomination.getReference() != null) ids.add(nomination.getReference());
        return em.createQuery(
                        "select e from AuditEvent e where e.objectType = 'Nomination' and e.objectId in :ids "
                                + "order by e.at, e.id",
                        AuditEvent.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public Nomination get(long id) {
        access.require(Role.ORGANISER);
        return find(id).orElseThrow(() -> DomainException.notFound("nomination"));
    }

    private java.util.Optional<Nomination> find(long id) {
        return java.util.Optional.ofNullable(em.find(Nomination.class, id));
    }

    private void tellTerritory(Nomination nomination, String key, String reason) {
        for (Account member : nomination.getTerritory().getMembers()) {
            Locale locale = member.getLocale() == null ? Messages.DEFAULT : Locale.forLanguageTag(member.getLocale());
            mailer.send(
                    member.getEmail(),
                    Messages.get(locale, key + ".subject", label(nomination)),
                    Messages.get(
                            locale,
                            key + ".body",
                            member.getDisplayName(),
                            label(nomination),
                            nomination.getCategory().name(locale),
                            reason == null ? "" : reason));
        }
    }

    private static String label(Nomination n) {
        return (n.getReference() == null ? "" : n.getReference() + " — ") + n.getTitle();
    }

    private static String where(NominationFilter f) {
        StringBuilder where = new StringBuilder("where n.category.edition = :edition");
        if (f.categoryId() != null) where.append(" and n.category.id = :category");
        if (f.status() != null) where.append(" and n.status = :status");
        else where.append(" and n.status <> org.palmares.nomination.NominationStatus.DRAFT");
        if (f.region() != null && !f.region().isBlank()) where.append(" and n.territory.region = :region");
        if (f.territoryId() != null) where.append(" and n.territory.id = :territory");
        if (f.likePattern() != null) {
            where.append(
                    " and (lower(n.title) like :text escape '\\' or lower(n.summary) like :text escape '\\'"
                            + " or lower(n.reference) like :text escape '\\' or lower(n.territory.name) like :text escape '\\')");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, Edition edition, NominationFilter f) {
        query.setParameter("edition", edition);
        if (f.categoryId() != null) query.setParameter("category", f.categoryId());
        if (f.status() != null) query.setParameter("status", f.status());
        if (f.region() != null && !f.region().isBlank()) query.setParameter("region", f.region());
        if (f.territoryId() != null) query.setParameter("territory", f.territoryId());
        if (f.likePattern() != null) query.setParameter("text", f.likePattern());
    }

    private ScreeningService self() {
        return self.get();
    }

    /** Counts per category code and status. */
    public record Counts(Map<String, Map<NominationStatus, Long>> byCategory) {
        public long of(String category, NominationStatus status) {
            return byCategory.getOrDefault(category, Map.of()).getOrDefault(status, 0L);
        }

        public long ofStatus(NominationStatus status) {
            return byCategory.values().stream()
                    .mapToLong(m -> m.getOrDefault(status, 0L))
                    .sum();
        }

        /**
         * How many nominations the list shows for a category (all when null) and a status (all but drafts when
         * null), as the list's own query counts them.
         */
        public long listed(String category, NominationStatus status) {
            return byCategory.entrySet().stream()
                    .filter(e -> category == null || e.getKey().equals(category))
                    .flatMap(e -> e.getValue().entrySet().stream())
                    .filter(e -> status == null ? e.getKey() != NominationStatus.DRAFT : e.getKey() == status)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        public long ofCategory(String category) {
            return byCategory.getOrDefault(category, Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** What a bulk action did: how many changed and which were refused, with the reason. */
    public record BulkReport(int done, List<String> refused) {}
}
