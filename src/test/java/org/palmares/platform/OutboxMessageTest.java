package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxMessageTest {
    private static final Instant NOW = Instant.parse("2019-02-01T08:00:00Z");

    private static OutboxMessage pending() {
        return new OutboxMessage("marie@example.org", "Invitation", "Bonjour", true, NOW);
    }

    @Test
    void a_deliverable_message_is_pending_and_due_at_once() {
        OutboxMessage message = pending();
        assertEquals(OutboxStatus.PENDING, message.getStatus());
        assertEquals(NOW, message.getNextAttemptAt());
        assertEquals(NOW, message.getCreatedAt());
        assertEquals(0, message.getAttempts());
    }

    @Test
    void a_message_that_cannot_be_delivered_is_held() {
        OutboxMessage message = new OutboxMessage("marie@example.org", "Invitation", "Bonjour", false, NOW);
        assertEquals(OutboxStatus.HELD, message.getStatus());
    }

    @Test
    void the_first_failure_retries_after_thirty_seconds() {
        OutboxMessage message = pending();
        message.failed("Connection refused", NOW);
        assertEquals(NOW.plusSeconds(30), message.getNextAttemptAt());
        assertEquals(OutboxStatus.PENDING, message.getStatus());
        assertEquals(1, message.getAttempts());
        assertEquals("Connection refused", message.getLastError());
    }

    @ParameterizedTest(name = "after failure {0} wait {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 480", "6, 960", "7, 1920"})
    void each_failure_doubles_the_wait_before_the_next_attempt(int failures, long seconds) {
        OutboxMessage message = pending();
        Instant last = NOW;
        for (int i = 1; i <= failures; i++) {
            last = NOW.plus(Duration.ofHours(i));
            message.failed("timeout", last);
        }
        assertEquals(last.plusSeconds(seconds), message.getNextAttemptAt());
        assertEquals(OutboxStatus.PENDING, message.getStatus());
    }

    @Test
    void the_eighth_failure_gives_up() {
        OutboxMessage message = pending();
        for (int i = 1; i < OutboxMessage.MAX_ATTEMPTS; i++) message.failed("timeout", NOW);
        assertEquals(OutboxStatus.PENDING, message.getStatus());
        message.failed("final", NOW);
        assertEquals(8, message.getAttempts());
        assertEquals(OutboxStatus.FAILED, message.getStatus());
        assertNull(message.getNextAttemptAt());
        assertEquals("final", message.getLastError());
    }

    @Test
    void a_long_error_is_cut_to_a_thousand_characters() {
        OutboxMessage message = pending();
        message.failed("x".repeat(5000), NOW);
        assertEquals(1000, message.getLastError().length());
    }

    @Test
    void a_failure_without_message_records_no_error() {
        OutboxMessage message = pending();
        message.failed(null, NOW);
        assertNull(message.getLastError());
    }

    @Test
    void sending_marks_the_message_sent_and_forgets_the_last_error() {
        OutboxMessage message = pending();
        message.failed("timeout", NOW);
        Instant sentAt = NOW.plusSeconds(31);
        message.sent(sentAt);
        assertEquals(OutboxStatus.SENT, message.getStatus());
        assertEquals(sentAt, message.getSentAt());
        assertEquals(2, message.getAttempts());
        assertNull(message.getLastError());
    }

    @Test
    void retrying_a_held_message_queues_it_now() {
        OutboxMessage message = new OutboxMessage("marie@example.org", "Invitation", "Bonjour", false, NOW);
        Instant later = NOW.plus(Duration.ofDays(1));
        message.retry(later);
        assertEquals(OutboxStatus.PENDING, message.getStatus());
        assertEquals(later, message.getNextAttemptAt());
    }

    @Test
    void retrying_a_failed_message_queues_it_now() {
        OutboxMessage message = pending();
        for (int i = 0; i < OutboxMessage.MAX_ATTEMPTS; i++) message.failed("timeout", NOW);
        Instant later = NOW.plus(Duration.ofDays(1));
        message.retry(later);
        assertEquals(OutboxStatus.PENDING, message.getStatus());
        assertEquals(later, message.getNextAttemptAt());
    }

    @ParameterizedTest(name = "[{0}] is never queued")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "(1)marie@example.org",
                ",marie@example.org",
                "marie@example.org, paul@example.org",
                "Marie <m@x.fr>"
            })
    void a_message_to_anything_but_one_plain_address_fails_at_once_and_cannot_be_retried(String recipient) {
        OutboxMessage message = new OutboxMessage(recipient, "Invitation", "Bonjour", true, NOW);
        assertEquals(OutboxStatus.FAILED, message.getStatus());
        assertNull(message.getNextAttemptAt());
        assertEquals(OutboxMessage.NOT_PLAIN, message.getLastError());
        message.retry(NOW.plusSeconds(60));
        assertEquals(OutboxStatus.FAILED, message.getStatus(), "a retry does not queue it either");
    }
}
