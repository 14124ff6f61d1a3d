package org.palmares.tally;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;
import org.palmares.platform.DomainException;

/** The jury's decision for a category: winner(s), mentions, justification, and who signed it off. */
@Entity
public class Decision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToMany
    @JoinTable(
            name = "decision_winner",
            joinColumns = @JoinColumn(name = "decision_id"),
            inverseJoinColumns = @JoinColumn(name = "nomination_id"))
    private Set<Nomination> winners = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(
            name = "decision_mention",
            joinColumns = @JoinColumn(name = "decision_id"),
            inverseJoinColumns = @JoinColumn(name = "nomination_id"))
    private Set<Nomination> mentions = new LinkedHashSet<>();

    @Lob
    private String justification;

    /** The jury gives no prize in this category; {@link #justification} says why. */
    private boolean notAwarded;

    @ManyToOne
    @JoinColumn(name = "signed_off_by")
    private Account signedOffBy;

    private Instant signedOffAt;

    @Version
    private long version;

    protected Decision() {}

    public Decision(Category category) {
        this.category = category;
    }

    /** Records the winner(s), mentions and justification; refused once signed off (reopen first). */
    public void decide(Set<Nomination> chosenWinners, Set<Nomination> chosenMentions, String why) {
        if (isSignedOff()) throw DomainException.conflict("decision.signedOff");
        if (chosenWinners.isEmpty()) throw DomainException.invalid("decision.noWinner");
        winners.clear();
        winners.addAll(chosenWinners);
        mentions.clear();
        chosenMentions.stream().filter(n -> !chosenWinners.contains(n)).forEach(mentions::add);
        justification = why == null || why.isBlank() ? null : why.strip();
        notAwarded = false;
    }

    /** The jury decides to give no prize in this category, and says why (the reason is required). */
    public void notAwarded(String why) {
        if (isSignedOff()) throw DomainException.conflict("decision.signedOff");
        if (why == null || why.isBlank()) throw DomainException.invalid("decision.notAwarded.reasonRequired");
        winners.clear();
        mentions.clear();
        justification = why.strip();
        notAwarded = true;
    }

    /** A decision that can be signed: winners, or an explicit "not awarded". */
    public boolean isComplete() {
        return notAwarded || !winners.isEmpty();
    }

    public boolean isNotAwarded() {
        return notAwarded;
    }

    public void signOff(Account by, Clock clock) {
        if (isSignedOff()) throw DomainException.conflict("decision.signedOff");
        if (!isComplete()) throw DomainException.conflict("decision.noWinner");
        signedOffBy = by;
        signedOffAt = clock.instant();
    }

    /** Unlocks a signed-off decision (the service records the reason in the audit log). */
    public void reopen() {
        if (!isSignedOff()) throw DomainException.conflict("decision.notSignedOff");
        signedOffBy = null;
        signedOffAt = null;
    }

    public boolean isSignedOff() {
        return signedOffAt != null;
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public Set<Nomination> getWinners() {
        return winners;
    }

    public Set<Nomination> getMentions() {
        return mentions;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String j) {
        this.justification = j;
    }

    public Account getSignedOffBy() {
        return signedOffBy;
    }

    public Instant getSignedOffAt() {
        return signedOffAt;
    }

    public long getVersion() {
        return version;
    }
}
