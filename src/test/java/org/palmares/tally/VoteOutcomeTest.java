package org.palmares.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palmares.tally.VoteOutcome.Line;
import org.palmares.tally.VoteOutcome.Rule;

class VoteOutcomeTest {
    @Test
    void the_most_verified_votes_win() {
        var outcome = VoteOutcome.of(List.of(new Line(1, 40, 1), new Line(2, 41, 3), new Line(3, 0, 2)));
        assertEquals(Set.of(2L), outcome.winners());
        assertEquals(Rule.MOST_VOTES, outcome.rule());
    }

    @Test
    void a_tie_in_votes_goes_to_the_better_jury_rank() {
        var outcome = VoteOutcome.of(List.of(new Line(1, 40, 3), new Line(2, 40, 2), new Line(3, 12, 1)));
        assertEquals(Set.of(2L), outcome.winners());
        assertEquals(Rule.JURY_RANK, outcome.rule());
    }

    @Test
    void a_ranked_nomination_beats_an_unranked_one_with_as_many_votes() {
        var outcome = VoteOutcome.of(List.of(new Line(1, 7, 0), new Line(2, 7, 5)));
        assertEquals(Set.of(2L), outcome.winners());
    }

    @Test
    void equal_votes_and_equal_jury_rank_are_ex_aequo_never_drawn_at_random() {
        var lines = List.of(new Line(4, 9, 2), new Line(1, 9, 2), new Line(3, 9, 0), new Line(2, 3, 1));
        var outcome = VoteOutcome.of(lines);
        assertEquals(Set.of(1L, 4L), outcome.winners());
        assertEquals(Rule.EX_AEQUO, outcome.rule());
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Line> shuffled = new ArrayList<>(lines);
            Collections.shuffle(shuffled, random);
            assertEquals(outcome, VoteOutcome.of(shuffled), "the order of the lines changes nothing");
        }
    }

    @Test
    void without_a_vote_the_vote_names_nobody_and_the_jury_decides() {
        var outcome = VoteOutcome.of(List.of(new Line(1, 0, 1), new Line(2, 0, 2)));
        assertEquals(Set.of(), outcome.winners());
        assertEquals(Rule.NO_VOTES, outcome.rule());
        assertEquals(Rule.NO_VOTES, VoteOutcome.of(List.of()).rule());
    }
}
