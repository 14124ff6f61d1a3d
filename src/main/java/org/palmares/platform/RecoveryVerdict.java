package org.palmares.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the process must be restarted for the database to work again: what liveness reports ({@link
 * DatabaseLiveness}). Pure, so the decision is tested alone.
 *
 * <p>Only an embedded database can be mended by restarting Palmarès (it lives in the process); a PostgreSQL that
 * cannot be reached is readiness: restarting Palmarès does not restart PostgreSQL. Only when the disk has room: a
 * full disk is the operator's to free, readiness reports it, and a restart would mend nothing (it would boot Derby
 * read-only again) but lose the reads that still work. Only after the application's own repair had its chance: the
 * database unusable for {@code stuckAfter} at least since the disk had room, with at least one reboot of it tried.
 */
public record RecoveryVerdict(boolean alive, String reason) {
    public static RecoveryVerdict of(
            boolean embedded,
            boolean diskHasRoom,
            DatabaseRecovery.State state,
            Optional<Instant> stuckSince,
            int rebootsTried,
            Instant now,
            Duration stuckAfter) {
        if (state == DatabaseRecovery.State.WRITABLE) return new RecoveryVerdict(true, "");
        if (!embedded) return new RecoveryVerdict(true, "an external database: readiness, not liveness");
        if (!diskHasRoom) return new RecoveryVerdict(true, "the disk is full: readiness, not liveness");
        Duration stuck = stuckSince.map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
        if (stuck.compareTo(stuckAfter) < 0) return new RecoveryVerdict(true, "recovering");
        if (rebootsTried == 0) return new RecoveryVerdict(true, "no reboot tried yet");
        return new RecoveryVerdict(
                false,
                "the database has been " + state + " for " + stuck.toSeconds() + " s with room on the disk and "
                        + rebootsTried + " reboot(s) tried: restart the process");
    }
}
