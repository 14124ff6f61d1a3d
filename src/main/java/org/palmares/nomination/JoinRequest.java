package org.palmares.nomination;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.palmares.platform.PlainEmail;

/** A territory asks to take part; an organiser approves it (the territory and its contact's account are made) or not. */
@Entity
public class JoinRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 200)
    private String territoryName;

    @NotNull
    @Enumerated(EnumType.STRING)
    private TerritoryKind kind;

    @NotBlank
    @Size(max = 100)
    private String region;

    @NotBlank
    @Pattern(regexp = "\\d{2,3}|2A|2B", message = "{territory.departement.pattern}")
    private String departement;

    @NotBlank
    @Size(max = 200)
    private String contactName;

    @NotBlank
    @PlainEmail
    @Size(max = 254)
    private String contactEmail;

    @Size(max = 2000)
    @Column(name = "request_message")
    private String message;

    private String locale;

    @Enumerated(EnumType.STRING)
    private JoinRequestStatus status = JoinRequestStatus.PENDING;

    @Size(max = 1000)
    private String decisionReason;

    private Instant createdAt;
    private Instant decidedAt;
    private String decidedBy;

    @ManyToOne
    @JoinColumn(name = "territory_id")
    private Territory territory;

    @Version
    private long version;

    protected JoinRequest() {}

    public JoinRequest(
            String territoryName,
            TerritoryKind kind,
            String region,
            String departement,
            String contactName,
            String contactEmail,
            String message,
            String locale,
            Clock clock) {
        this.territoryName = territoryName;
        this.kind = kind;
        this.region = region;
        this.departement = departement;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.message = message;
        this.locale = locale;
        this.createdAt = clock.instant();
    }

    public void approve(Territory territory, String by, Clock clock) {
        requirePending();
        this.territory = territory;
        this.status = JoinRequestStatus.APPROVED;
        this.decidedBy = by;
        this.decidedAt = clock.instant();
    }

    public void reject(String reason, String by, Clock clock) {
        requirePending();
        this.status = JoinRequestStatus.REJECTED;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = clock.instant();
    }

    public boolean isPending() {
        return status == JoinRequestStatus.PENDING;
    }

    private void requirePending() {
        if (!isPending()) throw new IllegalStateException("This request has been decided already");
    }

    public Long getId() {
        return id;
    }

    public String getTerritoryName() {
        return territoryName;
    }

    public TerritoryKind getKind() {
        return kind;
    }

    public String getRegion() {
        return region;
    }

    public String getDepartement() {
        return departement;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getMessage() {
        return message;
    }

    public String getLocale() {
        return locale;
    }

    public JoinRequestStatus getStatus() {
        return status;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Territory getTerritory() {
        return territory;
    }
}
