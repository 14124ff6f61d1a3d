package org.palmares.platform;

/** Where an outgoing e-mail stands. */
public enum OutboxStatus {
    /** Waiting to be sent (or to be retried). */
    PENDING,
    SENT,
    /** Gave up after the last retry; an organiser can see why. */
    FAILED,
    /** No mail server is configured: the message lives in the outbox only. */
    HELD
}
