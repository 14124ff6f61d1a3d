package org.palmares.scoring;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.palmares.edition.Criterion;
import org.palmares.jury.Assignment;
import org.palmares.platform.DomainException;

/** One juror's scores for one nomination: one score per criterion, comments, draft or submitted. */
@Entity
public class ScoreSheet {
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_OVERALL = 10000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @Enumerated(EnumType.STRING)
    private SheetStatus status = SheetStatus.DRAFT;

    @Lob
    private String overallComment;

    private Instant updatedAt;
    private Instant submittedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "sheet", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Score> scores = new ArrayList<>();

    protected ScoreSheet() {}

    public ScoreSheet(Assignment assignment, Clock clock) {
        this.assignment = assignment;
        this.updatedAt = clock.instant();
    }

    /**
     * Sets the score of a criterion (null clears it) and its comment; a submitted sheet must be reopened first, a
     * value must lie on the criterion's scale, and nothing changes once the window has closed.
     */
    public void score(Criterion criterion, Integer value, String comment, ScoringWindow window, Clock clock) {
        requireChangeable(window, clock);
        if (value != null && !criterion.accepts(value)) {
            throw DomainException.invalid(
                    "sheet.outOfScale",
                    value,
                    criterion.getPosition() + 1,
                    criterion.getScaleMin(),
                    criterion.getScaleMax());
        }
        String text = clean(comment);
        if (text != null && text.length() > MAX_COMMENT) {
            throw DomainException.invalid("sheet.comment.tooLong", criterion.getPosition() + 1, MAX_COMMENT);
        }
        Score score = find(criterion).orElseGet(() -> {
            var s = new Score(this, criterion);
            scores.add(s);
            return s;
        });
        score.set(value, text);
        updatedAt = clock.instant();
    }

    /** Whether a value and comment differ from what the sheet holds for the criterion. */
    public boolean differs(Criterion criterion, Integer value, String comment) {
        Integer storedValue = find(criterion).map(Score::getValue).orElse(null);
        String storedComment = find(criterion).map(Score::getComment).orElse(null);
        return !java.util.Objects.equals(storedValue, value)
                || !java.util.Objects.equals(storedComment, clean(comment));
    }

    /** Sets the overall comment of the sheet. */
    public void comment(String overall, ScoringWindow window, Clock clock) {
        requireChangeable(window, clock);
        String text = clean(overall);
        if (text != null && text.length() > MAX_OVERALL) {
            throw DomainException.invalid("sheet.overall.tooLong", MAX_OVERALL);
        }
        overallComment = text;
        updatedAt = clock.instant();
    }

    public boolean overallDiffers(String overall) {
        return !java.util.Objects.equals(overallComment, clean(overall));
    }

    public Optional<Score> find(Criterion criterion) {
        return scores.stream()
                .filter(s -> sameCriterion(s.getCriterion(), criterion))
                .findFirst();
    }

    private static boolean sameCriterion(Criterion a, Criterion b) {
        return a == b || (a.getId() != null && a.getId().equals(b.getId()));
    }

    /** The criteria of the list that have no score yet, in their order. */
    public List<Criterion> missing(List<Criterion> criteria) {
        return criteria.stream()
                .filter(c -> !find(c).map(Score::hasValue).orElse(false))
                .toList();
    }

    /** The weighted result (0–100) of the criteria scored so far; empty while none is. */
    public OptionalDouble result(List<Criterion> criteria) {
        return WeightedResult.of(criteria.stream()
                .map(c -> new WeightedResult.Part(
                        c.getWeight(),
                        c.getScaleMin(),
                        c.getScaleMax(),
                        find(c).map(Score::getValue).orElse(null)))
                .toList());
    }

    /** Submits the sheet: every criterion of the category must have a score; then it is locked until reopened. */
    public void submit(List<Criterion> criteria, ScoringWindow window, Clock clock) {
        submit(criteria, false, window, clock);
    }

    /**
     * Submits the sheet: every criterion scored and, when the edition asks for one, an overall comment written; then
     * it is locked until reopened.
     */
    public void submit(List<Criterion> criteria, boolean overallRequired, ScoringWindow window, Clock clock) {
        requireChangeable(window, clock);
        List<Criterion> missing = missing(criteria);
        if (!missing.isEmpty()) throw new IncompleteSheet(missing);
        if (overallRequired && overallComment == null) throw new DomainException(422, "sheet.overall.required");
        status = SheetStatus.SUBMITTED;
        submittedAt = clock.instant();
        updatedAt = submittedAt;
    }

    /** Makes a submitted sheet a draft again, while the window is open. */
    public void reopen(ScoringWindow window, Clock clock) {
        window.requireOpen(clock);
        if (status != SheetStatus.SUBMITTED) throw DomainException.conflict("sheet.notSubmitted");
        status = SheetStatus.DRAFT;
        updatedAt = clock.instant();
    }

    private void requireChangeable(ScoringWindow window, Clock clock) {
        window.requireOpen(clock);
        if (status == SheetStatus.SUBMITTED) throw DomainException.conflict("sheet.submitted");
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long getId() {
        return id;
    }

    public Assignment getAssignment() {
        return assignment;
    }

    public SheetStatus getStatus() {
        return status;
    }

    public String getOverallComment() {
        return overallComment;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<Score> getScores() {
        return List.copyOf(scores);
    }
}
