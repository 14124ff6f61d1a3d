package org.palmares.ceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.palmares.edition.EditionAction;
import org.palmares.edition.Phase;
import org.palmares.edition.PhaseClosed;
import org.palmares.platform.DomainException;
import org.palmares.platform.OutboxMessage;
import org.palmares.platform.StorageFailures;

/**
 * Checks a ballot's code or link in one transaction under a row lock, so parallel checks of one ballot queue up;
 * a right code turns the ballot into a {@link PublicVote}, and the unique (category, voter) constraint of
 * {@code public_vote} refuses a second vote of the same voter even when two of their ballots are verified at the
 * same instant. Wrong attempts are committed (they are returned, not thrown).
 */
@ApplicationScoped
public class BallotDesk {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The result of a check and the ballot as it now stands. */
    public record Checked(Ballot.Check check, Ballot ballot) {}

    @Transactional
    public Checked byCode(String publicId, String codeHash) {
        Ballot ballot = open(locked("select b from Ballot b where b.publicId = :v", publicId));
        Ballot.Check check = ballot.check(codeHash, clock.instant());
        if (check == Ballot.Check.RIGHT) count(ballot);
        return new Checked(check, ballot);
    }

    @Transactional
    public Checked byToken(String tokenHash) {
        Ballot ballot = open(locked("select b from Ballot b where b.tokenHash = :v", tokenHash));
        Ballot.Check check = ballot.follow(tokenHash, clock.instant());
        if (check == Ballot.Check.RIGHT) count(ballot);
        return new Checked(check, ballot);
    }

    /** A vote is confirmed only while the edition's phase takes votes, as it is cast. */
    private static Ballot open(Ballot ballot) {
        Phase phase = ballot.getCategory().getEdition().getPhase();
        if (!EditionAction.PUBLIC_VOTE.allowedIn(phase)) throw new PhaseClosed(EditionAction.PUBLIC_VOTE, phase);
        return ballot;
    }

    private Ballot locked(String query, String value) {
        Long id = em.createQuery(query.replace("select b ", "select b.id "), Long.class)
                .setParameter("v", value)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("ballot"));
        Ballot ballot = em.find(Ballot.class, id, LockModeType.PESSIMISTIC_WRITE);
        return ballot;
    }

    private void count(Ballot ballot) {
        if (!ballot.getCategory().isPublicVote()) throw DomainException.conflict("vote.closed");
        em.persist(PublicVote.of(ballot));
        try {
            em.flush();
        } catch (PersistenceException duplicate) {
            // A full disk is no duplicate: the voter must hear that the storage is full (503), and try again.
            if (StorageFailures.classify(duplicate).isPresent()) throw duplicate;
            // The unique (category, voter_hash) constraint: this voter's vote in the category is already counted.
            throw DomainException.conflict("vote.already");
        }
        // The code did its job: the clear address leaves the outbox too.
        if (ballot.getMailId() != null) {
            var mail = em.find(OutboxMessage.class, ballot.getMailId());
            if (mail != null)
                mail.redact("[vote " + ballot.getCategory().getCode() + " verified: address and code removed]");
        }
    }
}
