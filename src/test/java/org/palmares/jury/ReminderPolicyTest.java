package org.palmares.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palmares.edition.Phase;

class ReminderPolicyTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2019, 10, 20, 23, 59);

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Optional<String> due(Phase phase, String now) {
        return ReminderPolicy.due("TC2019", phase, DEADLINE, PARIS, 3, at(now));
    }

    @Test
    void the_reminder_is_not_due_before_n_days_before_the_deadline() {
        assertEquals(Optional.empty(), due(Phase.SCORING, "2019-10-16T21:59:00Z"), "23:59 in Paris on the 16th");
    }

    @Test
    void the_reminder_is_due_from_midnight_n_days_before_the_deadline_in_the_editions_zone() {
        assertEquals(Optional.of("reminder:TC2019:2019-10-17"), due(Phase.SCORING, "2019-10-16T22:00:00Z"));
        assertEquals(Optional.of("reminder:TC2019:2019-10-17"), due(Phase.SCORING, "2019-10-19T08:00:00Z"));
    }

    @Test
    void the_key_is_the_same_all_along_so_the_claim_lets_it_go_out_once() {
        assertEquals(due(Phase.SCORING, "2019-10-17T06:00:00Z"), due(Phase.SCORING, "2019-10-20T06:00:00Z"));
    }

    @Test
    void no_reminder_once_the_deadline_has_passed() {
        assertEquals(Optional.empty(), due(Phase.SCORING, "2019-10-20T22:00:00Z"));
    }

    @Test
    void no_reminder_outside_the_scoring_phase_or_without_a_deadline() {
        assertEquals(Optional.empty(), due(Phase.NOMINATIONS_OPEN, "2019-10-18T08:00:00Z"));
        assertEquals(Optional.empty(), due(Phase.DELIBERATION, "2019-10-18T08:00:00Z"));
        assertEquals(
                Optional.empty(),
                ReminderPolicy.due("TC2019", Phase.SCORING, null, PARIS, 3, at("2019-10-18T08:00:00Z")));
    }

    @Test
    void zero_days_means_on_the_deadline_day() {
        assertEquals(
                Optional.of("reminder:TC2019:2019-10-20"),
                ReminderPolicy.due("TC2019", Phase.SCORING, DEADLINE, PARIS, 0, at("2019-10-20T08:00:00Z")));
    }

    @Test
    void only_jurors_with_a_sheet_not_submitted_are_reminded() {
        var done = new JurorProgress(1, "A", "a@x", "fr", 3, 0, 3, null);
        var started = new JurorProgress(2, "B", "b@x", "en", 3, 1, 2, null);
        var idle = new JurorProgress(3, "C", "c@x", null, 2, 0, 0, null);
        var none = new JurorProgress(4, "D", "d@x", null, 0, 0, 0, null);
        assertEquals(List.of(started, idle), ReminderPolicy.unfinished(List.of(done, started, idle, none)));
        assertEquals(2, idle.notStarted());
        assertTrue(started.unfinished());
    }
}
