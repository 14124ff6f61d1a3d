package org.palmares.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failures in a row (by default), the same key (an
 * account's e-mail or a client address) waits, longer with each further failure, up to 15 minutes.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    /** Many people share an office's address, so a client address is blocked only after more failures. */
    public static final int MAX_FAILURES_PER_CLIENT = 20;

    private static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int maxFailures;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this(clock, MAX_FAILURES);
    }

    public LoginThrottle(Clock clock, int maxFailures) {
        this.clock = clock;
        this.maxFailures = maxFailures;
    }

    /** How long the key must still wait before trying again; zero when it may try now. */
    public Duration waitFor(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.blockedUntil == null) return Duration.ZERO;
        Duration left = Duration.between(clock.instant(), entry.blockedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a failure and returns until when the key is now blocked (null when not blocked). */
    public Instant failed(String key) {
        if (entries.size() > MAX_KEYS) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> e.blockedUntil == null || e.blockedUntil.isBefore(now));
        }
        Entry entry = entries.compute(key, (k, old) -> {
            int failures = old == null ? 1 : old.failures + 1;
            return new Entry(failures, blockedUntil(failures, maxFailures, clock.instant()));
        });
        return entry.blockedUntil;
    }

    public void succeeded(String key) {
        entries.remove(key);
    }

    /** When a key with this many failures in a row may try again (null: at once). */
    public static Instant blockedUntil(int failures, Instant now) {
        return blockedUntil(failures, MAX_FAILURES, now);
    }

    static Instant blockedUntil(int failures, int maxFailures, Instant now) {
        if (failures < maxFailures) return null;
        long factor = 1L << Math.min(failures - maxFailures, 4);
        Duration wait = FIRST_WAIT.multipliedBy(factor);
        return now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }

    private record Entry(int failures, Instant blockedUntil) {}
}
