package org.palmares.platform;

import java.time.Duration;

/**
 * The mail outbox as readiness sees it: messages waiting, those waiting for longer than they should ({@code stale}),
 * those given up on, and the age of the oldest one waiting.
 */
public record OutboxBacklog(long pending, long stale, long failed, Duration oldest) {
    /**
     * Ready while at most {@code maxBacklog} messages are stale. Failed messages do not count: they stay failed until
     * an organiser retries them (a bounced address), so counting them would keep a node unready for good.
     */
    public boolean healthy(long maxBacklog) {
        return stale <= maxBacklog;
    }
}
