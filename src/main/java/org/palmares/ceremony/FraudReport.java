package org.palmares.ceremony;

import java.util.List;
import java.util.Map;

/**
 * How a category's public vote is going: counts per nomination, verified votes per hour, ballots per client network
 * and per mail domain with how many were verified, the share never verified, voided votes and honeypot hits.
 */
public record FraudReport(
        List<VoteService.NominationCount> counts,
        Map<String, Long> perHour,
        List<Group> perNetwork,
        List<Group> perDomain,
        long ballots,
        long verified,
        long voided,
        long honeypotHits,
        List<PublicVote> latest) {

    /** Ballots cast from one network or mail domain, and how many of them were verified. */
    public record Group(String key, long ballots, long verified) {
        public String getKey() {
            return key;
        }

        public long getBallots() {
            return ballots;
        }

        public long getVerified() {
            return verified;
        }
    }

    /** The share of ballots never verified, 0 to 1: a high share from one place suggests scripted casting. */
    public double unverifiedRatio() {
        return ballots == 0 ? 0 : (double) (ballots - verified) / ballots;
    }

    public List<Map.Entry<String, Long>> hours() {
        return List.copyOf(perHour.entrySet());
    }
}
