package org.palmares.platform;

import java.time.Duration;

/** Too many requests from one client or for one key: REST answers 429 with {@code Retry-After} in whole seconds. */
public class TooManyRequests extends DomainException implements RetryAfter {
    private final long retryAfterSeconds;

    public TooManyRequests(String messageKey, Duration wait) {
        super(429, messageKey, seconds(wait));
        this.retryAfterSeconds = seconds(wait);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
