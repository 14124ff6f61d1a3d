package org.palmares.nomination;

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
import org.palmares.account.Account;

/**
 * A territory member asks someone to join their territory. Nobody joins a territory without saying yes: the invitee
 * accepts (or declines) from their own account page, so a territory cannot take over a juror's or an organiser's
 * account, nor claim someone before their real territory does.
 */
@Entity
public class ColleagueInvitation {
    /** Where an invitation stands. */
    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "territory_id")
    private Territory territory;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    private String invitedBy;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;

    private Instant createdAt;
    private Instant decidedAt;

    @Version
    private long version;

    protected ColleagueInvitation() {}

    public ColleagueInvitation(Territory territory, Account account, String invitedBy, Clock clock) {
        this.territory = territory;
        this.account = account;
        this.invitedBy = invitedBy;
        this.createdAt = clock.instant();
    }

    public void accept(Clock clock) {
        decide(Status.ACCEPTED, clock);
    }

    public void decline(Clock clock) {
        decide(Status.DECLINED, clock);
    }

    private void decide(Status decision, Clock clock) {
        if (status != Status.PENDING) throw new IllegalStateException("Invitation " + id + " is " + status);
        status = decision;
        decidedAt = clock.instant();
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Territory getTerritory() {
        return territory;
    }

    public Account getAccount() {
        return account;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
