package org.palmares.ceremony;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;

/** One verified member of the public's vote in a public-vote category; one per voter per category. */
@Entity
public class PublicVote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    /** A keyed hash of the normalised e-mail address; the clear address is not kept. */
    private String voterHash;

    private String voterDomain;
    private String ipPrefix;
    private Instant createdAt;
    private Instant verifiedAt;
    private boolean voided;
    private String voidReason;

    protected PublicVote() {}

    public PublicVote(Category category, Nomination nomination, String voterHash, String ipPrefix, Instant createdAt) {
        this.category = category;
        this.nomination = nomination;
        this.voterHash = voterHash;
        this.ipPrefix = ipPrefix;
        this.createdAt = createdAt;
    }

    /** The vote of a verified ballot. */
    public static PublicVote of(Ballot ballot) {
        var vote = new PublicVote(
                ballot.getCategory(),
                ballot.getNomination(),
                ballot.getVoterHash(),
                ballot.getIpPrefix(),
                ballot.getCreatedAt());
        vote.voterDomain = ballot.getVoterDomain();
        vote.verify(ballot.getVerifiedAt());
        return vote;
    }

    public void verify(Instant at) {
        verifiedAt = at;
    }

    public void voidVote(String reason) {
        voided = true;
        voidReason = reason;
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

    public String getVoterHash() {
        return voterHash;
    }

    public String getVoterDomain() {
        return voterDomain;
    }

    public String getIpPrefix() {
        return ipPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public boolean isVoided() {
        return voided;
    }

    public String getVoidReason() {
        return voidReason;
    }
}
