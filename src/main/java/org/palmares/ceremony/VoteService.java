package org.palmares.ceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.Phase;
import org.palmares.edition.PhaseClosed;
import org.palmares.edition.PhaseGuard;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.platform.Access;
import org.palmares.platform.Activity;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;
import org.palmares.platform.RetryOnContention;

/**
 * The public vote: voting windows, casting a ballot (a code by e-mail), verifying it, the organisers' counts and
 * fraud report, and voiding. Counts are for organisers only until publication.
 */
@ApplicationScoped
public class VoteService {
    @Inject
    Activity activity;

    private static final Logger LOG = Logger.getLogger(VoteService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    @Inject
    AuditLog audit;

    @Inject
    Mailer mailer;

    @Inject
    VoteSettings settings;

    @Inject
    VoteLimits limits;

    @Inject
    BallotDesk desk;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong honeypotHits = new AtomicLong();

    /** What the voter is told after casting: the ballot to verify, until when. */
    public record Receipt(String ballot, Instant expiresAt) {}

    /** A nomination and its verified, unvoided votes. */
    public record NominationCount(Nomination nomination, long votes) {
        public Nomination getNomination() {
            return nomination;
        }

        public long getVotes() {
            return votes;
        }
    }

    // --- categories, windows, ballot paper (public) ---

    /** An edition by code or id; a blank key means the current edition. */
    public Edition edition(String key) {
        if (key == null || key.isBlank()) {
            return em.createQuery("select e from Edition e where e.current = true order by e.id desc", Edition.class)
                    .setMaxResults(1)
                    .getResultStream()
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound("edition"));
        }
        if (key.matches("\\d{1,18}")) {
            return Optional.ofNullable(em.find(Edition.class, Long.parseLong(key)))
                    .orElseThrow(() -> DomainException.notFound("edition"));
        }
        return em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", key)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("edition"));
    }

    /** The public-vote categories of an edition, in their order. */
    public List<Category> publicCategories(Edition edition) {
        return em.createQuery(
                        "select c from Category c where c.edition = :e and c.publicVote = true order by c.position",
                        Category.class)
                .setParameter("e", edition)
                .getResultList();
    }

    /** A public-vote category by code (or the edition's first one when the code is blank). */
    public Category publicCategory(Edition edition, String code) {
        return publicCategories(edition).stream()
                .filter(c -> code == null || code.isBlank() || c.getCode().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("category"));
    }

    public Category category(long id) {
        return Optional.ofNullable(em.find(Category.class, id)).orElseThrow(() -> DomainException.notFound("category"));
    }

    public Optional<VoteWindow> window(Category category) {
        return em.createQuery("select w from VoteWindow w where w.category = :c", VoteWindow.class)
                .setParameter("c", category)
                .getResultStream()
                .findFirst();
    }

    public VotingWindow rules(Category category) {
        return window(category)
                .map(VoteWindow::rules)
                .orElseGet(
                        () -> new VotingWindow(null, null, category.getEdition().zone()));
    }

    public VotingWindow.State state(Category category) {
        return category.isPublicVote() ? rules(category).state(clock.instant()) : VotingWindow.State.NOT_SET;
    }

