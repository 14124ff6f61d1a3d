package org.palmares.ceremony.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.jury.Juror;
import org.palmares.nomination.Attachment;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.nomination.Territory;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;
import org.palmares.platform.PublicPagesChanged;
import org.palmares.tally.Decision;

/**
 * Publication of the palmarès, category by category: only a signed-off decision can be published; what is not
 * published stays under embargo everywhere (public page, REST, certificates, e-mails). Publishing sends each winning
 * or mentioned territory its certificate once; organisers may then thank every territory and juror, once.
 */
@ApplicationScoped
public class PublicationService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    @Inject
    AuditLog audit;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Inject
    Event<PublicPagesChanged> publicPagesChanged;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** A winner or mention as the public may see it once its category is published. */
    public record Laureate(Nomination nomination, Award award, Attachment picture) {
        public boolean winner() {
            return award == Award.WINNER;
        }
    }

    /**
     * A category of the palmarès: its laureates only when published, else nothing but the category itself;
     * {@code notAwarded} holds the jury's reason when it gave no prize.
     */
    public record PalmaresCategory(Category category, boolean published, List<Laureate> laureates, String notAwarded) {
        public List<Laureate> winners() {
            return laureates.stream().filter(Laureate::winner).toList();
        }

        public List<Laureate> mentions() {
            return laureates.stream().filter(l -> !l.winner()).toList();
        }
    }

    /** A category as organisers see it on the publication page. */
    public record CategoryState(Category category, Decision decision, Publication publication) {
        public boolean signedOff() {
            return decision != null && decision.isSignedOff();
        }

        public boolean published() {
            return publication != null;
        }

        public List<Nomination> winners() {
            return decision == null ? List.of() : List.copyOf(decision.getWinners());
        }

        public List<Nomination> mentions() {
            return decision == null ? List.of() : List.copyOf(decision.getMentions());
        }
    }

    // --- the stable API other features call ---

    /** Whether the category's palmarès is public (published and its decision still signed off). */
    public boolean isPublished(long categoryId) {
        return !em.createQuery(
                        "select p.id from Publication p, Decision d where p.category.id = :c "
                                + "and d.category = p.category and d.signedOffAt is not null",
                        Long.class)
                .setParameter("c", categoryId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The published categories of an edition, in their order. */
    public List<Category> publishedCategories(Edition edition) {
        return em.createQuery(
                        "select p.category from Publication p, Decision d where p.category.edition = :e "
                                + "and d.category = p.category and d.signedOffAt is not null "
                                + "order by p.category.position",
                        Category.class)
                .setParameter("e", edition)
                .getResultList();
    }

    // --- public reading ---

    /** An edition by code or id (anyone may ask: editions are public facts). */
    public Edition edition(String key) {
        if (key == null || key.isBlank()) throw DomainException.notFound("edition");
        if (key.matches("\\d{1,18}")) {
            Edition byId = em.find(Edition.class, Long.parseLong(key));
            if (byId != null) return byId;
        }
        return em.createQuery("select e from Edition e where e.code = :c", Edition.class)
                .setParameter("c", key.strip())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("edition"));
    }

    /** The editions with at least one published category, newest first: the archive. */
    public List<Edition> archive() {
        // Ids first: Derby refuses DISTINCT over the editions' text (CLOB) columns.
        return em
                .createQuery(
                        "select distinct p.category.edition.id from Publication p, Decision d "
                                + "where d.category = p.category and d.signedOffAt is not null",
                        Long.class)
                .getResultList()
                .stream()
                .map(id -> em.find(Edition.class, id))
                .sorted(Comparator.comparingInt(Edition::getYear)
                        .reversed()
                        .thenComparing(Edition::getId, Comparator.reverseOrder()))
                .toList();
    }

    /** The palmarès of an edition: every category, with its laureates only where published. */
    public List<PalmaresCategory> palmares(Edition edition) {
        Set<Long> published = new LinkedHashSet<>();
        publishedCategories(edition).forEach(c -> published.add(c.getId()));
        Map<Long, Decision> decisions = decisions(edition);
        List<PalmaresCategory> result = new ArrayList<>();
        for (Category c : categories(edition)) {
            if (!published.contains(c.getId())) {
                result.add(new PalmaresCategory(c, false, List.of(), null));
                continue;
            }
            Decision d = decisions.get(c.getId());
            List<Laureate> laureates = new ArrayList<>();
            d.getWinners().stream()
                    .sorted(Comparator.comparing(Nomination::getReference, Comparator.nullsLast(String::compareTo)))
                    .forEach(n -> laureates.add(new Laureate(n, Award.WINNER, picture(n))));
            d.getMentions().stream()
                    .sorted(Comparator.comparing(Nomination::getReference, Comparator.nullsLast(String::compareTo)))
                    .forEach(n -> laureates.add(new Laureate(n, Award.MENTION, picture(n))));
            result.add(new PalmaresCategory(
                    c, true, List.copyOf(laureates), d.isNotAwarded() ? d.getJustification() : null));
        }
        return result;
    }

    /** The award of a nomination, only if its category is published. */
    public Optional<Award> publishedAward(long nominationId) {
        Nomination n = em.find(Nomination.class, nominationId);
        if (n == null || !isPublished(n.getCategory().getId())) return Optional.empty();
        return award(n);
    }

    /** The one picture the palmarès shows of a published laureate; "not found" for anything else. */
    public Attachment publicPicture(long nominationId, long attachmentId) {
        Nomination n = em.find(Nomination.class, nominationId);
        if (n == null || publishedAward(nominationId).isEmpty()) throw DomainException.notFound("attachment");
        Attachment first = picture(n);
        if (first == null || first.getId() != attachmentId) throw DomainException.notFound("attachment");
        return first;
    }

    /** The image a nomination's territory consented to show publicly, or null when there is none. */
    public static Attachment picture(Nomination nomination) {
        return nomination.publicPicture().orElse(null);
    }

    /** Where the edition's ceremony takes place, if set. */
    public Optional<String> place(Edition edition) {
        return findVenue(edition).map(PalmaresVenue::getPlace);
    }

    // --- organisers ---

    public List<CategoryState> overview(Edition edition) {
        access.require(Role.ORGANISER);
        Map<Long, Decision> decisions = decisions(edition);
        Map<Long, Publication> publications = new HashMap<>();
        em.createQuery("select p from Publication p where p.category.edition = :e", Publication.class)
                .setParameter("e", edition)
                .getResultList()
                .forEach(p -> publications.put(p.getCategory().getId(), p));
        return categories(edition).stream()
                .map(c -> new CategoryState(c, decisions.get(c.getId()), publications.get(c.getId())))
                .toList();
    }

    /** Publishes a category whose decision is signed off, and e-mails its laureates' territories (once). */
    @Transactional
    public Publication publish(long categoryId) {
        access.require(Role.ORGANISER);
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.PUBLICATION);
        Decision decision = decision(category)
                .filter(Decision::isSignedOff)
                .orElseThrow(() -> DomainException.conflict("publication.notSignedOff", category.getCode()));
        Optional<Publication> existing = findPublication(category);
        if (existing.isPresent()) return existing.get();
        var publication = new Publication(category, access.callerEmail().orElse("system"), clock.instant());
        em.persist(publication);
        audit.record("publication.publish", "Category", categoryId, null, describe(decision));
        publicPagesChanged.fire(new PublicPagesChanged("publish " + category.getCode()));
        notifyLaureates(category, decision);
        return publication;
    }

    /** Publishes every signed-off category of the edition not yet published; how many were published. */
    @Transactional
    public int publishAllSignedOff(long editionId) {
        access.require(Role.ORGANISER);
        Edition edition = Optional.ofNullable(em.find(Edition.class, editionId))
                .orElseThrow(() -> DomainException.notFound("edition"));
        phases.require(edition, EditionAction.PUBLICATION);
        int count = 0;
        for (CategoryState s : overview(edition)) {
            if (s.signedOff() && !s.published()) {
                publish(s.category().getId());
                count++;
            }
        }
        return count;
    }

    /** Takes a category's palmarès off line again; the reason is required and audited. */
    @Transactional
    public void unpublish(long categoryId, String reason) {
        access.require(Role.ORGANISER);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("publication.reasonRequired");
        Category category = category(categoryId);
        phases.require(category.getEdition(), EditionAction.PUBLICATION);
        Publication publication =
                findPublication(category).orElseThrow(() -> DomainException.conflict("publication.notPublished"));
        em.remove(publication);
        audit.record("publication.unpublish", "Category", categoryId, "published", reason.strip());
        publicPagesChanged.fire(new PublicPagesChanged("unpublish " + category.getCode()));
    }

    @Transactional
    public void setPlace(long editionId, String place) {
        access.require(Role.ORGANISER);
        Edition edition = Optional.ofNullable(em.find(Edition.class, editionId))
                .orElseThrow(() -> DomainException.notFound("edition"));
        phases.require(edition, EditionAction.PUBLICATION);
        PalmaresVenue venue = findVenue(edition).orElseGet(() -> {
            var v = new PalmaresVenue(edition);
            em.persist(v);
            return v;
        });
        String before = venue.getPlace();
        venue.moveTo(place);
        audit.record("publication.place", "Edition", editionId, before, venue.getPlace());
        publicPagesChanged.fire(new PublicPagesChanged("place"));
    }

    /**
     * Thanks every territory that submitted a nomination and every juror of the edition, once each (a second call
     * sends nothing). Only after at least one category is published. Returns how many e-mails were written.
     */
    @Transactional
    public int sendThanks(long editionId) {
        access.require(Role.ORGANISER);
        Edition edition = Optional.ofNullable(em.find(Edition.class, editionId))
                .orElseThrow(() -> DomainException.notFound("edition"));
        phases.require(edition, EditionAction.PUBLICATION);
        if (publishedCategories(edition).isEmpty())
            throw DomainException.conflict("publication.thanks.nothingPublished");
        Set<String> done = new LinkedHashSet<>(em.createQuery(
                        "select n.addressee from PublicationNotice n where n.edition = :e and n.kind = :k",
                        String.class)
                .setParameter("e", edition)
                .setParameter("k", PublicationNotice.Kind.THANKS)
                .getResultList());
        String link = palmaresLink(edition);
        int sent = 0;
        List<Territory> territories = em
                .createQuery(
                        "select distinct n.territory.id from Nomination n where n.category.edition = :e "
                                + "and n.status in :took",
                        Long.class)
                .setParameter("e", edition)
                .setParameter(
                        "took",
                        List.of(NominationStatus.SUBMITTED, NominationStatus.ELIGIBLE, NominationStatus.INELIGIBLE))
                .getResultList()
                .stream()
                .sorted()
                .map(id -> em.find(Territory.class, id))
                .toList();
        for (Territory t : territories) {
            String key = "territory:" + t.getId();
            if (done.contains(key)) continue;
            em.persist(new PublicationNotice(edition, PublicationNotice.Kind.THANKS, key, clock.instant()));
            for (Account a : t.getMembers()) {
                if (!a.isEnabled()) continue;
                Locale l = locale(a);
                mailer.send(
                        a.getEmail(),
                        Messages.get(l, "publication.mail.thanks.subject", edition.name(l)),
                        Messages.get(l, "publication.mail.thanks.territory", t.getName(), edition.name(l), link));
                sent++;
            }
        }
        for (Juror j : em.createQuery("select j from Juror j where j.edition = :e order by j.id", Juror.class)
                .setParameter("e", edition)
                .getResultList()) {
            String key = "juror:" + j.getId();
            if (done.contains(key)) continue;
            em.persist(new PublicationNotice(edition, PublicationNotice.Kind.THANKS, key, clock.instant()));
            Account a = j.getAccount();
            if (!a.isEnabled()) continue;
            Locale l = locale(a);
            mailer.send(
                    a.getEmail(),
                    Messages.get(l, "publication.mail.thanks.subject", edition.name(l)),
                    Messages.get(l, "publication.mail.thanks.juror", a.getDisplayName(), edition.name(l), link));
            sent++;
        }
        audit.record("publication.thanks", "Edition", editionId, null, sent + " e-mails");
        return sent;
    }

    /** Whether the thank-you e-mails of the edition went out already (to anyone). */
    public boolean thanksSent(Edition edition) {
        return !em.createQuery("select n.id from PublicationNotice n where n.edition = :e and n.kind = :k", Long.class)
                .setParameter("e", edition)
                .setParameter("k", PublicationNotice.Kind.THANKS)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    // --- certificates ---

    /**
     * The certificate of a winner or mention: any for organisers (even before publication); for a territory, only
     * its own and only once the category is published. Everyone else, and anything else: refused or not found.
     */
    public byte[] certificate(long nominationId, Locale locale) {
        Nomination n = Optional.ofNullable(em.find(Nomination.class, nominationId))
                .orElseThrow(() -> DomainException.notFound("nomination"));
        if (!access.has(Role.ORGANISER)) {
            String email = access.callerEmail().orElseThrow(DomainException::forbidden);
            boolean own = access.has(Role.TERRITORY)
                    && n.getTerritory().getMembers().stream()
                            .anyMatch(a -> a.getEmail().equalsIgnoreCase(email));
            if (!own) throw DomainException.forbidden();
            if (!isPublished(n.getCategory().getId())) throw DomainException.notFound("certificate");
        }
        Award award = award(n).orElseThrow(() -> DomainException.notFound("certificate"));
        return CertificatePdf.render(CertificateText.of(facts(n, award, locale), locale));
    }

    public String certificateName(long nominationId, Locale locale) {
        Nomination n = em.find(Nomination.class, nominationId);
        Award award = n == null ? Award.WINNER : award(n).orElse(Award.WINNER);
        return CertificateText.fileName(n == null ? null : n.getReference(), award, locale);
    }

    /** Every certificate of the edition (winners and mentions of all decided categories) in one ZIP: organisers. */
    public byte[] certificatesZip(Edition edition, Locale locale) {
        access.require(Role.ORGANISER);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (Decision d : decisions(edition).values()) {
                for (Nomination n : d.getWinners()) entry(zip, n, Award.WINNER, locale);
                for (Nomination n : d.getMentions()) entry(zip, n, Award.MENTION, locale);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void entry(ZipOutputStream zip, Nomination n, Award award, Locale locale) throws IOException {
        String folder = n.getCategory().getCode() + "/";
        zip.putNextEntry(new ZipEntry(folder + CertificateText.fileName(n.getReference(), award, locale)));
        zip.write(CertificatePdf.render(CertificateText.of(facts(n, award, locale), locale)));
        zip.closeEntry();
    }

    private CertificateText.Facts facts(Nomination n, Award award, Locale locale) {
        Edition e = n.getCategory().getEdition();
        return new CertificateText.Facts(
                e.name(locale),
                n.getCategory().name(locale),
                award,
                n.getTerritory().getName(),
                n.getTitle(),
                e.getCeremonyAt(),
                place(e).orElse(null));
    }

    // --- inside ---

    private void notifyLaureates(Category category, Decision decision) {
        Edition edition = category.getEdition();
        Map<Nomination, Award> laureates = new LinkedHashMap<>();
        decision.getWinners().forEach(n -> laureates.put(n, Award.WINNER));
        decision.getMentions().forEach(n -> laureates.putIfAbsent(n, Award.MENTION));
        String link = palmaresLink(edition);
        for (var entry : laureates.entrySet()) {
            Nomination n = entry.getKey();
            String key = "nomination:" + n.getId();
            boolean sent = !em.createQuery(
                            "select x.id from PublicationNotice x where x.edition = :e and x.kind = :k "
                                    + "and x.addressee = :a",
                            Long.class)
                    .setParameter("e", edition)
                    .setParameter("k", PublicationNotice.Kind.AWARD)
                    .setParameter("a", key)
                    .getResultList()
                    .isEmpty();
            if (sent) continue;
            em.persist(new PublicationNotice(edition, PublicationNotice.Kind.AWARD, key, clock.instant()));
            for (Account a : n.getTerritory().getMembers()) {
                if (!a.isEnabled()) continue;
                Locale l = locale(a);
                String awardText = Messages.get(
                        l,
                        entry.getValue() == Award.WINNER ? "certificate.award.winner" : "certificate.award.mention",
                        category.name(l));
                byte[] pdf = CertificatePdf.render(CertificateText.of(facts(n, entry.getValue(), l), l));
                mailer.send(
                        a.getEmail(),
                        Messages.get(l, "publication.mail.award.subject", edition.name(l), awardText),
                        Messages.get(
                                l,
                                "publication.mail.award.body",
                                n.getTerritory().getName(),
                                n.getTitle(),
                                awardText,
                                edition.name(l),
                                link,
                                baseUrl + "/certificates/" + n.getId() + ".pdf?lang=" + l.getLanguage()),
                        new Mailer.Attachment(
                                CertificateText.fileName(n.getReference(), entry.getValue(), l),
                                "application/pdf",
                                pdf));
            }
        }
    }

    private String palmaresLink(Edition edition) {
        return baseUrl + "/palmares.xhtml?edition=" + edition.getCode();
    }

    private static Locale locale(Account a) {
        return Messages.supported(a.getLocale() == null ? null : Locale.forLanguageTag(a.getLocale()));
    }

    private Optional<Award> award(Nomination n) {
        return decision(n.getCategory()).flatMap(d -> {
            // By id: outside a transaction each read may give another instance of the same nomination.
            if (d.getWinners().stream().anyMatch(w -> w.getId().equals(n.getId()))) return Optional.of(Award.WINNER);
            if (d.getMentions().stream().anyMatch(m -> m.getId().equals(n.getId()))) return Optional.of(Award.MENTION);
            return Optional.empty();
        });
    }

    private Category category(long id) {
        return Optional.ofNullable(em.find(Category.class, id)).orElseThrow(() -> DomainException.notFound("category"));
    }

    private List<Category> categories(Edition edition) {
        return em.createQuery("select c from Category c where c.edition = :e order by c.position", Category.class)
                .setParameter("e", edition)
                .getResultList();
    }

    private Map<Long, Decision> decisions(Edition edition) {
        Map<Long, Decision> result = new LinkedHashMap<>();
        em.createQuery(
                        "select d from Decision d where d.category.edition = :e order by d.category.position",
                        Decision.class)
                .setParameter("e", edition)
                .getResultList()
                .forEach(d -> result.put(d.getCategory().getId(), d));
        return result;
    }

    private Optional<Decision> decision(Category category) {
        return em.createQuery("select d from Decision d where d.category = :c", Decision.class)
                .setParameter("c", category)
                .getResultStream()
                .findFirst();
    }

    private Optional<Publication> findPublication(Category category) {
        return em.createQuery("select p from Publication p where p.category = :c", Publication.class)
                .setParameter("c", category)
                .getResultStream()
                .findFirst();
    }

    private Optional<PalmaresVenue> findVenue(Edition edition) {
        return em.createQuery("select v from PalmaresVenue v where v.edition = :e", PalmaresVenue.class)
                .setParameter("e", edition)
                .getResultStream()
                .findFirst();
    }

    private static String describe(Decision d) {
        return "winners="
                + d.getWinners().stream().map(Nomination::getReference).toList() + ", mentions="
                + d.getMentions().stream().map(Nomination::getReference).toList();
    }
}
