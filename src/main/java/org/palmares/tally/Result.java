package org.palmares.tally;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;

/** A nomination's frozen place in its category's tally: rank, figures, flags and the method used. */
@Entity
public class Result {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    @Enumerated(EnumType.STRING)
    @Column(name = "\"method\"")
    private TallyMethod method;

    @Column(name = "rank_position")
    private int rank;

    private BigDecimal rawScore;
    private BigDecimal normalisedScore;
    private BigDecimal calibratedScore;
    private int sheetCount;
    private String flags;
    private String tieBreakNote;
    private Instant computedAt;

    protected Result() {}

    public Result(
            Category category,
            Nomination nomination,
            TallyMethod method,
            int rank,
            BigDecimal rawScore,
            BigDecimal normalisedScore,
            BigDecimal calibratedScore,
            int sheetCount,
            String flags,
            String tieBreakNote,
            Instant computedAt) {
        this.category = category;
        this.nomination = nomination;
        this.method = method;
        this.rank = rank;
        this.rawScore = rawScore;
        this.normalisedScore = normalisedScore;
        this.calibratedScore = calibratedScore;
        this.sheetCount = sheetCount;
        this.flags = flags;
        this.tieBreakNote = tieBreakNote;
        this.computedAt = computedAt;
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public TallyMethod getMethod() {
        return method;
    }

    public int getRank() {
        return rank;
    }

    public BigDecimal getRawScore() {
        return rawScore;
    }

    public BigDecimal getNormalisedScore() {
        return normalisedScore;
    }

    public BigDecimal getCalibratedScore() {
        return calibratedScore;
    }

    public int getSheetCount() {
        return sheetCount;
    }

    public String getFlags() {
        return flags;
    }

    public String getTieBreakNote() {
        return tieBreakNote;
    }

    public Instant getComputedAt() {
        return computedAt;
    }
}
