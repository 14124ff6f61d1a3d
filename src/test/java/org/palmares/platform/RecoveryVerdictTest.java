package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palmares.platform.DatabaseRecovery.State;

/** What liveness reports: only a database a restart of the process can mend, and only once it had its chance. */
class RecoveryVerdictTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration STUCK = Duration.ofSeconds(120);
    private static final Optional<Instant> LONG_AGO = Optional.of(NOW.minusSeconds(600));

    @Test
    void a_writable_database_is_alive() {
        assertTrue(RecoveryVerdict.of(true, true, State.WRITABLE, Optional.empty(), 0, NOW, STUCK)
                .alive());
    }

    @Test
    void a_full_disk_is_readiness_not_liveness_however_long_it_lasts() {
        RecoveryVerdict full = RecoveryVerdict.of(true, false, State.READ_ONLY, LONG_AGO, 3, NOW, STUCK);
        assertTrue(full.alive(), full.reason());
    }

    @Test
    void an_external_database_down_is_readiness_a_restart_of_palmares_does_not_restart_it() {
        assertTrue(RecoveryVerdict.of(false, true, State.UNAVAILABLE, LONG_AGO, 0, NOW, STUCK)
                .alive());
    }

    @Test
    void a_database_recovering_since_room_came_back_is_alive() {
        Optional<Instant> recently = Optional.of(NOW.minusSeconds(30));
        assertTrue(RecoveryVerdict.of(true, true, State.READ_ONLY, recently, 2, NOW, STUCK)
                .alive());
    }

    @Test
    void a_database_never_rebooted_is_given_its_reboot_first() {
        assertTrue(RecoveryVerdict.of(true, true, State.UNAVAILABLE, LONG_AGO, 0, NOW, STUCK)
                .alive());
    }

    @Test
    void an_embedded_database_unusable_with_room_and_after_reboots_asks_for_a_restart() {
        RecoveryVerdict stuck = RecoveryVerdict.of(true, true, State.UNAVAILABLE, LONG_AGO, 1, NOW, STUCK);
        assertFalse(stuck.alive());
        assertTrue(stuck.reason().contains("restart"), stuck.reason());
        assertFalse(RecoveryVerdict.of(true, true, State.READ_ONLY, Optional.of(NOW.minus(STUCK)), 5, NOW, STUCK)
                .alive());
    }
}
