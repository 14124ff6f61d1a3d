package org.palmares.jury;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.palmares.account.Account;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;

/** A juror may not judge a territory's nominations, or one nomination; the conflict says why. */
@Entity
public class Conflict {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "juror_id")
    private Juror juror;

    @ManyToOne
    @JoinColumn(name = "territory_id")
    private Territory territory;

    @ManyToOne
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    @Enumerated(EnumType.STRING)
    private ConflictKind kind;

    @Size(max = 1000)
    private String reason;

    private Instant createdAt;

    @ManyToOne
    @JoinColumn(name = "created_by")
    private Account createdBy;

    protected Conflict() {}

    private Conflict(
            Juror juror,
            Territory territory,
            Nomination nomination,
            ConflictKind kind,
            String reason,
            Account createdBy,
            Clock clock) {
        this.juror = juror;
        this.territory = territory;
        this.nomination = nomination;
        this.kind = kind;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = clock.instant();
    }

    public static Conflict withTerritory(
            Juror juror, Territory territory, ConflictKind kind, String reason, Account by, Clock clock) {
        return new Conflict(juror, territory, null, kind, reason, by, clock);
    }

    public static Conflict withNomination(
            Juror juror, Nomination nomination, ConflictKind kind, String reason, Account by, Clock clock) {
        return new Conflict(juror, null, nomination, kind, reason, by, clock);
    }

    /** Whether this conflict keeps the juror away from the nomination. */
    public boolean covers(Nomination n) {
        return (nomination != null && nomination.getId().equals(n.getId()))
                || (territory != null
                        && territory.getId().equals(n.getTerritory().getId()));
    }

    public Long getId() {
        return id;
    }

    public Juror getJuror() {
        return juror;
    }

    public Territory getTerritory() {
        return territory;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public ConflictKind getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Account getCreatedBy() {
        return createdBy;
    }
}
