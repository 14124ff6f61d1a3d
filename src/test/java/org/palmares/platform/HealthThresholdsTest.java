package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthThresholdsTest {
    private static final long GB = 1L << 30;

    @Test
    void heap_is_alive_while_the_data_left_after_collection_stays_under_the_ratio() {
        assertTrue(new HeapUse(GB, GB / 2, GB).healthy(0.95));
        assertTrue(new HeapUse(GB, (long) (0.95 * GB), GB).healthy(0.95));
        assertFalse(new HeapUse(GB, (long) (0.96 * GB), GB).healthy(0.95));
    }

    @Test
    void a_full_heap_before_collection_is_not_out_of_memory() {
        // Current use at the top, but the last collection left 10 %: the JVM is fine.
        assertTrue(new HeapUse(GB, GB / 10, GB).healthy(0.95));
    }

    @Test
    void an_unknown_maximum_counts_as_healthy() {
        assertEquals(0, new HeapUse(GB, GB, -1).ratio());
        assertTrue(new HeapUse(GB, GB, -1).healthy(0.5));
    }

    @Test
    void the_outbox_is_ready_up_to_the_threshold_of_stale_messages() {
        assertTrue(new OutboxBacklog(500, 100, 0, Duration.ofHours(1)).healthy(100));
        assertFalse(new OutboxBacklog(500, 101, 0, Duration.ofHours(1)).healthy(100));
        assertTrue(new OutboxBacklog(0, 0, 0, Duration.ZERO).healthy(0));
        assertFalse(new OutboxBacklog(1, 1, 0, Duration.ofMinutes(20)).healthy(0));
    }

    @Test
    void fresh_pending_messages_and_failed_ones_do_not_make_the_outbox_unready() {
        assertTrue(new OutboxBacklog(1000, 0, 0, Duration.ofMinutes(1)).healthy(0));
        assertTrue(new OutboxBacklog(0, 0, 5000, Duration.ZERO).healthy(0));
    }
}