    /** Sets a category's voting window (both ends in the edition's time zone). */
    @Transactional
    public VoteWindow setWindow(long categoryId, LocalDateTime opensAt, LocalDateTime closesAt) {
        access.require(Role.ORGANISER);
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.PUBLIC_VOTE_SETUP);
        if (!category.isPublicVote()) throw DomainException.conflict("vote.window.notPublic");
        if (opensAt == null || closesAt == null) throw DomainException.invalid("vote.window.required");
        if (!closesAt.isAfter(opensAt)) throw DomainException.invalid("vote.window.order");
        VoteWindow window = window(category).orElseGet(() -> {
            var created = new VoteWindow(category);
            em.persist(created);
            return created;
        });
        String before = window.getOpensAt() == null ? null : window.getOpensAt() + " – " + window.getClosesAt();
        window.set(opensAt, closesAt);
        audit.record("vote.window", "Category", category.getId(), before, opensAt + " – " + closesAt);
        return window;
    }

    /** The eligible nominations of a public-vote category: what the public chooses from. */
    public List<Nomination> ballotPaper(Category category) {
        return em.createQuery(
                        "select n from Nomination n where n.category = :c and n.status = :s order by n.reference",
                        Nomination.class)
                .setParameter("c", category)
                .setParameter("s", NominationStatus.ELIGIBLE)
                .getResultList();
    }

    /** An eligible nomination of a public-vote category: what the public may see of it (title, summary, picture). */
    public Nomination publicNomination(long id) {
        return Optional.ofNullable(em.find(Nomination.class, id))
                .filter(n -> n.getCategory().isPublicVote())
                .filter(n -> n.getStatus() == NominationStatus.ELIGIBLE)
                .orElseThrow(() -> DomainException.notFound("nomination"));
    }

    // --- casting and verifying (public) ---

    /** Category ids found for (edition key, category code) lately, so that a rush of casts does not ask each time. */
    private record FoundCategory(long id, Instant until) {}

    private static final Duration FOUND_CATEGORY_KEPT = Duration.ofSeconds(10);
    private final Map<String, FoundCategory> foundCategories = new ConcurrentHashMap<>();

    /**
     * The public-vote category of an edition a cast names, as its id: by code, or the edition's first one when the
     * code is blank. Casting is the busiest public write: an id found is kept 10 s (a renamed code answers that much
     * longer; the cast itself checks again that the category takes votes and holds the nomination).
     */
    public long publicCategoryId(String editionKey, String code) {
        String key = Objects.toString(editionKey, "") + "/"
                + Objects.toString(code, "").toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        FoundCategory found = foundCategories.get(key);
        if (found != null && found.until().isAfter(now)) return found.id();
        long id = findPublicCategoryId(editionKey, code);
        if (foundCategories.size() >= 1_000) foundCategories.clear();
        foundCategories.put(key, new FoundCategory(id, now.plus(FOUND_CATEGORY_KEPT)));
        return id;
    }

    private long findPublicCategoryId(String editionKey, String code) {
        String edition;
        if (editionKey == null || editionKey.isBlank()) {
            edition = "c.edition.current = true";
        } else if (editionKey.matches("\\d{1,18}")) {
            edition = "c.edition.id = :k";
        } else {
            edition = "c.edition.code = :k";
        }
        var query = em.createQuery(
                "select c.id, c.code from Category c where " + edition
                        + " and c.publicVote = true order by c.edition.id desc, c.position",
                Object[].class);
        if (editionKey != null && !editionKey.isBlank()) {
            query.setParameter("k", editionKey.matches("\\d{1,18}") ? (Object) Long.valueOf(editionKey) : editionKey);
        }
        return query.getResultStream()
                .filter(row -> code == null || code.isBlank() || ((String) row[1]).equalsIgnoreCase(code))
                .map(row -> (Long) row[0])
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("category"));
    }

    /** What a cast needs to know of its category and nomination: one query, no entity, no long text. */
    private record CastTarget(
            String nameFr,
            String nameEn,
            boolean publicVote,
            String timeZone,
            LocalDateTime opensAt,
            LocalDateTime closesAt,
            String title,
            NominationStatus status,
            Phase phase) {
        VotingWindow rules() {
            return new VotingWindow(opensAt, closesAt, java.time.ZoneId.of(timeZone));
        }
    }

    private Optional<CastTarget> castTarget(long categoryId, long nominationId) {
        Object[] window = em.createQuery(
                        "select w.opensAt, w.closesAt from VoteWindow w where w.category.id = :c", Object[].class)
                .setParameter("c", categoryId)
                .getResultStream()
                .findFirst()
                .orElse(new Object[2]);
        return em.createQuery(
                        "select c.nameFr, c.nameEn, c.publicVote, c.edition.timeZone, n.title, n.status,"
                                + " c.edition.phase from Nomination n join n.category c where n.id = :n and c.id = :c",
                        Object[].class)
                .setParameter("n", nominationId)
                .setParameter("c", categoryId)
                .getResultStream()
                .findFirst()
                .map(r -> new CastTarget(
                        (String) r[0],
                        (String) r[1],
                        (Boolean) r[2],
                        (String) r[3],
                        (LocalDateTime) window[0],
                        (LocalDateTime) window[1],
                        (String) r[4],
                        (NominationStatus) r[5],
                        (Phase) r[6]));
    }

    /**
     * Casts a ballot for a nomination of a public-vote category and e-mails its code and link. A filled honeypot gets
     * the same answer as a real voter and nothing happens. The clear address goes into the outbox message only.
     */
    @RetryOnContention
    @Transactional
    public Receipt cast(
            long categoryId, long nominationId, String email, String honeypot, String client, Locale locale) {
        if (honeypot != null && !honeypot.isBlank()) {
            honeypotHits.incrementAndGet();
            LOG.fine(() -> "Honeypot filled from " + IpPrefix.of(client));
            return new Receipt(
                    VerificationCode.newToken(random), clock.instant().plus(VerificationCode.VALIDITY));
        }
        VoterAddress address =
                VoterAddress.parse(email).orElseThrow(() -> DomainException.invalid("vote.email.invalid"));
        if (settings.disposable().contains(address.domain())) {
            throw DomainException.invalid("vote.email.disposable", address.domain());
        }
        VoterHash hasher = settings.voterHash();
        String voter = hasher.of(address);
        limits.cast(client, voter);
        Optional<CastTarget> target = castTarget(categoryId, nominationId);
        if (target.isPresent()
                && !EditionAction.PUBLIC_VOTE.allowedIn(target.get().phase())) {
            throw new PhaseClosed(EditionAction.PUBLIC_VOTE, target.get().phase());
        }
        if (target.isPresent()
                && (!target.get().publicVote() || !target.get().rules().isOpen(clock.instant()))) {
            throw DomainException.conflict("vote.closed");
        }
        CastTarget chosen = target.filter(t -> t.status() == NominationStatus.ELIGIBLE)
                .orElseThrow(() -> DomainException.notFound("nomination"));
        if (hasVoted(categoryId, voter)) throw DomainException.conflict("vote.already");

        String code = VerificationCode.newCode(random);
        String token = VerificationCode.newToken(random);
        String publicId = VerificationCode.newToken(random);
        Locale lang = Messages.supported(locale);
        String categoryName = Messages.pick(lang, chosen.nameFr(), chosen.nameEn());
        String link = baseUrl + "/vote/verify.xhtml?token=" + token;
        // To the normalised address, the one hashed: a mail to the address as typed could reach another mailbox
        // than the one counted (a comment or a list in it: "(1)name@…", ",name@…" were six voters for one mailbox).
        var mail = mailer.send(
                address.normalised(),
                Messages.get(lang, "vote.mail.subject", categoryName),
                Messages.get(lang, "vote.mail.body", categoryName, chosen.title(), code, link));
        em.flush();
        Ballot ballot = new Ballot(
                publicId,
                em.getReference(Category.class, categoryId),
                em.getReference(Nomination.class, nominationId),
                voter,
                address.domain(),
                IpPrefix.of(client),
                hasher.hex(code),
                hasher.hex(token),
                clock.instant());
        ballot.mailedAs(mail.getId());
        em.persist(ballot);
        activity.count(Activity.Event.VOTE_CAST);
        return new Receipt(publicId, ballot.getExpiresAt());
    }

    /** Verifies a ballot with its six-digit code; wrong codes count against the ballot. */
    public Ballot verify(String ballot, String code, String client) {
        limits.verify(client);
        if (ballot == null || ballot.isBlank()) throw DomainException.notFound("ballot");
        String digits = VerificationCode.clean(code);
        if (digits.isEmpty()) throw new DomainException(422, "vote.code.format");
        return counted(outcome(desk.byCode(ballot.strip(), settings.voterHash().hex(digits))));
    }

    /** Verifies a ballot with the link's token. */
    public Ballot follow(String token, String client) {
        limits.verify(client);
        if (token == null || token.isBlank()) throw DomainException.notFound("ballot");
        return counted(outcome(desk.byToken(settings.voterHash().hex(token.strip()))));
    }

    private Ballot counted(Ballot ballot) {
        activity.count(Activity.Event.VOTE_VERIFIED);
        return ballot;
    }

    private static Ballot outcome(BallotDesk.Checked checked) {
        return switch (checked.check()) {
            case RIGHT -> checked.ballot();
            case ALREADY_VERIFIED -> throw DomainException.conflict("vote.alreadyVerified");
            case EXPIRED -> throw new DomainException(410, "vote.code.expired");
            case SPENT -> throw new DomainException(410, "vote.code.spent");
            case WRONG ->
                throw checked.ballot().attemptsLeft() == 0
                        ? new DomainException(410, "vote.code.spent")
                        : new DomainException(
                                422, "vote.code.wrong", checked.ballot().attemptsLeft());
        };
    }

    private boolean hasVoted(long categoryId, String voter) {
        return !em.createQuery(
                        "select v.id from PublicVote v where v.category.id = :c and v.voterHash = :h", Long.class)
                .setParameter("c", categoryId)
                .setParameter("h", voter)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    // --- organisers: counts, fraud report, voiding ---

    /** Verified, unvoided votes per eligible nomination, most first. Organisers only (hidden until publication). */
    public List<NominationCount> countsFor(Category category) {
        access.require(Role.ORGANISER);
        Map<Long, Long> counts = new LinkedHashMap<>();
        em.createQuery(
                        "select v.nomination.id, count(v) from PublicVote v where v.category = :c and v.voided = false"
                                + " group by v.nomination.id",
                        Object[].class)
                .setParameter("c", category)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        List<NominationCount> result = new ArrayList<>();
        for (Nomination n : ballotPaper(category))
            result.add(new NominationCount(n, counts.getOrDefault(n.getId(), 0L)));
        result.sort((a, b) -> Long.compare(b.votes(), a.votes()));
        return result;
    }

    /** The organisers' view of how the vote is going and where it may be gamed. */
    public FraudReport report(Category category) {
        access.require(Role.ORGANISER);
        var zone = category.getEdition().zone();
        Map<String, Long> perHour = new LinkedHashMap<>();
        em.createQuery(
                        "select v.verifiedAt from PublicVote v where v.category = :c and v.voided = false"
                                + " order by v.verifiedAt",
                        Instant.class)
                .setParameter("c", category)
                .getResultList()
                .forEach(at -> perHour.merge(
                        ZonedDateTime.ofInstant(at, zone)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toLocalDateTime()
                                .toString()
                                .replace('T', ' '),
                        1L,
                        Long::sum));
        long ballots = count("select count(b) from Ballot b where b.category = :c", category);
        long verified = count(
                "select count(b) from Ballot b where b.category = :c and b.status = org.palmares.ceremony.BallotStatus.VERIFIED",
                category);
        long voided = count("select count(v) from PublicVote v where v.category = :c and v.voided = true", category);
        return new FraudReport(
                countsFor(category),
                perHour,
                groups("b.ipPrefix", category),
                groups("b.voterDomain", category),
                ballots,
                verified,
                voided,
                honeypotHits.get(),
                latestVotes(category, 50));
    }

    private long count(String jpql, Category category) {
        return em.createQuery(jpql, Long.class).setParameter("c", category).getSingleResult();
    }

    private List<FraudReport.Group> groups(String field, Category category) {
        return em
                .createQuery(
                        "select " + field + ", count(b), sum(case when b.status ="
                                + " org.palmares.ceremony.BallotStatus.VERIFIED then 1 else 0 end) from Ballot b"
                                + " where b.category = :c group by " + field + " order by count(b) desc",
                        Object[].class)
                .setParameter("c", category)
                .setMaxResults(20)
                .getResultList()
                .stream()
                .map(row -> new FraudReport.Group(
                        row[0] == null ? "?" : row[0].toString(),
                        ((Number) row[1]).longValue(),
                        row[2] == null ? 0 : ((Number) row[2]).longValue()))
                .toList();
    }

    public List<PublicVote> latestVotes(Category category, int max) {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select v from PublicVote v where v.category = :c order by v.verifiedAt desc, v.id desc",
                        PublicVote.class)
                .setParameter("c", category)
                .setMaxResults(max)
                .getResultList();
    }

    /** Voids a counted vote, with the reason kept and audited; the voter may not vote again in the category. */
    @Transactional
    public PublicVote voidVote(long voteId, String reason) {
        access.require(Role.ORGANISER);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("vote.void.reason");
        PublicVote vote = Optional.ofNullable(em.find(PublicVote.class, voteId))
                .orElseThrow(() -> DomainException.notFound("vote"));
        phases.require(vote.getCategory().getEdition(), EditionAction.VOTE_MODERATION);
        if (vote.isVoided()) throw DomainException.conflict("vote.void.already");
        String clipped = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        vote.voidVote(clipped);
        audit.record(
                "vote.void", "PublicVote", vote.getId(), vote.getNomination().getReference(), clipped);
        return vote;
    }

    /** Every voided vote of a category stays in the counts' history; this says how many bots fell in the trap. */
    public long honeypotHits() {
        return honeypotHits.get();
    }
}
