package org.palmares.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Edition;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/**
 * Organisers edit the jury guides in the application: each save is a new version (the older ones stay as history,
 * retired); a reset retires them all, so jurors read the file shipped in the WAR again. Jurors read through
 * {@link JuryGuides}, which prefers the version in use.
 */
@ApplicationScoped
public class JuryGuideService {
    public static final int MAX_LENGTH = 100_000;
    public static final List<String> LANGUAGES = List.of("fr", "en");

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    JuryGuides guides;

    @Inject
    Clock clock;

    /** What an organiser edits: the text in use, and whether it is an edited copy (which version) or the file. */
    public record GuideText(String guide, String lang, String markdown, JuryGuideVersion edited) {
        public boolean isEdited() {
            return edited != null;
        }
    }

    /** The guides an edition's jurors read: the general one, then one per category. */
    public List<String> guidesOf(Edition edition) {
        List<String> list = new ArrayList<>();
        list.add(JuryGuides.GENERAL);
        edition.getCategories().forEach(c -> list.add(c.getCode()));
        return list;
    }

    public GuideText text(String guide, String lang) {
        access.require(Role.ORGANISER);
        check(guide, lang);
        Optional<JuryGuideVersion> active = active(guide, lang).stream().findFirst();
        String markdown = active.map(JuryGuideVersion::getBody)
                .or(() -> guides.fileText(guide, lang))
                .orElse("");
        return new GuideText(guide, lang, markdown, active.orElse(null));
    }

    /** Every saved version, newest first. */
    public List<JuryGuideVersion> history(String guide, String lang) {
        access.require(Role.ORGANISER);
        check(guide, lang);
        return em.createQuery(
                        "select g from JuryGuideVersion g where g.guide = :g and g.lang = :l "
                                + "order by g.createdAt desc, g.id desc",
                        JuryGuideVersion.class)
                .setParameter("g", guide)
                .setParameter("l", lang)
                .getResultList();
    }

    /** Saves a new version, in use from now on. */
    @Transactional
    public JuryGuideVersion save(String guide, String lang, String markdown) {
        access.require(Role.ORGANISER);
        check(guide, lang);
        if (markdown == null || markdown.isBlank()) throw DomainException.invalid("guides.empty");
        if (markdown.length() > MAX_LENGTH) throw DomainException.invalid("guides.tooLong", MAX_LENGTH);
        List<JuryGuideVersion> active = active(guide, lang);
        String before = active.isEmpty() ? null : active.get(0).getBody();
        active.forEach(JuryGuideVersion::retire);
        Account by = access.callerEmail()
                .flatMap(e -> em.createQuery("select a from Account a where a.email = :e", Account.class)
                        .setParameter("e", Account.normaliseEmail(e))
                        .getResultStream()
                        .findFirst())
                .orElse(null);
        JuryGuideVersion version = new JuryGuideVersion(guide, lang, markdown.strip() + "\n", by, clock.instant());
        em.persist(version);
        em.flush();
        audit.record("guide.save", "JuryGuide", guide + "." + lang, before, version.getBody());
        return version;
    }

    /** Back to the file's text: every edited version is retired (and kept as history). */
    @Transactional
    public void reset(String guide, String lang) {
        access.require(Role.ORGANISER);
        check(guide, lang);
        List<JuryGuideVersion> active = active(guide, lang);
        if (active.isEmpty()) return;
        active.forEach(JuryGuideVersion::retire);
        audit.record(
                "guide.reset", "JuryGuide", guide + "." + lang, active.get(0).getBody(), null);
    }

    /** The Markdown rendered as jurors will see it (safe HTML). */
    public String preview(String markdown) {
        return markdown == null ? "" : JuryGuides.render(markdown);
    }

    private List<JuryGuideVersion> active(String guide, String lang) {
        return em.createQuery(
                        "select g from JuryGuideVersion g where g.guide = :g and g.lang = :l and g.active = true "
                                + "order by g.createdAt desc, g.id desc",
                        JuryGuideVersion.class)
                .setParameter("g", guide)
                .setParameter("l", lang)
                .getResultList();
    }

    private static void check(String guide, String lang) {
        if (guide == null || !guide.matches("[A-Za-z]{2,20}")) throw DomainException.notFound("guide");
        if (!LANGUAGES.contains(lang)) throw DomainException.notFound("guide");
    }
}
