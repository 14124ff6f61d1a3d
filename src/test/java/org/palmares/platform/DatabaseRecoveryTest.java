package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palmares.platform.DatabaseRecovery.State;

/**
 * The recovery decision against a real embedded Derby on disk: a database booted read-only (as on a full disk) is
 * reopened writable once the disk has room, never while it is full, and never twice within the reboot interval.
 */
class DatabaseRecoveryTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static DatabaseRecovery recovery(DerbyOnDisk db, Clock clock) {
        DatabaseRecovery recovery = new DatabaseRecovery();
        recovery.dataSource = db.dataSource();
        recovery.url = db.url;
        recovery.user = "";
        recovery.password = "";
        recovery.clock = clock;
        return recovery;
    }

    @Test
    void a_database_booted_read_only_on_a_full_disk_is_reopened_writable_once_the_disk_has_room() throws Exception {
        ManualClock clock = new ManualClock();
        try (DerbyOnDisk db = new DerbyOnDisk()) {
            db.bootReadOnly();
            DatabaseRecovery recovery = recovery(db, clock);
            // Still full: nothing to repair, and nothing is stuck for liveness.
            DatabaseRecovery.Check full = recovery.check(false);
            assertEquals(State.READ_ONLY, full.state());
            assertEquals(Optional.empty(), full.stuckSince());
            assertEquals(0, full.reboots());
            assertEquals("25502", db.write().getSQLState());

            db.room();
            // Derby does not notice by itself: a new connection still finds it read-only.
            assertEquals("25502", db.write().getSQLState());
            DatabaseRecovery.Check mended = recovery.check(true);
            assertEquals(State.WRITABLE, mended.state());
            assertNull(db.write(), "writes go through again");
            assertEquals(State.WRITABLE, recovery.lastState());
            assertFalse(recovery.needsLook());
        }
    }

    @Test
    void a_database_derby_shut_down_after_a_failed_write_boots_again_on_the_next_connection() throws Exception {
        try (DerbyOnDisk db = new DerbyOnDisk()) {
            db.shutdown();
            DatabaseRecovery recovery = recovery(db, new ManualClock());
            assertEquals(State.WRITABLE, recovery.check(true).state());
            assertEquals(0, recovery.lastCheck().reboots(), "no reboot was needed");
        }
    }

    @Test
    void reboots_are_at_least_the_interval_apart_and_a_stuck_database_is_timed_from_when_room_is_back()
            throws Exception {
        ManualClock clock = new ManualClock();
        try (DerbyOnDisk db = new DerbyOnDisk()) {
            DatabaseRecovery recovery = recovery(db, clock);
            // A database that stays read-only after a reboot: the lock file cannot be written at any boot.
            db.bootReadOnly();
            DatabaseRecovery.Check first = recovery.check(true);
            assertEquals(State.READ_ONLY, first.state());
            assertEquals(1, first.reboots());
            assertEquals(Optional.of(clock.now), first.stuckSince());
            Instant stuck = clock.now;

            clock.pass(Duration.ofSeconds(3));
            DatabaseRecovery.Check soon = recovery.check(true);
            assertEquals(1, soon.reboots(), "no second reboot within " + DatabaseRecovery.REBOOT_INTERVAL);
            assertEquals(Optional.of(stuck), soon.stuckSince());

            clock.pass(DatabaseRecovery.REBOOT_INTERVAL);
            assertEquals(2, recovery.check(true).reboots());

            // The disk fills again: whatever happens meanwhile is readiness; the count starts again later.
            assertEquals(Optional.empty(), recovery.check(false).stuckSince());
            db.room();
            clock.pass(DatabaseRecovery.REBOOT_INTERVAL);
            assertEquals(State.WRITABLE, recovery.check(true).state());
            assertEquals(0, recovery.lastCheck().reboots());
        }
    }

    @Test
    void a_failure_seen_by_a_request_has_the_database_asked_again() throws Exception {
        try (DerbyOnDisk db = new DerbyOnDisk()) {
            DatabaseRecovery recovery = recovery(db, new ManualClock());
            assertFalse(recovery.needsLook());
            recovery.failureSeen(State.UNAVAILABLE);
            assertTrue(recovery.needsLook());
            assertEquals(State.WRITABLE, recovery.lastState(), "one dead connection does not stop the writes");
            recovery.failureSeen(State.READ_ONLY);
            assertEquals(State.READ_ONLY, recovery.lastState(), "a read-only database refuses every write");
            recovery.check(true);
            assertFalse(recovery.needsLook());
            assertEquals(State.WRITABLE, recovery.lastState());
        }
    }

    @Test
    void a_database_booted_read_only_after_a_crash_shows_what_was_never_committed_so_it_is_not_read_until_reopened()
            throws Exception {
        try (DerbyOnDisk db = new DerbyOnDisk()) {
            db.crashWithUncommittedChange();
            db.bootReadOnly();
            DatabaseRecovery recovery = recovery(db, new ManualClock());
            assertTrue(recovery.servesReads());
            assertEquals(State.READ_ONLY, recovery.check(false).state());
            // Why: a read-only boot runs no recovery, and the files still hold the change the crash left uncommitted.
            assertEquals("never committed", db.note());
            assertFalse(recovery.servesReads(), "reads stop while it is read-only");

            db.room();
            assertEquals(State.WRITABLE, recovery.check(true).state());
            assertTrue(recovery.servesReads());
            assertEquals("before", db.note(), "reopened writable, Derby's recovery undid the uncommitted change");
        }
    }

    @Test
    void only_an_embedded_derby_database_on_disk_can_be_rebooted() {
        assertEquals(
                Optional.of(Path.of("/srv/palmares/data/db")),
                DatabaseRecovery.derbyDirectory("jdbc:derby:/srv/palmares/data/db;create=true"));
        assertEquals(
                Optional.of(Path.of("data/db").toAbsolutePath()),
                DatabaseRecovery.derbyDirectory("jdbc:derby:directory:data/db"));
        assertEquals(Optional.empty(), DatabaseRecovery.derbyDirectory("jdbc:derby:memory:palmares-it;create=true"));
        assertEquals(Optional.empty(), DatabaseRecovery.derbyDirectory("jdbc:derby://localhost:1527/palmares"));
        assertEquals(Optional.empty(), DatabaseRecovery.derbyDirectory("jdbc:postgresql://127.0.0.1:5432/palmares"));
        assertEquals(Optional.empty(), DatabaseRecovery.derbyDirectory(null));
    }
}
