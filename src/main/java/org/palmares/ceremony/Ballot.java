package org.palmares.ceremony;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;

/**
 * A vote cast by a member of the public and not verified yet: it counts only once its six-digit code (or the link's
 * token) comes back within fifteen minutes. Only keyed hashes of the address, the code and the token are stored;
 * the clear address goes into the e-mail and nowhere else. Checks run under a row lock (see {@code BallotDesk}), so
 * the verbs below may count attempts plainly.
 */
@Entity
public class Ballot {
    /** What checking a code found. */
    public enum Check {
        RIGHT,
        WRONG,
        EXPIRED,
        SPENT,
        ALREADY_VERIFIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The ballot's unguessable name in URLs and forms; the numeric id is never shown. */
    private String publicId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    private String voterHash;
    private String voterDomain;
    private String ipPrefix;
    private String codeHash;
    private String tokenHash;

    /** The outbox message carrying the code (and the clear address), redacted once the ballot is verified. */
    private Long mailId;

    @Enumerated(EnumType.STRING)
    private BallotStatus status = BallotStatus.PENDING;

    private int attempts;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant verifiedAt;

    @Version
    private long version;

    protected Ballot() {}

    public Ballot(
            String publicId,
            Category category,
            Nomination nomination,
            String voterHash,
            String voterDomain,
            String ipPrefix,
            String codeHash,
            String tokenHash,
            Instant now) {
        this.publicId = publicId;
        this.category = category;
        this.nomination = nomination;
        this.voterHash = voterHash;
        this.voterDomain = voterDomain;
        this.ipPrefix = ipPrefix;
        this.codeHash = codeHash;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(VerificationCode.VALIDITY);
    }

    /** Checks a code's hash at {@code now}; a right one verifies the ballot, a wrong one is counted. */
    public Check check(String givenCodeHash, Instant now) {
        Check state = state(now);
        if (state != null) return state;
        if (!VerificationCode.sameHash(codeHash, givenCodeHash)) {
            wrongAttempt();
            return Check.WRONG;
        }
        verify(now);
        return Check.RIGHT;
    }

    /** Checks the link's token; a link is single-use like the code. */
    public Check follow(String givenTokenHash, Instant now) {
        Check state = state(now);
        if (state != null) return state;
        if (!VerificationCode.sameHash(tokenHash, givenTokenHash)) return Check.WRONG;
        verify(now);
        return Check.RIGHT;
    }

    private Check state(Instant now) {
        if (status == BallotStatus.VERIFIED) return Check.ALREADY_VERIFIED;
        if (status == BallotStatus.FAILED) return Check.SPENT;
        if (now.isAfter(expiresAt)) return Check.EXPIRED;
        return null;
    }

    void wrongAttempt() {
        attempts++;
        if (attempts >= VerificationCode.MAX_ATTEMPTS) status = BallotStatus.FAILED;
    }

    private void verify(Instant now) {
        status = BallotStatus.VERIFIED;
        verifiedAt = now;
    }

    public void mailedAs(Long outboxMessageId) {
        this.mailId = outboxMessageId;
    }

    public Long getMailId() {
        return mailId;
    }

    /** Wrong codes the voter may still type. */
    public int attemptsLeft() {
        return Math.max(0, VerificationCode.MAX_ATTEMPTS - attempts);
    }

    public Long getId() {
        return id;
    }

    public String getPublicId() {
        return publicId;
    }

    public Category getCategory() {
        return category;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public String getVoterHash() {
        return voterHash;
    }

    public String getVoterDomain() {
        return voterDomain;
    }

    public String getIpPrefix() {
        return ipPrefix;
    }

    public BallotStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }
}
