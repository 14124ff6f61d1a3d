package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palmares.platform.StorageUnavailable.Kind;

/**
 * What a request may end with on a full disk, and how it is told from every other error. The Derby chains are built
 * as embedded Derby 10.16 raised them on a full tmpfs and a full ext4 (docs/reliability.md, "Full disk"); the
 * read-only and shut-down ones come from a real Derby here.
 */
class StorageFailuresTest {
    private static final String ENOSPC = "No space left on device";

    /** A Derby failure as Derby chains it: the SQL state, its "next exception" XJ001 holding the I/O error. */
    private static SQLException derby(String state, String message, Throwable io) {
        SQLException top = new SQLException(message, state, 45000);
        SQLException java =
                new SQLException("Java exception: '" + io.getMessage() + ": java.io.IOException'.", "XJ001");
        java.initCause(io);
        top.setNextException(java);
        return top;
    }

    @Test
    void a_page_derby_could_not_write_to_a_full_disk_is_a_full_disk() {
        SQLException failure = derby(
                "XSDG1",
                "Page Page(105,Container(0, 1168)) could not be written to disk, please check if the disk is full",
                new IOException(ENOSPC));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(failure));
    }

    @Test
    void a_commit_whose_log_derby_could_not_flush_is_a_full_disk_however_deep_in_the_wrappers() {
        SQLException failure =
                derby("XSLA0", "Cannot flush the log file to disk /data/db/log/log1.dat.", new IOException(ENOSPC));
        // As it reaches a resource: EclipseLink's exception inside JPA's, inside the transaction's rollback.
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new PersistenceException("Exception [EclipseLink-4002]", failure));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(rollback));
        assertTrue(StorageFailures.isFull(rollback));
    }

    @Test
    void a_derby_write_failure_without_its_reason_is_the_database_unavailable() {
        assertEquals(
                Optional.of(Kind.UNAVAILABLE),
                StorageFailures.classify(new SQLException("Cannot flush the log file", "XSLA0")));
    }

    @Test
    void an_attachment_that_found_no_room_is_a_full_disk() {
        var upload = new UncheckedIOException(new FileSystemException("/data/attachments/upload-1.part", null, ENOSPC));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(upload));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(new IOException("Disk quota exceeded")));
    }

    @Test
    void a_commit_whose_rollback_found_the_connection_dead_is_the_database_unavailable() {
        // As Payara ended a sheet save whose insert Derby could not store: the Derby failure is not in the chain.
        var rollback = new javax.transaction.xa.XAException(
                "jakarta.resource.ResourceException: This Managed Connection is not valid as the physical connection"
                        + " is not usable");
        var system = new jakarta.transaction.SystemException();
        system.initCause(rollback);
        assertEquals(Optional.of(Kind.UNAVAILABLE), StorageFailures.classify(system));
    }

    @Test
    void postgresql_disk_full_is_a_full_disk() {
        SQLException disk = new SQLException("could not extend file \"base/16384/16397\"", "53100");
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(new PersistenceException(disk)));
    }

    @Test
    void a_write_to_a_database_derby_booted_read_only_is_read_only() throws Exception {
        try (DerbyOnDisk db = new DerbyOnDisk()) {
            db.bootReadOnly();
            SQLException refused = db.write();
            assertNotNull(refused, "Derby refuses the write");
            assertEquals("25502", refused.getSQLState());
            assertEquals(Optional.of(Kind.READ_ONLY), StorageFailures.classify(new PersistenceException(refused)));
        }
    }

    @Test
    void a_connection_whose_database_derby_shut_down_is_the_database_unavailable() throws Exception {
        try (DerbyOnDisk db = new DerbyOnDisk();
                Connection pooled = db.connect()) {
            assertTrue(db.shutdown());
            SQLException gone = null;
            try (Statement s = pooled.createStatement()) {
                s.executeQuery("select count(*) from note");
            } catch (SQLException e) {
                gone = e;
            }
            assertNotNull(gone, "the connection died with its database");
            assertEquals("08003", gone.getSQLState());
            assertEquals(Optional.of(Kind.UNAVAILABLE), StorageFailures.classify(gone));
        }
    }

    @Test
    void the_disk_full_wins_over_its_consequences() {
        // The write that failed for want of space, and the dead connection it left, in one chain.
        SQLException gone = new SQLNonTransientConnectionException("No current connection.", "08003");
        gone.setNextException(derby("XSDG1", "Page could not be written", new IOException(ENOSPC)));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(gone));
    }

    @Test
    void a_refusal_of_the_guard_keeps_its_kind_through_eclipselink_and_jpa() {
        var refused = new StorageGuard.Refused(new StorageUnavailable(Kind.READ_ONLY));
        assertEquals(Optional.of(Kind.READ_ONLY), StorageFailures.classify(new PersistenceException(refused)));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(new StorageUnavailable(Kind.FULL)));
    }

    @Test
    void other_failures_are_not_storage_failures() {
        assertEquals(
                Optional.empty(),
                StorageFailures.classify(new PersistenceException(
                        new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertEquals(Optional.empty(), StorageFailures.classify(new IOException("Connection reset by peer")));
        assertEquals(Optional.empty(), StorageFailures.classify(new NullPointerException()));
        assertEquals(Optional.empty(), StorageFailures.classify(DomainException.conflict("nomination.limitReached")));
        assertEquals(Optional.empty(), StorageFailures.classify(new SQLException("lock time-out", "40XL1")));
        assertEquals(Optional.empty(), StorageFailures.classify(null));
    }

    @Test
    void a_chain_that_loops_ends_the_walk_not_the_request() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertEquals(Optional.empty(), StorageFailures.classify(a));
        b.addSuppressed(new IOException(ENOSPC));
        assertEquals(Optional.of(Kind.FULL), StorageFailures.classify(a));
    }
}
