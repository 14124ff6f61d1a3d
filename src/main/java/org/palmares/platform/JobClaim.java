package org.palmares.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A scheduled job that one instance of the cluster has claimed, so the others leave it alone. */
@Entity
public class JobClaim {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String claimKey;

    private Instant claimedAt;

    private String claimedBy;

    protected JobClaim() {}

    public Long getId() {
        return id;
    }

    public String getClaimKey() {
        return claimKey;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }
}
