package org.palmares.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.jury.Assignment;
import org.palmares.jury.JurorService;
import org.palmares.nomination.Attachment;
import org.palmares.nomination.AttachmentType;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationAccess;
import org.palmares.nomination.NominationService;
import org.palmares.nomination.SafeMarkdown;
import org.palmares.platform.Access;
import org.palmares.platform.Activity;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonSupport;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;
import org.palmares.platform.RetryOnContention;

/**
 * Jurors' score sheets: a juror reaches only the sheets of their own current assignments that no conflict keeps them
 * from (anything else is "not found", so an id reveals nothing); saves name the version they edited and never
 * overwrite another tab's work; every save, submission and reopening leaves a snapshot in the sheet's history.
 */
@ApplicationScoped
public class ScoringService {
    @Inject
    Activity activity;

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
    JurorService jurors;

    @Inject
    NominationService nominations;

    @Inject
    NominationAccess nominationAccess;

    @Inject
    Mailer mailer;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /** A criterion's value and comment as the juror sends them; a null value clears the score. */
    public record Entry(Integer value, String comment) {}

    /** The caller's current assignment, free of conflict, after the charter: anything else is not found. */
    public Assignment ownAssignment(long assignmentId) {
        String email = access.callerEmail()
                .map(Account::normaliseEmail)
                .orElseThrow(() -> DomainException.notFound("assignment"));
        Assignment assignment = Optional.ofNullable(em.find(Assignment.class, assignmentId))
                .filter(a -> a.getJuror().getAccount().getEmail().equals(email))
                .filter(Assignment::isCurrent)
                .filter(a -> !jurors.inConflict(a.getJuror(), a.getNomination()))
                .orElseThrow(() -> DomainException.notFound("assignment"));
        jurors.requireCharter(assignment.getJuror());
        return assignment;
    }

