package org.palmares.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.jury.Assignment;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Formats;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;

/**
 * The organisers' view of the score sheets: per nomination and per juror, where each sheet stands and (only when
 * asked, and audited) what it says; reminders to the jurors who have not finished; freezing scoring per category;
 * the history of changes made to sheets after they were submitted. Organisers only.
 */
@ApplicationScoped
public class ScoringOversight {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    @Inject
    AuditLog audit;

    @Inject
    ScoringService scoring;

    @Inject
    Mailer mailer;

    @Inject
    Formats formats;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** A criterion's score on a sheet, as organisers read it. */
    public record ScoreLine(int number, String criterion, Integer value, String comment) {}

    /**
     * One assignment and its sheet: state NOT_STARTED, DRAFT or SUBMITTED; {@code scores}, {@code overall} and
     * {@code result} are empty/null unless the values were asked for.
     */
    public record SheetLine(
            long assignmentId,
            Long sheetId,
            long jurorId,
            String juror,
            String jurorEmail,
            long nominationId,
            String reference,
            String title,
            String category,
            String status,
            Instant updatedAt,
            Instant submittedAt,
            Double result,
            List<ScoreLine> scores,
            String overall) {
        public boolean isUnfinished() {
            return !"SUBMITTED".equals(status);
        }
    }

    /** A category and whether its scoring is frozen. */
    public record CategoryState(long id, String code, String name, boolean frozen, Instant frozenAt, String frozenBy) {}

    /** A change to a submitted sheet, criterion named: {@code what} is the criterion, "overall" or a state change. */
    public record ChangeLine(
            long sheetId,
            String juror,
            Instant at,
            String by,
            String field,
            String what,
            String before,
            String after) {}

