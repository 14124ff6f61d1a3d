package org.palmares.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionAction;
import org.palmares.edition.PhaseGuard;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Formats;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;
import org.palmares.scoring.SheetStatus;

/** The scoring's progress, per juror, category and nomination, and the reminders to jurors who have not finished. */
@ApplicationScoped
public class ProgressService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    PhaseGuard phases;

    @Inject
    Mailer mailer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    AssignmentService assignments;

    @Inject
    Formats formats;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "palmares.base.url",
            defaultValue = "http://localhost:8080")
    String baseUrl;

    /** One line per juror of the edition, in name order. */
    public List<JurorProgress> jurors(Edition edition) {
        access.require(Role.ORGANISER);
        return jurorLines(edition);
    }

    List<JurorProgress> jurorLines(Edition edition) {
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select a.juror.id, count(a) from Assignment a where a.juror.edition = :e and a.recused = false "
                                + "group by a.juror.id",
                        Object[].class)
                .setParameter("e", edition)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new int[3])[0] = ((Number) row[1]).intValue();
        }
        for (Object[] row : em.createQuery(
                        "select s.assignment.juror.id, s.status, count(s) from ScoreSheet s "
                                + "where s.assignment.juror.edition = :e and s.assignment.recused = false "
                                + "group by s.assignment.juror.id, s.status",
                        Object[].class)
                .setParameter("e", edition)
                .getResultList()) {
            int[] c = counts.computeIfAbsent((Long) row[0], k -> new int[3]);
            c[row[1] == SheetStatus.SUBMITTED ? 2 : 1] += ((Number) row[2]).intValue();
        }
        return em
                .createQuery("select j from Juror j where j.edition = :e order by j.account.displayName", Juror.class)
                .setParameter("e", edition)
                .getResultList()
                .stream()
                .map(j -> {
                    int[] c = counts.getOrDefault(j.getId(), new int[3]);
                    return new JurorProgress(
                            j.getId(),
                            j.getAccount().getDisplayName(),
                            j.getAccount().getEmail(),
                            j.getAccount().getLocale(),
                            c[0],
                            c[1],
                            c[2],
                            j.getAccount().getLastLoginAt());
                })
                .toList();
    }

    /** One line per eligible nomination: jurors required and assigned, sheets submitted and missing. */
    public List<NominationProgress> nominations(Edition edition) {
        access.require(Role.ORGANISER);
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select a.nomination.id, count(a) from Assignment a "
                                + "where a.nomination.category.edition = :e and a.recused = false group by a.nomination.id",
                        Object[].class)
                .setParameter("e", edition)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new int[2])[0] = ((Number) row[1]).intValue();
        }
        for (Object[] row : em.createQuery(
                        "select s.assignment.nomination.id, count(s) from ScoreSheet s "
                                + "where s.assignment.nomination.category.edition = :e and s.assignment.recused = false "
                                + "and s.status = :submitted group by s.assignment.nomination.id",
                        Object[].class)
                .setParameter("e", edition)
                .setParameter("submitted", SheetStatus.SUBMITTED)
                .getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new int[2])[1] = ((Number) row[1]).intValue();
        }
        return assignments.eligible(edition).stream()
                .map(n -> {
                    int[] c = counts.getOrDefault(n.getId(), new int[2]);
                    return new NominationProgress(n, n.getCategory().reviewsNeeded(), c[0], c[1]);
                })
                .toList();
    }

    /** The nominations' figures summed per category, in the edition's order. */
    public List<CategoryProgress> categories(Edition edition, List<NominationProgress> nominations) {
        Map<Long, CategoryProgress> byCategory = new LinkedHashMap<>();
        for (Category c : edition.getCategories()) byCategory.put(c.getId(), new CategoryProgress(c, 0, 0, 0, 0));
        for (NominationProgress n : nominations) {
            byCategory.computeIfPresent(
                    n.nomination().getCategory().getId(),
                    (id, c) -> new CategoryProgress(
                            c.category(),
                            c.nominations() + 1,
                            c.required() + n.required(),
                            c.assigned() + n.assigned(),
                            c.submitted() + n.submitted()));
        }
        return List.copyOf(byCategory.values());
    }

    /** E-mails one juror the sheets they still have to submit; says whether there was anything to remind. */
    @Transactional
    public boolean remind(Edition edition, long jurorId) {
        access.require(Role.ORGANISER);
        phases.require(edition, EditionAction.SCORING_OVERSIGHT);
        Optional<JurorProgress> line =
                jurorLines(edition).stream().filter(j -> j.jurorId() == jurorId).findFirst();
        if (line.isEmpty()) throw DomainException.notFound("juror");
        if (!line.get().unfinished()) return false;
        send(edition, line.get());
        return true;
    }

    /** E-mails every juror who has not finished; returns how many were reminded. */
    @Transactional
    public int remindAll(Edition edition) {
        access.require(Role.ORGANISER);
        phases.require(edition, EditionAction.SCORING_OVERSIGHT);
        List<JurorProgress> unfinished = ReminderPolicy.unfinished(jurorLines(edition));
        unfinished.forEach(j -> send(edition, j));
        return unfinished.size();
    }

    private void send(Edition edition, JurorProgress juror) {
        Locale locale = Messages.supported(juror.locale() == null ? null : Locale.forLanguageTag(juror.locale()));
        String deadline =
                edition.getScoringDeadline() == null ? "—" : formats.fullDateTime(edition.getScoringDeadline(), locale);
        String link = baseUrl + "/jury/index.xhtml";
        mailer.send(
                juror.email(),
                Messages.get(locale, "reminder.mail.subject", edition.name(locale)),
                Messages.get(
                        locale,
                        "reminder.mail.body",
                        juror.name(),
                        juror.remaining(),
                        juror.assigned(),
                        deadline,
                        link));
        audit.record("jury.remind", "Juror", juror.email());
    }

    /** One eligible nomination's jurors and sheets. */
    public record NominationProgress(Nomination nomination, int required, int assigned, int submitted) {
        public int missingSheets() {
            return Math.max(0, Math.max(required, assigned) - submitted);
        }

        public int missingJurors() {
            return Math.max(0, required - assigned);
        }

        public Nomination getNomination() {
            return nomination;
        }

        public int getRequired() {
            return required;
        }

        public int getAssigned() {
            return assigned;
        }

        public int getSubmitted() {
            return submitted;
        }

        public int getMissingSheets() {
            return missingSheets();
        }

        public int getMissingJurors() {
            return missingJurors();
        }
    }

    /** A category's sums over its eligible nominations. */
    public record CategoryProgress(Category category, int nominations, int required, int assigned, int submitted) {
        public int missingSheets() {
            return Math.max(0, Math.max(required, assigned) - submitted);
        }

        public Category getCategory() {
            return category;
        }

        public int getNominations() {
            return nominations;
        }

        public int getRequired() {
            return required;
        }

        public int getAssigned() {
            return assigned;
        }

        public int getSubmitted() {
            return submitted;
        }

        public int getMissingSheets() {
            return missingSheets();
        }
    }
}