    /** The caller's current assignment to a nomination, if any. */
    public Assignment ownAssignmentTo(long nominationId) {
        String email = access.callerEmail()
                .map(Account::normaliseEmail)
                .orElseThrow(() -> DomainException.notFound("assignment"));
        Long id = em.createQuery(
                        "select a.id from Assignment a where a.nomination.id = :n and a.juror.account.email = :e "
                                + "and a.recused = false",
                        Long.class)
                .setParameter("n", nominationId)
                .setParameter("e", email)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("assignment"));
        return ownAssignment(id);
    }

    /** One of the caller's sheets. */
    public ScoreSheet ownSheet(long sheetId) {
        ScoreSheet sheet = Optional.ofNullable(em.find(ScoreSheet.class, sheetId))
                .orElseThrow(() -> DomainException.notFound("sheet"));
        ownAssignment(sheet.getAssignment().getId());
        return sheet;
    }

    public Optional<ScoreSheet> sheetOf(Assignment assignment) {
        return em.createQuery("select s from ScoreSheet s where s.assignment = :a", ScoreSheet.class)
                .setParameter("a", assignment)
                .getResultStream()
                .findFirst();
    }

    /** The caller's sheet for one of their assignments, created (an empty draft) on first use. */
    @Transactional
    public ScoreSheet open(long assignmentId) {
        Assignment assignment = ownAssignment(assignmentId);
        return sheetOf(assignment).orElseGet(() -> {
            // Reading a sheet stays possible after scoring; starting one only while scoring is on.
            phases.require(assignment.getNomination().getCategory().getEdition(), EditionAction.SCORING_SHEET);
            ScoreSheet sheet = new ScoreSheet(assignment, clock);
            em.persist(sheet);
            em.flush();
            return sheet;
        });
    }

    /** When the sheets of a category may still change. */
    public ScoringWindow window(Category category) {
        boolean frozen = em.createQuery("select count(f) from ScoringFreeze f where f.category.id = :c", Long.class)
                        .setParameter("c", category.getId())
                        .getSingleResult()
                > 0;
        return new ScoringWindow(category.getEdition().scoringDeadline(), frozen);
    }

    /**
     * Saves values and comments (criteria not named stay as they are; {@code overall} null leaves the overall comment
     * unchanged) over the version the caller edited. Nothing changed means nothing written: no new version, no
     * history line.
     */
    @RetryOnContention
    @Transactional
    public ScoreSheet save(long sheetId, long expectedVersion, Map<Long, Entry> entries, String overall) {
        ScoreSheet sheet = ownSheet(sheetId);
        Category category = sheet.getAssignment().getNomination().getCategory();
        phases.require(category.getEdition(), EditionAction.SCORING_SHEET);
        ScoringWindow window = window(category);
        window.requireOpen(clock);
        Map<Long, Criterion> criteria = criteriaById(category);
        for (Long id : entries.keySet()) {
            if (!criteria.containsKey(id)) throw DomainException.invalid("sheet.unknownCriterion", id);
        }
        if (sheet.getVersion() != expectedVersion) throw stale(sheet, criteria, entries, overall);
        boolean changed = false;
        for (var entry : entries.entrySet()) {
            Criterion criterion = criteria.get(entry.getKey());
            Entry e = entry.getValue();
            if (sheet.differs(criterion, e.value(), e.comment())) {
                sheet.score(criterion, e.value(), e.comment(), window, clock);
                changed = true;
            }
        }
        if (overall != null && sheet.overallDiffers(overall)) {
            sheet.comment(overall, window, clock);
            changed = true;
        }
        if (!changed) return sheet;
        flush(sheet, criteria, entries, overall);
        snapshot(sheet, "save", category);
        activity.count(Activity.Event.SHEET_SAVED);
        return sheet;
    }

    /** Submits the sheet: every criterion scored, before the deadline, not frozen. */
    @RetryOnContention
    @Transactional
    public ScoreSheet submit(long sheetId) {
        ScoreSheet sheet = ownSheet(sheetId);
        Category category = sheet.getAssignment().getNomination().getCategory();
        phases.require(category.getEdition(), EditionAction.SCORING_SHEET);
        sheet.submit(category.getCriteria(), category.getEdition().isOverallCommentRequired(), window(category), clock);
        em.flush();
        snapshot(sheet, "submit", category);
        audit.record("sheet.submit", "ScoreSheet", sheet.getId(), null, resultText(sheet, category));
        activity.count(Activity.Event.SHEET_SUBMITTED);
        return sheet;
    }

    /** Makes a submitted sheet a draft again, until the deadline and unless scoring is frozen. */
    @Transactional
    public ScoreSheet reopen(long sheetId) {
        ScoreSheet sheet = ownSheet(sheetId);
        Category category = sheet.getAssignment().getNomination().getCategory();
        phases.require(category.getEdition(), EditionAction.SCORING_SHEET);
        sheet.reopen(window(category), clock);
        em.flush();
        snapshot(sheet, "reopen", category);
        audit.record("sheet.reopen", "ScoreSheet", sheet.getId(), resultText(sheet, category), null);
        return sheet;
    }

    /**
     * The caller cannot judge this nomination after all: the conflict is recorded with its reason, the assignment
     * ends, and the organisers are told by e-mail, with where to give the nomination another juror.
     */
    @Transactional
    public void recuse(long assignmentId, String reason) {
        Assignment assignment = ownAssignment(assignmentId);
        Nomination nomination = assignment.getNomination();
        Edition edition = nomination.getCategory().getEdition();
        phases.require(edition, EditionAction.SCORING_SHEET);
        jurors.declareConflict(edition, nomination.getId(), reason);
        List<Account> organisers = em.createQuery(
                        "select a from Account a join a.roles r where r = :r and a.enabled = true", Account.class)
                .setParameter("r", Role.ORGANISER)
                .getResultList();
        for (Account organiser : organisers) {
            Locale locale = Messages.supported(
                    organiser.getLocale() == null ? null : Locale.forLanguageTag(organiser.getLocale()));
            mailer.send(
                    organiser.getEmail(),
                    Messages.get(locale, "recusal.mail.subject", nomination.getReference()),
                    Messages.get(
                            locale,
                            "recusal.mail.body",
                            assignment.getJuror().getAccount().getDisplayName(),
                            nomination.getReference(),
                            nomination.getTitle(),
                            reason.strip(),
                            baseUrl + "/organiser/assignment.xhtml"));
        }
    }

    /** Freezes or unfreezes scoring in a category (organisers). */
    @Transactional
    public void freeze(long categoryId, boolean frozen) {
        access.require(Role.ORGANISER);
        Category category = Optional.ofNullable(em.find(Category.class, categoryId))
                .orElseThrow(() -> DomainException.notFound("category"));
        phases.require(category.getEdition(), EditionAction.SCORING_OVERSIGHT);
        List<ScoringFreeze> existing = em.createQuery(
                        "select f from ScoringFreeze f where f.category = :c", ScoringFreeze.class)
                .setParameter("c", category)
                .getResultList();
        if (frozen && existing.isEmpty()) {
            em.persist(new ScoringFreeze(
                    category, clock.instant(), access.callerEmail().orElse("system")));
            audit.record("scoring.freeze", "Category", category.getId());
        } else if (!frozen && !existing.isEmpty()) {
            existing.forEach(em::remove);
            audit.record("scoring.unfreeze", "Category", category.getId());
        }
    }

    /** The history of a sheet, oldest first (organisers). */
    public List<ScoreSheetRevision> history(long sheetId) {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select r from ScoreSheetRevision r where r.sheet.id = :s order by r.at, r.id",
                        ScoreSheetRevision.class)
                .setParameter("s", sheetId)
                .getResultList();
    }

    /** The caller's assignments in the edition with where each sheet stands, what needs doing first. */
    public List<MyAssignment> mine(Edition edition, Locale locale) {
        access.require(Role.JUROR);
        List<Assignment> assignments = jurors.assignmentsOfCaller(edition);
        Map<Long, ScoreSheet> sheets = new HashMap<>();
        if (!assignments.isEmpty()) {
            em.createQuery("select s from ScoreSheet s where s.assignment in :a", ScoreSheet.class)
                    .setParameter("a", assignments)
                    .getResultList()
                    .forEach(s -> sheets.put(s.getAssignment().getId(), s));
        }
        List<MyAssignment> list = new ArrayList<>();
        for (Assignment a : assignments) {
            Nomination n = a.getNomination();
            if (jurors.inConflict(a.getJuror(), n)) continue;
            ScoreSheet sheet = sheets.get(a.getId());
            List<Criterion> criteria = n.getCategory().getCriteria();
            int scored = sheet == null
                    ? 0
                    : criteria.size() - sheet.missing(criteria).size();
            list.add(new MyAssignment(
                    a.getId(),
                    sheet == null ? null : sheet.getId(),
                    n.getReference(),
                    n.getTitle(),
                    n.getCategory().getCode(),
                    n.getCategory().name(locale),
                    sheet == null ? "NOT_STARTED" : sheet.getStatus().name(),
                    scored,
                    criteria.size()));
        }
        list.sort(Comparator.comparingInt(MyAssignment::urgency));
        return list;
    }

    /** The nomination of one of the caller's assignments, as a juror reads it. */
    public Dossier dossier(long assignmentId, Locale locale) {
        Assignment assignment = ownAssignment(assignmentId);
        Nomination n = assignment.getNomination();
        boolean blind = nominationAccess.hidesTerritory(n);
        List<Dossier.AnswerLine> answers = nominations.questions(n.getCategory()).stream()
                .map(q -> new Dossier.AnswerLine(q.label(locale), n.valueOf(q)))
                .filter(a -> a.value() != null && !a.value().isBlank())
                .toList();
        List<Dossier.FileLine> files = new ArrayList<>();
        int i = 0;
        for (Attachment a : n.getAttachments()) {
            i++;
            var type = AttachmentType.ofMediaType(a.getContentType());
            boolean image = type.map(AttachmentType::isImage).orElse(false);
            boolean pdf = type.map(AttachmentType::previewable).orElse(false) && !image;
            String name = blind
                    ? Messages.get(
                            locale,
                            "dossier.file.blind",
                            i,
                            type.map(AttachmentType::extension).orElse(""))
                    : a.getOriginalName();
            files.add(new Dossier.FileLine(
                    a.getId(),
                    name,
                    a.getContentType(),
                    a.getSize(),
                    image,
                    pdf,
                    "/api/v1/nominations/" + n.getId() + "/attachments/" + a.getId()));
        }
        return new Dossier(
                assignment.getId(),
                n.getId(),
                n.getReference(),
                n.getTitle(),
                SafeMarkdown.html(n.getSummary()),
                n.getCategory().getCode(),
                n.getCategory().name(locale),
                nominationAccess.territoryName(n),
                blind,
                answers,
                files,
                n.getCategory().getEdition().getId());
    }

    /** The criteria of the assignment's category as the juror scores them. */
    public SheetForm form(long assignmentId, Locale locale) {
        Category category = ownAssignment(assignmentId).getNomination().getCategory();
        return new SheetForm(category.getCriteria().stream()
                .map(c -> new SheetForm.CriterionLine(
                        c.getId(),
                        c.getPosition() + 1,
                        c.name(locale),
                        c.getWeight(),
                        c.getScaleMin(),
                        c.getScaleMax(),
                        c.getAnchors().stream()
                                .map(a -> new SheetForm.AnchorLine(a.getValue(), a.text(locale)))
                                .toList()))
                .toList());
    }

    /** A sheet as its juror sees it. */
    public SheetView view(ScoreSheet sheet) {
        Category category = sheet.getAssignment().getNomination().getCategory();
        Map<Long, Integer> values = new LinkedHashMap<>();
        Map<Long, String> comments = new LinkedHashMap<>();
        for (Score s : sheet.getScores()) {
            if (s.getValue() != null) values.put(s.getCriterion().getId(), s.getValue());
            if (s.getComment() != null) comments.put(s.getCriterion().getId(), s.getComment());
        }
        ScoringWindow window = window(category);
        // What the server would refuse is not offered: changes need the window open and the edition scoring.
        boolean open = window.isOpen(clock) && phases.allows(category.getEdition(), EditionAction.SCORING_SHEET);
        var result = sheet.result(category.getCriteria());
        return new SheetView(
                sheet.getId(),
                sheet.getAssignment().getId(),
                sheet.getVersion(),
                sheet.getStatus().name(),
                sheet.getOverallComment(),
                values,
                comments,
                result.isPresent() ? Math.round(result.getAsDouble() * 10) / 10.0 : null,
                sheet.getUpdatedAt(),
                sheet.getSubmittedAt(),
                open && sheet.getStatus() == SheetStatus.DRAFT,
                open && sheet.getStatus() == SheetStatus.SUBMITTED);
    }

    /**
     * Why one of the caller's sheets can no longer change (a message key): frozen category, deadline passed, edition
     * no longer scoring; empty while changes are allowed.
     */
    public Optional<String> lockReasonOf(long sheetId) {
        Category category = ownSheet(sheetId).getAssignment().getNomination().getCategory();
        ScoringWindow window = window(category);
        if (window.frozen()) return Optional.of("sheet.frozen");
        if (!window.isOpen(clock)) return Optional.of("sheet.closed");
        if (!phases.allows(category.getEdition(), EditionAction.SCORING_SHEET)) return Optional.of("sheet.phaseClosed");
        return Optional.empty();
    }

    /** {@link #lockReasonOf(long)}, or the deadline's when none applies (the sheet is open). */
    public String lockReason(long sheetId) {
        return lockReasonOf(sheetId).orElse("sheet.closed");
    }

    private static Map<Long, Criterion> criteriaById(Category category) {
        Map<Long, Criterion> map = new LinkedHashMap<>();
        category.getCriteria().forEach(c -> map.put(c.getId(), c));
        return map;
    }

    private void flush(ScoreSheet sheet, Map<Long, Criterion> criteria, Map<Long, Entry> entries, String overall) {
        try {
            em.flush();
        } catch (OptimisticLockException concurrent) {
            throw stale(sheet, criteria, entries, overall);
        }
    }

    /** What the stored sheet holds that differs from what was sent: criteria by number with their stored value. */
    private static StaleSheet stale(
            ScoreSheet sheet, Map<Long, Criterion> criteria, Map<Long, Entry> entries, String overall) {
        String differences = entries.entrySet().stream()
                .filter(e -> sheet.differs(
                        criteria.get(e.getKey()),
                        e.getValue().value(),
                        e.getValue().comment()))
                .map(e -> {
                    Criterion c = criteria.get(e.getKey());
                    Integer stored = sheet.find(c).map(Score::getValue).orElse(null);
                    return "n° " + (c.getPosition() + 1) + " (" + (stored == null ? "—" : stored) + ")";
                })
                .collect(Collectors.joining(", "));
        boolean overallDiffers = overall != null && sheet.overallDiffers(overall);
        return new StaleSheet(differences.isEmpty() ? "—" : differences, overallDiffers, sheet.getVersion());
    }

    private void snapshot(ScoreSheet sheet, String action, Category category) {
        var scores = JsonSupport.JSON.createArrayBuilder();
        for (Criterion c : category.getCriteria()) {
            sheet.find(c).ifPresent(s -> {
                JsonObjectBuilder o = JsonSupport.JSON.createObjectBuilder().add("criterion", c.getId());
                if (s.getValue() == null) o.addNull("value");
                else o.add("value", s.getValue());
                if (s.getComment() != null) o.add("comment", s.getComment());
                scores.add(o);
            });
        }
        JsonObjectBuilder snapshot = JsonSupport.JSON
                .createObjectBuilder()
                .add("action", action)
                .add("by", access.callerEmail().orElse("system"))
                .add("version", sheet.getVersion())
                .add("status", sheet.getStatus().name())
                .add("scores", scores);
        if (sheet.getOverallComment() != null) snapshot.add("overall", sheet.getOverallComment());
        em.persist(
                new ScoreSheetRevision(sheet, clock.instant(), snapshot.build().toString()));
    }

    private static String resultText(ScoreSheet sheet, Category category) {
        var result = sheet.result(category.getCriteria());
        return result.isPresent() ? String.format(Locale.ROOT, "%.1f", result.getAsDouble()) : null;
    }
}