    /** A nomination of any edition (organisers): the sheets page follows the nomination's edition. */
    public Nomination nomination(long nominationId) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(Nomination.class, nominationId))
                .orElseThrow(() -> DomainException.notFound("nomination"));
    }

    /** A juror of any edition (organisers). */
    public Juror juror(long jurorId) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(Juror.class, jurorId)).orElseThrow(() -> DomainException.notFound("juror"));
    }

    public Nomination nomination(Edition edition, long nominationId) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(Nomination.class, nominationId))
                .filter(n -> n.getCategory().getEdition().getId().equals(edition.getId()))
                .orElseThrow(() -> DomainException.notFound("nomination"));
    }

    public Juror juror(Edition edition, long jurorId) {
        access.require(Role.ORGANISER);
        return Optional.ofNullable(em.find(Juror.class, jurorId))
                .filter(j -> j.getEdition().getId().equals(edition.getId()))
                .orElseThrow(() -> DomainException.notFound("juror"));
    }

    /** The nominations of the edition that have at least one juror, by reference. */
    public List<Nomination> assignedNominations(Edition edition) {
        access.require(Role.ORGANISER);
        // Read through the assignments and made distinct here: Derby refuses DISTINCT on the summary's CLOB and
        // compares the boolean of an EXISTS subquery with an integer.
        return em
                .createQuery(
                        "select a from Assignment a where a.nomination.category.edition = :e and a.recused = false",
                        Assignment.class)
                .setParameter("e", edition)
                .getResultList()
                .stream()
                .map(Assignment::getNomination)
                .distinct()
                .sorted(Comparator.comparing(n -> n.getReference() == null ? "" : n.getReference()))
                .toList();
    }

    /** The current sheets of a nomination; with {@code values}, what they say (the reading is audited). */
    @Transactional
    public List<SheetLine> ofNomination(Edition edition, long nominationId, boolean values, Locale locale) {
        Nomination nomination = nomination(edition, nominationId);
        List<Assignment> assignments = em.createQuery(
                        "select a from Assignment a where a.nomination = :n and a.recused = false "
                                + "order by a.juror.account.displayName",
                        Assignment.class)
                .setParameter("n", nomination)
                .getResultList();
        if (values) audit.record("sheets.read", "Nomination", nomination.getId());
        return lines(assignments, values, locale);
    }

    /** The current sheets of a juror; with {@code values}, what they say (the reading is audited). */
    @Transactional
    public List<SheetLine> ofJuror(Edition edition, long jurorId, boolean values, Locale locale) {
        Juror juror = juror(edition, jurorId);
        List<Assignment> assignments = em.createQuery(
                        "select a from Assignment a where a.juror = :j and a.recused = false "
                                + "order by a.nomination.category.position, a.nomination.reference",
                        Assignment.class)
                .setParameter("j", juror)
                .getResultList();
        if (values) audit.record("sheets.read", "Juror", juror.getAccount().getEmail());
        return lines(assignments, values, locale);
    }

    private List<SheetLine> lines(List<Assignment> assignments, boolean values, Locale locale) {
        assignments = assignments.stream().filter(Assignment::isCurrent).toList();
        Map<Long, ScoreSheet> sheets = new HashMap<>();
        if (!assignments.isEmpty()) {
            em.createQuery("select s from ScoreSheet s where s.assignment in :a", ScoreSheet.class)
                    .setParameter("a", assignments)
                    .getResultList()
                    .forEach(s -> sheets.put(s.getAssignment().getId(), s));
        }
        List<SheetLine> lines = new ArrayList<>();
        for (Assignment a : assignments) {
            ScoreSheet sheet = sheets.get(a.getId());
            Nomination n = a.getNomination();
            List<Criterion> criteria = n.getCategory().getCriteria();
            List<ScoreLine> scores = List.of();
            Double result = null;
            String overall = null;
            if (values && sheet != null) {
                scores = criteria.stream()
                        .map(c -> new ScoreLine(
                                c.getPosition() + 1,
                                c.name(locale),
                                sheet.find(c).map(Score::getValue).orElse(null),
                                sheet.find(c).map(Score::getComment).orElse(null)))
                        .toList();
                var r = sheet.result(criteria);
                result = r.isPresent() ? Math.round(r.getAsDouble() * 10) / 10.0 : null;
                overall = sheet.getOverallComment();
            }
            lines.add(new SheetLine(
                    a.getId(),
                    sheet == null ? null : sheet.getId(),
                    a.getJuror().getId(),
                    a.getJuror().getAccount().getDisplayName(),
                    a.getJuror().getAccount().getEmail(),
                    n.getId(),
                    n.getReference(),
                    n.getTitle(),
                    n.getCategory().name(locale),
                    sheet == null ? "NOT_STARTED" : sheet.getStatus().name(),
                    sheet == null ? null : sheet.getUpdatedAt(),
                    sheet == null ? null : sheet.getSubmittedAt(),
                    result,
                    scores,
                    overall));
        }
        return lines;
    }

    /** E-mails the jurors of a nomination whose sheet is not submitted; returns how many were reminded. */
    @Transactional
    public int remind(Edition edition, long nominationId) {
        Nomination nomination = nomination(edition, nominationId);
        phases.require(edition, EditionAction.SCORING_OVERSIGHT);
        List<SheetLine> unfinished = ofNomination(edition, nominationId, false, Locale.FRENCH).stream()
                .filter(SheetLine::isUnfinished)
                .toList();
        for (SheetLine line : unfinished) {
            Juror juror = em.find(Juror.class, line.jurorId());
            Account account = juror.getAccount();
            Locale locale =
                    Messages.supported(account.getLocale() == null ? null : Locale.forLanguageTag(account.getLocale()));
            String deadline = edition.getScoringDeadline() == null
                    ? "—"
                    : formats.fullDateTime(edition.getScoringDeadline(), locale);
            mailer.send(
                    account.getEmail(),
                    Messages.get(locale, "sheets.remind.mail.subject", nomination.getReference()),
                    Messages.get(
                            locale,
                            "sheets.remind.mail.body",
                            account.getDisplayName(),
                            nomination.getReference(),
                            // Nothing of a dossier reaches a juror before the charter, by e-mail no more than on a
                            // page.
                            juror.hasAcceptedConfidentiality()
                                    ? Messages.get(locale, "sheets.remind.mail.title", nomination.getTitle())
                                    : "",
                            deadline,
                            baseUrl + "/jury/dossier.xhtml?assignment=" + line.assignmentId()));
            audit.record("sheets.remind", "Nomination", nomination.getId(), null, account.getEmail());
        }
        return unfinished.size();
    }

    /** The categories of the edition and whether scoring is frozen in each. */
    public List<CategoryState> categories(Edition edition, Locale locale) {
        access.require(Role.ORGANISER);
        Map<Long, ScoringFreeze> frozen = new HashMap<>();
        em.createQuery("select f from ScoringFreeze f where f.category.edition = :e", ScoringFreeze.class)
                .setParameter("e", edition)
                .getResultList()
                .forEach(f -> frozen.put(f.getCategory().getId(), f));
        return edition.getCategories().stream()
                .map(c -> {
                    ScoringFreeze f = frozen.get(c.getId());
                    return new CategoryState(
                            c.getId(),
                            c.getCode(),
                            c.name(locale),
                            f != null,
                            f == null ? null : f.getFrozenAt(),
                            f == null ? null : f.getFrozenBy());
                })
                .toList();
    }

    /** Freezes or unfreezes scoring in a category of the edition (by code or id). */
    @Transactional
    public CategoryState freeze(Edition edition, String categoryKey, boolean frozen, Locale locale) {
        access.require(Role.ORGANISER);
        Category category = edition.getCategories().stream()
                .filter(c -> c.getCode().equalsIgnoreCase(categoryKey)
                        || String.valueOf(c.getId()).equals(categoryKey))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("category"));
        scoring.freeze(category.getId(), frozen);
        em.flush();
        return categories(edition, locale).stream()
                .filter(c -> c.id() == category.getId())
                .findFirst()
                .orElseThrow();
    }

    /** The changes made to the nomination's sheets once submitted, newest first. */
    public List<ChangeLine> history(Edition edition, long nominationId, Locale locale) {
        Nomination nomination = nomination(edition, nominationId);
        Map<Long, String> criteria = new HashMap<>();
        nomination
                .getCategory()
                .getCriteria()
                .forEach(c -> criteria.put(c.getId(), (c.getPosition() + 1) + ". " + c.name(locale)));
        List<ScoreSheet> sheets = em.createQuery(
                        "select s from ScoreSheet s where s.assignment.nomination = :n", ScoreSheet.class)
                .setParameter("n", nomination)
                .getResultList();
        List<ChangeLine> lines = new ArrayList<>();
        for (ScoreSheet sheet : sheets) {
            List<SheetChanges.Snapshot> snapshots = scoring.history(sheet.getId()).stream()
                    .map(r -> new SheetChanges.Snapshot(r.getAt(), r.getSnapshot()))
                    .toList();
            String juror = sheet.getAssignment().getJuror().getAccount().getDisplayName();
            for (SheetChanges.Change c : SheetChanges.afterFirstSubmission(snapshots)) {
                String what = c.criterion() != null
                        ? criteria.getOrDefault(c.criterion(), "#" + c.criterion())
                        : Messages.get(locale, "sheets.history.field." + c.field());
                lines.add(new ChangeLine(sheet.getId(), juror, c.at(), c.by(), c.field(), what, c.before(), c.after()));
            }
        }
        lines.sort(Comparator.comparing(ChangeLine::at).reversed());
        return lines;
    }
}
