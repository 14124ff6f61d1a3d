package org.palmares.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.palmares.edition.Criterion;

/** The value a juror gives one criterion on a sheet, with an optional comment. */
@Entity
public class Score {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sheet_id")
    private ScoreSheet sheet;

    @ManyToOne(optional = false)
    @JoinColumn(name = "criterion_id")
    private Criterion criterion;

    @Column(name = "score_value")
    private Integer value;

    @Column(name = "score_comment")
    private String comment;

    protected Score() {}

    Score(ScoreSheet sheet, Criterion criterion) {
        this.sheet = sheet;
        this.criterion = criterion;
    }

    void set(Integer value, String comment) {
        this.value = value;
        this.comment = comment;
    }

    public boolean hasValue() {
        return value != null;
    }

    public Long getId() {
        return id;
    }

    public ScoreSheet getSheet() {
        return sheet;
    }

    public Criterion getCriterion() {
        return criterion;
    }

    public Integer getValue() {
        return value;
    }

    public String getComment() {
        return comment;
    }
}
