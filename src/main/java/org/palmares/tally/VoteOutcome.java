package org.palmares.tally;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who wins a public-vote category (e.g. the Coup de cœur): the most verified votes; a tie goes to the jury, the
 * better place in the category's frozen ranking; still equal (same place, or neither ranked), the tied nominations
 * are ex aequo. Never random. Without a single vote the jury's ranking decides alone.
 */
public final class VoteOutcome {
    private VoteOutcome() {}

    /** A nomination's verified votes and its place in the jury's ranking (0 when the jury did not rank it). */
    public record Line(long nominationId, long votes, int juryRank) {}

    /** How the winner was found. */
    public enum Rule {
        NO_VOTES,
        MOST_VOTES,
        JURY_RANK,
        EX_AEQUO
    }

    public record Outcome(Set<Long> winners, Rule rule) {}

    public static Outcome of(List<Line> lines) {
        long most = lines.stream().mapToLong(Line::votes).max().orElse(0);
        if (most == 0) return new Outcome(Set.of(), Rule.NO_VOTES);
        List<Line> first = lines.stream().filter(l -> l.votes() == most).toList();
        if (first.size() == 1) return new Outcome(Set.of(first.get(0).nominationId()), Rule.MOST_VOTES);
        Comparator<Line> byJury = Comparator.comparingInt(l -> l.juryRank() > 0 ? l.juryRank() : Integer.MAX_VALUE);
        Line best = first.stream().min(byJury).orElseThrow();
        Set<Long> winners = new LinkedHashSet<>();
        first.stream()
                .filter(l -> byJury.compare(l, best) == 0)
                .sorted(Comparator.comparingLong(Line::nominationId))
                .forEach(l -> winners.add(l.nominationId()));
        return new Outcome(winners, winners.size() == 1 ? Rule.JURY_RANK : Rule.EX_AEQUO);
    }
}
