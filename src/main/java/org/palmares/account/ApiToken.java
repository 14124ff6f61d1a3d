package org.palmares.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A named, scoped, expiring key a script sends as {@code Authorization: Bearer}; it acts as its owner (an organiser)
 * within its scope. Only the hash of the secret is kept: the clear value is shown once, at creation.
 */
@Entity
public class ApiToken {
    /** The longest life a token may be given. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);

    public static final int DEFAULT_DAYS = 90;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** The start of the secret, not enough to use it, so a token can be recognised in lists and logs. */
    private String label;

    private String secretHash;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_id")
    private Account owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "token_scope")
    private TokenScope scope;

    private Instant createdAt;
    private Instant expiresAt;
    private Instant lastUsedAt;
    private String lastUsedFrom;
    private Instant revokedAt;
    private String revokedBy;

    protected ApiToken() {}

    ApiToken(String name, TokenSecret secret, Account owner, TokenScope scope, Instant createdAt, Instant expiresAt) {
        if (!expiresAt.isAfter(createdAt) || expiresAt.isAfter(createdAt.plus(MAX_VALIDITY))) {
            throw new IllegalArgumentException("Validity out of range");
        }
        this.name = name;
        this.label = secret.label();
        this.secretHash = secret.hash();
        this.owner = owner;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the token still opens the API: not revoked, not expired. */
    public boolean isActive(Clock clock) {
        return revokedAt == null && clock.instant().isBefore(expiresAt);
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expiresAt);
    }

    /** Stops the token at once; revoking it again changes nothing. */
    public void revoke(String by, Clock clock) {
        if (revokedAt != null) return;
        revokedAt = clock.instant();
        revokedBy = by;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLabel() {
        return label;
    }

    public Account getOwner() {
        return owner;
    }

    public TokenScope getScope() {
        return scope;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getLastUsedFrom() {
        return lastUsedFrom;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }
}
