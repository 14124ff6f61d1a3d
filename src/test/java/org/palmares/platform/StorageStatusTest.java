package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palmares.platform.DatabaseRecoveryTest.ManualClock;
import org.palmares.platform.StorageUnavailable.Kind;

/** When the storage takes writes: the reserve, the probe after a failed write, the database's last known state. */
class StorageStatusTest {
    private static final long MB = 1 << 20;

    /** A file system whose free space and writes the test decides. */
    static final class FakeDisk extends DiskSpace {
        long usable = 500 * MB;
        boolean writes = true;
        int measured;
        int probed;

        @Override
        public long usableBytes(Path directory) {
            measured++;
            return usable;
        }

        @Override
        public void probe(Path directory) throws IOException {
            probed++;
            if (!writes) throw new IOException("No space left on device");
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FakeDisk disk = new FakeDisk();
    private final DatabaseRecovery database = new DatabaseRecovery();
    private final StorageStatus storage = new StorageStatus();

    @BeforeEach
    void wire() {
        database.url = "jdbc:derby:memory:storage-status-test;create=true";
        database.clock = clock;
        storage.disk = disk;
        storage.database = database;
        storage.clock = clock;
        storage.dataDir = "target/storage-status-test";
        storage.reserveBytes = 16 * MB;
        storage.checkMillis = 1000;
        storage.retryAfterSeconds = 30;
    }

    private void later() {
        clock.pass(Duration.ofMillis(1001));
    }

    @Test
    void writes_are_refused_while_free_space_is_under_the_reserve_and_taken_again_once_it_is_back() {
        assertEquals(Optional.empty(), storage.refusal());
        disk.usable = 16 * MB - 1;
        later();
        StorageUnavailable refused = assertThrows(StorageUnavailable.class, storage::requireWritable);
        assertEquals(Kind.FULL, refused.kind());
        assertEquals(503, refused.status());
        assertEquals("storage.full", refused.messageKey());
        assertEquals(30, refused.retryAfterSeconds());
        StorageStatus.Snapshot full = storage.snapshot();
        assertFalse(full.room());
        assertTrue(full.reason().contains("reserve"), full.reason());
        assertEquals(
                Optional.of(16 * MB - 1), Optional.ofNullable(full.usableBytes().get("data")));

        disk.usable = 16 * MB;
        later();
        assertEquals(Optional.empty(), storage.refusal());
        assertTrue(database.needsLook(), "room is back: the database is asked whether it came up read-only");
    }

    @Test
    void the_disk_is_measured_at_most_once_per_interval() {
        storage.snapshot();
        storage.snapshot();
        clock.pass(Duration.ofMillis(999));
        storage.snapshot();
        assertEquals(1, disk.measured);
        clock.pass(Duration.ofMillis(1));
        storage.snapshot();
        assertEquals(2, disk.measured);
    }

    @Test
    void a_write_that_failed_for_want_of_space_holds_the_storage_full_until_a_probe_goes_through() {
        // The figures said there was room (a quota, reserved blocks): the failed write is believed, not them.
        disk.writes = false;
        Optional<StorageUnavailable> told = storage.report(
                new SQLException("Cannot flush the log file", "XSLA0", new IOException("No space left on device")));
        assertEquals(Kind.FULL, told.orElseThrow().kind());
        assertEquals(Kind.FULL, storage.refusal().orElseThrow().kind(), "checked again at once");
        later();
        assertEquals(Kind.FULL, storage.refusal().orElseThrow().kind());
        disk.writes = true;
        later();
        assertEquals(Optional.empty(), storage.refusal());
        int probes = disk.probed;
        later();
        storage.snapshot();
        assertEquals(probes, disk.probed, "no probe once writes go through again");
    }

    @Test
    void a_database_gone_because_the_disk_is_full_is_told_as_a_full_disk() {
        disk.usable = 0;
        StorageUnavailable told = storage.report(new SQLException("No current connection.", "08003"))
                .orElseThrow();
        assertEquals(Kind.FULL, told.kind());
        disk.usable = 500 * MB;
        later();
        assertEquals(
                Kind.UNAVAILABLE,
                storage.report(new SQLException("No current connection.", "08003"))
                        .orElseThrow()
                        .kind());
    }

    @Test
    void a_read_only_database_refuses_writes_until_it_is_found_writable_again() {
        assertEquals(
                Kind.READ_ONLY,
                storage.report(new SQLException("read-only", "25502"))
                        .orElseThrow()
                        .kind());
        StorageUnavailable refused = storage.refusal().orElseThrow();
        assertEquals(Kind.READ_ONLY, refused.kind());
        assertEquals(5, refused.retryAfterSeconds(), "it reopens itself within seconds");
        assertTrue(database.needsLook());
    }

    @Test
    void a_failure_that_is_not_the_storages_is_not_reported() {
        assertEquals(Optional.empty(), storage.report(new IllegalStateException("a bug")));
        assertFalse(database.needsLook());
        StorageUnavailable ours = new StorageUnavailable(Kind.FULL);
        assertEquals(Optional.of(ours), storage.report(new RuntimeException(ours)), "a refusal of ours is kept");
    }
}
