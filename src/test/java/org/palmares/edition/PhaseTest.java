package org.palmares.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void phases_follow_one_another_from_setup_to_archived() {
        List<Phase> walked = new ArrayList<>();
        Optional<Phase> phase = Optional.of(Phase.SETUP);
        while (phase.isPresent()) {
            walked.add(phase.get());
            phase = phase.get().next();
        }
        assertEquals(
                List.of(
                        Phase.SETUP,
                        Phase.NOMINATIONS_OPEN,
                        Phase.SCREENING,
                        Phase.SCORING,
                        Phase.DELIBERATION,
                        Phase.CEREMONY,
                        Phase.PUBLISHED,
                        Phase.ARCHIVED),
                walked);
    }

    @Test
    void archived_has_no_successor() {
        assertEquals(Optional.empty(), Phase.ARCHIVED.next());
    }

    @Test
    void setup_is_followed_by_nominations_open() {
        assertEquals(Optional.of(Phase.NOMINATIONS_OPEN), Phase.SETUP.next());
    }

    @Test
    void a_phase_is_at_least_itself_and_the_phases_before_it_only() {
        assertTrue(Phase.SCORING.isAtLeast(Phase.SCORING));
        assertTrue(Phase.SCORING.isAtLeast(Phase.SETUP));
        assertFalse(Phase.SCORING.isAtLeast(Phase.DELIBERATION));
    }
}
