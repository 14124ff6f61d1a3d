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
import org.palmares.edition.Criterion;
import org.palmares.jury.Assignment;

/** One juror's scores for one nomination: one score per criterion, comments, draft or submitted. */
@Entity
public class ScoreSheet {
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

    /** Sets the score of a criterion; a submitted sheet must be reopened first. */
    public void score(Criterion criterion, Integer value, String comment, Clock clock) {
        if (status == SheetStatus.SUBMITTED) throw new IllegalStateException("Reopen the sheet before changing it");
        if (value != null && !criterion.accepts(value)) {
            throw new IllegalArgumentException("Score " + value + " is outside the criterion's scale");
        }
        Score score = find(criterion).orElseGet(() -> {
            var s = new Score(this, criterion);
            scores.add(s);
            return s;
        });
        score.set(value, comment);
        updatedAt = clock.instant();
    }

    public Optional<Score> find(Criterion criterion) {
        return scores.stream()
                .filter(s -> sameCriterion(s.getCriterion(), criterion))
                .findFirst();
    }

    private static boolean sameCriterion(Criterion a, Criterion b) {
        return a == b || (a.getId() != null && a.getId().equals(b.getId()));
    }

    /** Submits the sheet; every criterion of the category must have a score. */
    public void submit(List<Criterion> criteria, Clock clock) {
        boolean complete =
                criteria.stream().allMatch(c -> find(c).map(Score::hasValue).orElse(false));
        if (!complete) throw new IllegalStateException("Every criterion needs a score");
        status = SheetStatus.SUBMITTED;
        submittedAt = clock.instant();
        updatedAt = submittedAt;
    }

    public void reopen(Clock clock) {
        status = SheetStatus.DRAFT;
        updatedAt = clock.instant();
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

    public void setOverallComment(String c) {
        this.overallComment = c;
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
