package org.palmares.ceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.nomination.AttachmentType;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.tally.Decision;
import org.palmares.tally.LiveTally;
import org.palmares.tally.TallyResult.Standing;
import org.palmares.tally.TallyService;

/**
 * The closing ceremony of an edition: its run-of-show and settings, the slide deck built from signed-off decisions,
 * and the live state of the big screen, kept in the database so every instance and every remote share it. Organisers
 * only, except {@link #isRevealed}.
 */
@ApplicationScoped
public class CeremonyService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    @Inject
    TallyService tally;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<CeremonyChanged> changed;

    /** The edition given by its code or id (organisers only). */
    public Edition edition(String codeOrId) {
        return tally.edition(codeOrId);
    }

    /** The edition's ceremony, created with a run-of-show in the categories' order the first time it is asked for. */
    @Transactional
    public Ceremony ceremony(String editionKey) {
        Edition edition = edition(editionKey);
        Ceremony ceremony = em.createQuery("select c from Ceremony c where c.edition = :e", Ceremony.class)
                .setParameter("e", edition)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Ceremony c = new Ceremony(edition);
                    em.persist(c);
                    em.flush();
                    return c;
                });
        List<RunOfShowItem> items = items(ceremony);
        Set<Long> present = items.stream().map(i -> i.getCategory().getId()).collect(Collectors.toSet());
        int next = items.stream().mapToInt(RunOfShowItem::getPosition).max().orElse(0) + 1;
        for (Category c : edition.getCategories().stream()
                .sorted(Comparator.comparingInt(Category::getPosition))
                .toList()) {
            if (present.contains(c.getId())) continue;
            em.persist(new RunOfShowItem(ceremony, c, next++));
        }
        return ceremony;
    }

    /** The run-of-show in order. */
    public List<RunOfShowItem> items(Ceremony ceremony) {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select i from RunOfShowItem i where i.ceremony = :c order by i.position, i.id",
                        RunOfShowItem.class)
                .setParameter("c", ceremony)
                .getResultList();
    }

    @Transactional
    public Ceremony configure(String editionKey, int shortlist, String primary, String background) {
        Ceremony ceremony = ceremony(editionKey);
        phases.require(ceremony.getEdition(), EditionAction.CEREMONY_PREPARATION);
        String before = describe(ceremony);
        ceremony.configure(shortlist, primary, background);
        audit.record("ceremony.configure", "Ceremony", ceremony.getId(), before, describe(ceremony));
        return ceremony;
    }

    private static String describe(Ceremony c) {
        return "shortlist=" + c.getShortlistSize() + ", colours=" + c.getPrimaryColour() + "/"
                + c.getBackgroundColour();
    }

    /** Sets who announces a category and the script of its announcement. */
    @Transactional
    public RunOfShowItem describe(long itemId, String announcer, String notes) {
        RunOfShowItem item = item(itemId);
        phases.require(item.getCeremony().getEdition(), EditionAction.CEREMONY_PREPARATION);
        String before = item.getAnnouncer() + " | " + item.getNotes();
        item.describe(announcer, notes);
        audit.record(
                "ceremony.runOfShow", "RunOfShowItem", itemId, before, item.getAnnouncer() + " | " + item.getNotes());
        return item;
    }

    /** Moves a category one place earlier ({@code -1}) or later ({@code +1}) in the run-of-show. */
    @Transactional
    public void move(long itemId, int direction) {
        RunOfShowItem item = item(itemId);
        phases.require(item.getCeremony().getEdition(), EditionAction.CEREMONY_PREPARATION);
        List<RunOfShowItem> items = new ArrayList<>(items(item.getCeremony()));
        int at = items.indexOf(item);
        int to = at + Integer.signum(direction);
        if (to < 0 || to >= items.size()) return;
        items.remove(at);
        items.add(to, item);
        for (int i = 0; i < items.size(); i++) items.get(i).moveTo(i + 1);
        audit.record("ceremony.reorder", "RunOfShowItem", itemId, String.valueOf(at + 1), String.valueOf(to + 1));
    }

    private RunOfShowItem item(long itemId) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(RunOfShowItem.class, itemId))
                .orElseThrow(() -> DomainException.notFound("run-of-show"));
    }

    /** The slides of the ceremony as they stand now: signed-off categories in full, the others as "cannot reveal". */
    public SlideDeck deck(Ceremony ceremony, Locale locale) {
        LiveTally live = tally.live(ceremony.getEdition());
        List<SlideDeck.Act> acts = new ArrayList<>();
        for (RunOfShowItem item : items(ceremony)) {
            Category c = item.getCategory();
            Decision d = live.decisions().get(c.getId());
            boolean signedOff = d != null && d.isSignedOff();
            List<SlideNominee> ranking = List.of();
            List<SlideNominee> winners = List.of();
            List<SlideNominee> mentions = List.of();
            if (signedOff) {
                ranking = live.category(c.getId()).ranking(live.method(c.getId())).standings().stream()
                        .filter(s -> s.rank() > 0)
                        .map(Standing::nominationId)
                        .map(id -> em.find(Nomination.class, id))
                        .map(CeremonyService::nominee)
                        .toList();
                winners = d.getWinners().stream().map(CeremonyService::nominee).toList();
                mentions =
                        d.getMentions().stream().map(CeremonyService::nominee).toList();
            }
            acts.add(new SlideDeck.Act(
                    c.getId(),
                    c.getCode(),
                    c.name(locale),
                    item.getAnnouncer(),
                    item.getNotes(),
                    signedOff,
                    ranking,
                    winners,
                    mentions));
        }
        return SlideDeck.build(acts, ceremony.getShortlistSize());
    }

    static SlideNominee nominee(Nomination n) {
        String picture = n.getAttachments().stream()
                .filter(a -> AttachmentType.ofMediaType(a.getContentType())
                        .map(AttachmentType::isImage)
                        .orElse(false))
                .findFirst()
                .map(a -> "/ceremony/picture?nomination=" + n.getId() + "&attachment=" + a.getId())
                .orElse("");
        return new SlideNominee(
                n.getId(), n.getReference(), n.getTitle(), n.getTerritory().getName(), picture);
    }

    /**
     * The deck's shape without computing the tally: per category in order, whether it is signed off (and when), from
     * which the number of slides and a fingerprint follow.
     */
    private Shape shape(Ceremony ceremony) {
        Map<Long, Instant> signed = new HashMap<>();
        em.createQuery(
                        "select d.category.id, d.signedOffAt from Decision d where d.category.edition = :e"
                                + " and d.signedOffAt is not null",
                        Object[].class)
                .setParameter("e", ceremony.getEdition())
                .getResultList()
                .forEach(row -> signed.put((Long) row[0], (Instant) row[1]));
        int slides = 2;
        StringBuilder key = new StringBuilder().append(ceremony.getShortlistSize());
        for (RunOfShowItem item : items(ceremony)) {
            Instant at = signed.get(item.getCategory().getId());
            slides += at == null ? 1 : 4;
            key.append('|').append(item.getCategory().getId()).append('@').append(at);
        }
        return new Shape(slides, Integer.toHexString(key.toString().hashCode()));
    }

    private record Shape(int slides, String fingerprint) {}

    /** Where the big screen stands, without the slide's content (cheap: for the presenter's poll). */
    @Transactional
    public CeremonyState brief(String editionKey) {
        Ceremony ceremony = ceremony(editionKey);
        Shape shape = shape(ceremony);
        return new CeremonyState(
                ceremony.getEdition().getCode(),
                ceremony.shownIn(shape.slides()),
                shape.slides(),
                ceremony.isBlackScreen(),
                shape.fingerprint(),
                ceremony.getChangedAt(),
                Optional.empty(),
                Optional.empty());
    }

    /** Where the big screen stands, with the slide shown and its script (the remote's view). */
    @Transactional
    public CeremonyState state(String editionKey, Locale locale) {
        Ceremony ceremony = ceremony(editionKey);
        return full(ceremony, deck(ceremony, locale), shape(ceremony), locale);
    }

    private CeremonyState full(Ceremony ceremony, SlideDeck deck, Shape shape, Locale locale) {
        int index = ceremony.shownIn(deck.size());
        Slide slide = deck.get(index);
        return new CeremonyState(
                ceremony.getEdition().getCode(),
                index,
                deck.size(),
                ceremony.isBlackScreen(),
                shape.fingerprint(),
                ceremony.getChangedAt(),
                Optional.of(slide),
                Optional.of(
                        AnnouncerScript.line(slide, index, ceremony.getEdition().name(locale), locale)));
    }

    /**
     * Moves the big screen: {@code next}, {@code back}, {@code black} (toggle) or {@code restart}. Showing a winner
     * slide records the category as revealed. Every screen hears of it once the transaction commits.
     */
    @Transactional
    public CeremonyState act(String editionKey, String action, Locale locale) {
        Ceremony ceremony = ceremony(editionKey);
        phases.require(ceremony.getEdition(), EditionAction.CEREMONY_LIVE);
        SlideDeck deck = deck(ceremony, locale);
        Instant now = clock.instant();
        switch (action == null ? "" : action) {
            case "next" -> ceremony.next(deck.size(), now);
            case "back" -> ceremony.back(deck.size(), now);
            case "black" -> ceremony.toggleBlack(now);
            case "restart" -> ceremony.restart(now);
            default -> throw DomainException.invalid("ceremony.action.invalid", String.valueOf(action));
        }
        Slide shown = deck.get(ceremony.shownIn(deck.size()));
        if ((shown.kind() == SlideKind.WINNER || shown.kind() == SlideKind.NOT_AWARDED) && !ceremony.isBlackScreen()) {
            items(ceremony).stream()
                    .filter(i -> i.getCategory().getId().equals(shown.categoryId()))
                    .forEach(i -> {
                        if (!i.isRevealed()) {
                            i.reveal(now);
                            audit.record("ceremony.reveal", "Category", shown.categoryId());
                        }
                    });
        }
        Shape shape = shape(ceremony);
        em.flush();
        changed.fire(new CeremonyChanged(
                ceremony.getEdition().getCode(),
                ceremony.shownIn(deck.size()),
                ceremony.isBlackScreen(),
                shape.fingerprint()));
        return full(ceremony, deck, shape, locale);
    }

    /** Whether the category's winner has been on the big screen (for embargo checks elsewhere; no role needed). */
    public boolean isRevealed(long categoryId) {
        return !em.createQuery(
                        "select i.id from RunOfShowItem i where i.category.id = :c and i.revealedAt is not null",
                        Long.class)
                .setParameter("c", categoryId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** A nomination, for its picture on the big screen (organisers only). */
    public Nomination nomination(long id) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(Nomination.class, id))
                .orElseThrow(() -> DomainException.notFound("nomination"));
    }

    /** Whether the account with this e-mail is an organiser (the WebSocket checks its caller with it). */
    public boolean isOrganiser(String email) {
        if (email == null) return false;
        return em.createQuery(
                                "select count(a) from Account a join a.roles r where a.email = :e and r = :role",
                                Long.class)
                        .setParameter("e", email.strip().toLowerCase(Locale.ROOT))
                        .setParameter("role", Role.ORGANISER)
                        .getSingleResult()
                > 0;
    }

    /** The printable announcer script (organisers only: it names the winners). */
    @Transactional
    public byte[] scriptPdf(String editionKey, Locale locale) {
        Ceremony ceremony = ceremony(editionKey);
        String name = ceremony.getEdition().name(locale);
        audit.record("ceremony.script", "Ceremony", ceremony.getId());
        return AnnouncerScript.pdf(AnnouncerScript.lines(deck(ceremony, locale), name, locale), name, locale);
    }

    /** The ceremony with its run-of-show, deck and script, as the organisers' pages show it. */
    @Transactional
    public RunOfShow overview(String editionKey, Locale locale) {
        Ceremony ceremony = ceremony(editionKey);
        SlideDeck deck = deck(ceremony, locale);
        String name = ceremony.getEdition().name(locale);
        Set<Long> signedOff = deck.slides().stream()
                .filter(s -> s.kind() == SlideKind.WINNER || s.kind() == SlideKind.NOT_AWARDED)
                .map(Slide::categoryId)
                .collect(Collectors.toSet());
        return new RunOfShow(
                ceremony, name, items(ceremony), deck, AnnouncerScript.lines(deck, name, locale), signedOff);
    }

    /** The whole script, slide by slide (for the organisers' page). */
    @Transactional
    public List<AnnouncerScript.Line> script(String editionKey, Locale locale) {
        Ceremony ceremony = ceremony(editionKey);
        return AnnouncerScript.lines(
                deck(ceremony, locale), ceremony.getEdition().name(locale), locale);
    }
}
