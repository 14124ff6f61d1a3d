package org.palmares.platform;

import java.time.Duration;

/**
 * A write refused because the storage cannot take it now: the disk is full, or the database is read-only or
 * restarting after a full disk. Nothing of the request was kept; REST answers 503 with {@code Retry-After}, a page
 * shows the message and keeps what the user typed. It is not the user's mistake and not a bug: it passes once the
 * operator frees space (see {@link StorageStatus}).
 */
public class StorageUnavailable extends DomainException implements RetryAfter {
    /** What went wrong, each with its message key (its title is the key with {@code .title}). */
    public enum Kind {
        /** The data directory's file system (database or attachments) has no room left. */
        FULL("storage.full"),
        /** The database came up read-only (embedded Derby booted on a full disk); it is being reopened. */
        READ_ONLY("storage.readOnly"),
        /** The database shut itself down after a failed write, or cannot be reached; it is being reopened. */
        UNAVAILABLE("storage.unavailable"),
        /**
         * A read refused: embedded Derby came up read-only after it had shut itself down on a full disk, and a
         * read-only boot skips Derby's recovery, so its files may still hold changes that were never committed.
         */
        RECOVERING("storage.recovering");

        private final String messageKey;

        Kind(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A full disk waits for the operator: minutes, so clients ask every half minute (by default). */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** The database reopens itself within seconds (StorageWatch, every 2 s). */
    static final Duration RETRY_AFTER_RECOVERY = Duration.ofSeconds(5);

    private final Kind kind;
    private final long retryAfterSeconds;

    public StorageUnavailable(Kind kind) {
        this(kind, RETRY_AFTER);
    }

    /** With the wait a full disk asks of clients ({@code palmares.storage.retry-after-seconds}). */
    public StorageUnavailable(Kind kind, Duration whenFull) {
        super(503, kind.messageKey());
        this.kind = kind;
        this.retryAfterSeconds = Math.max(1, (kind == Kind.FULL ? whenFull : RETRY_AFTER_RECOVERY).toSeconds());
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
