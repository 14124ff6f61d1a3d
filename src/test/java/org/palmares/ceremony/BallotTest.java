package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BallotTest {
    private static final Instant CAST = Instant.parse("2026-11-20T10:00:00Z");

    private static Ballot ballot() {
        return new Ballot("pub", null, null, "voter", "example.org", "10.0.0.0/24", "code-hash", "token-hash", CAST);
    }

    @Test
    void the_right_code_within_fifteen_minutes_verifies_once() {
        Ballot b = ballot();
        assertEquals(Ballot.Check.RIGHT, b.check("code-hash", CAST.plus(Duration.ofMinutes(15))));
        assertEquals(BallotStatus.VERIFIED, b.getStatus());
        assertEquals(Ballot.Check.ALREADY_VERIFIED, b.check("code-hash", CAST.plus(Duration.ofMinutes(16))));
        assertEquals(Ballot.Check.ALREADY_VERIFIED, b.follow("token-hash", CAST.plus(Duration.ofMinutes(1))));
    }

    @Test
    void a_code_is_expired_after_fifteen_minutes_even_when_right() {
        Ballot b = ballot();
        assertEquals(
                Ballot.Check.EXPIRED,
                b.check("code-hash", CAST.plus(Duration.ofMinutes(15)).plusSeconds(1)));
        assertEquals(BallotStatus.PENDING, b.getStatus());
    }

    @Test
    void five_wrong_codes_spend_the_ballot_and_the_right_one_no_longer_counts() {
        Ballot b = ballot();
        for (int i = 1; i <= VerificationCode.MAX_ATTEMPTS; i++) {
            assertEquals(Ballot.Check.WRONG, b.check("guess", CAST.plusSeconds(i)));
            assertEquals(VerificationCode.MAX_ATTEMPTS - i, b.attemptsLeft());
        }
        assertEquals(BallotStatus.FAILED, b.getStatus());
        assertEquals(Ballot.Check.SPENT, b.check("code-hash", CAST.plusSeconds(10)));
    }

    @Test
    void the_link_verifies_with_its_own_token_only() {
        Ballot b = ballot();
        assertEquals(Ballot.Check.WRONG, b.follow("code-hash", CAST.plusSeconds(5)));
        assertEquals(Ballot.Check.RIGHT, b.follow("token-hash", CAST.plusSeconds(5)));
    }
}
