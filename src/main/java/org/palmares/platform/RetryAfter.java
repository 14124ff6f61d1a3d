package org.palmares.platform;

/** A refusal that says when to try again: REST answers it with {@code Retry-After} in whole seconds. */
public interface RetryAfter {
    long retryAfterSeconds();
}
