package org.palmares.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import org.palmares.nomination.Nomination;

/** A juror is to score a nomination. */
@Entity
public class Assignment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "juror_id")
    private Juror juror;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    @Enumerated(EnumType.STRING)
    @Column(name = "source")
    private AssignmentSource source;

    private boolean locked;

    private boolean recused;

    private Instant createdAt;

    @Version
    private long version;

    protected Assignment() {}

    public Assignment(Juror juror, Nomination nomination, AssignmentSource source, Clock clock) {
        this.juror = juror;
        this.nomination = nomination;
        this.source = source;
        this.locked = source == AssignmentSource.MANUAL;
        this.createdAt = clock.instant();
    }

    public void recuse() {
        recused = true;
    }

    public void lock(boolean locked) {
        this.locked = locked;
    }

    public boolean isCurrent() {
        return !recused;
    }

    public Long getId() {
        return id;
    }

    public Juror getJuror() {
        return juror;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public AssignmentSource getSource() {
        return source;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isRecused() {
        return recused;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
