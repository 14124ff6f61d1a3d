package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class ContentionRetryTest {
    @Test
    void a_derby_lock_time_out_deep_in_the_causes_is_contention() {
        var derby =
                new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1");
        var jpa = new PersistenceException("Exception [EclipseLink-4002]", derby);
        assertTrue(ContentionRetry.isContention(new RuntimeException("wrapped", jpa)));
    }

    @Test
    void a_deadlock_or_serialization_failure_by_its_sql_state_is_contention() {
        assertTrue(ContentionRetry.isContention(new SQLException("deadlock detected", "40P01")));
        assertTrue(ContentionRetry.isContention(new SQLException("could not serialize access", "40001")));
    }

    @Test
    void a_constraint_or_an_optimistic_lock_is_not_contention() {
        assertFalse(ContentionRetry.isContention(
                new PersistenceException(new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(ContentionRetry.isContention(new OptimisticLockException("changed meanwhile")));
        assertFalse(ContentionRetry.isContention(new RollbackException("rolled back")));
        assertFalse(ContentionRetry.isContention(new SQLException("no state")));
    }
}
