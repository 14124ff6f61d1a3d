package org.palmares.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A snapshot of a sheet at one moment: the history organisers can consult. */
@Entity
public class ScoreSheetRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sheet_id")
    private ScoreSheet sheet;

    @Column(name = "occurred_at")
    private Instant at;

    @Enumerated(EnumType.STRING)
    private SheetStatus status;

    @Lob
    private String snapshot;

    protected ScoreSheetRevision() {}

    public ScoreSheetRevision(ScoreSheet sheet, Instant at, String snapshot) {
        this.sheet = sheet;
        this.at = at;
        this.status = sheet.getStatus();
        this.snapshot = snapshot;
    }

    public Long getId() {
        return id;
    }

    public ScoreSheet getSheet() {
        return sheet;
    }

    public Instant getAt() {
        return at;
    }

    public SheetStatus getStatus() {
        return status;
    }

    public String getSnapshot() {
        return snapshot;
    }
}
