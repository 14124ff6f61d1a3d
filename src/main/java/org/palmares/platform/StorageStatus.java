package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the storage takes writes now: the file systems of the data directory (attachments) and of the embedded
 * database have at least {@code palmares.storage.reserve-bytes} (16 MiB) free, no write failed for want of space
 * since a probe last went through, and the database was writable when {@link DatabaseRecovery} last asked it. Writes
 * ask it before they start ({@link StorageGuard}, {@code AttachmentService}) and are refused with a 503 while it says
 * no, so that a full disk seldom reaches the database: a write that fails inside Derby shuts the whole database down,
 * the reads running beside it included. Readiness ({@link StorageHealth}) reports it.
 *
 * <p>Nothing has to be restarted once space is back: the next check (on every write by default; at
 * most every {@code palmares.storage.check-millis} if set, on the next write, health request or {@link StorageWatch} round) measures
 * again and proves a write with a probe file if one failed; {@link StorageWatch} has the database reopened if it came
 * up read-only. Checking costs two {@code statvfs} calls, never a database round trip, so every write asks: a disk filled by
 * another process goes from 16 MiB free to none in milliseconds, and a write let through then fails inside Derby.
 */
@ApplicationScoped
public class StorageStatus {
    private static final Logger LOG = Logger.getLogger(StorageStatus.class.getName());

    /** What the last check found; {@code problem} empty when writes may go. */
    public record Snapshot(
            Optional<StorageUnavailable.Kind> problem,
            String reason,
            Map<String, Long> usableBytes,
            long reserveBytes,
            Optional<Instant> since) {
        /** Whether the disk has room: the database may be repaired, a reboot of it may succeed. */
        public boolean room() {
            return problem.filter(p -> p == StorageUnavailable.Kind.FULL).isEmpty();
        }
    }

    /** A directory whose file system must have room: the data directory, the database's. */
    record Place(String name, Path directory) {}

    @Inject
    DiskSpace disk;

    @Inject
    DatabaseRecovery database;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "palmares.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "palmares.storage.reserve-bytes", defaultValue = "16777216")
    long reserveBytes;

    @Inject
    @ConfigProperty(name = "palmares.storage.check-millis", defaultValue = "0")
    long checkMillis;

    /** The Retry-After of a refusal for a full disk. */
    @Inject
    @ConfigProperty(name = "palmares.storage.retry-after-seconds", defaultValue = "30")
    long retryAfterSeconds;

    private final ReentrantLock checking = new ReentrantLock();
    private volatile Snapshot current;
    private volatile long checkedAt;
    /** Set when something was learnt: the next snapshot checks again whatever the time. */
    private volatile boolean due = true;
    // Guarded by checking (report() takes it too):
    private boolean writeFailed;
    private String writeFailure = "";
    private Instant problemSince;
    private StorageUnavailable.Kind lastProblem;

    /** The refusal a write must end with now, if the storage cannot take it. */
    public Optional<StorageUnavailable> refusal() {
        return snapshot().problem().map(this::refusalOf);
    }

    private StorageUnavailable refusalOf(StorageUnavailable.Kind kind) {
        return new StorageUnavailable(kind, Duration.ofSeconds(retryAfterSeconds));
    }

    /**
     * The refusal a read must end with now, if any: only while the database may hold uncommitted changes (see
     * {@link DatabaseRecovery#servesReads()}). No I/O: what the last check of the database found.
     */
    public Optional<StorageUnavailable> readRefusal() {
        if (database.servesReads()) return Optional.empty();
        return Optional.of(refusalOf(StorageUnavailable.Kind.RECOVERING));
    }

    /** Throws the refusal, if any: a write that needs room calls it before it starts. */
    public void requireWritable() {
        Optional<StorageUnavailable> refusal = refusal();
        if (refusal.isPresent()) throw refusal.get();
    }

    /** The state, checked again when the last check is older than {@code palmares.storage.check-millis}. */
    public Snapshot snapshot() {
        Snapshot seen = current;
        if (seen != null && fresh()) return seen;
        // One thread checks; the others go on with what the last check found rather than queue behind it.
        if (seen != null && !checking.tryLock()) return seen;
        if (seen == null) checking.lock();
        try {
            if (current != null && fresh()) return current;
            due = false;
            current = check();
            checkedAt = clock.millis();
            return current;
        } finally {
            checking.unlock();
        }
    }

    private boolean fresh() {
        return !due && clock.millis() - checkedAt < checkMillis;
    }

    /** Has the next {@link #snapshot()} check again (the database's state just changed). */
    void recheckSoon() {
        due = true;
    }

    /**
     * A request ended with this failure: when it is a storage failure, remember it (a write that failed for want of
     * space holds the storage "full" until a probe goes through; a database found read-only or gone is asked again
     * by the next {@link StorageWatch} round), have the next check come at once, and say what the caller must be told.
     */
    public Optional<StorageUnavailable> report(Throwable failure) {
        Optional<StorageUnavailable.Kind> kind = StorageFailures.classify(failure);
        if (kind.isEmpty()) return Optional.empty();
        Optional<StorageUnavailable> ours = StorageFailures.chain(failure).stream()
                .filter(StorageUnavailable.class::isInstance)
                .map(StorageUnavailable.class::cast)
                .findFirst();
        if (ours.isPresent()) return ours; // a refusal of ours: nothing new was learnt
        checking.lock();
        try {
            if (kind.get() == StorageUnavailable.Kind.FULL && !writeFailed) {
                writeFailed = true;
                writeFailure = summary(failure);
                LOG.log(Level.WARNING, "A write failed for want of space: " + writeFailure, failure);
            }
            due = true;
        } finally {
            checking.unlock();
        }
        // Derby shut itself down after the failed write (or came back read-only): whatever the kind, look again.
        database.failureSeen(
                kind.get() == StorageUnavailable.Kind.READ_ONLY
                        ? DatabaseRecovery.State.READ_ONLY
                        : DatabaseRecovery.State.UNAVAILABLE);
        // Ask it now rather than at the next StorageWatch round: if Derby shut itself down, the next connection boots
        // it again, read-only on a full disk, and the reads must stop before they see what it did not recover.
        if (database.embeddedDerbyOnDisk())
            database.checkSoonAfterFailure(snapshot().room());
        StorageUnavailable.Kind said = kind.get();
        // The database went away or turned read-only because the disk is full: the caller is told the cause.
        if (said != StorageUnavailable.Kind.FULL && !snapshot().room()) said = StorageUnavailable.Kind.FULL;
        return Optional.of(refusalOf(said));
    }

    /**
     * The storage failure a request ended with, reported to the application's {@code StorageStatus}; for the error
     * handlers, which the container makes outside CDI.
     */
    public static Optional<StorageUnavailable> failureIn(Throwable failure) {
        if (StorageFailures.classify(failure).isEmpty()) return Optional.empty();
        StorageStatus status;
        try {
            status = CDI.current().select(StorageStatus.class).get();
        } catch (RuntimeException noContainer) {
            return StorageFailures.classify(failure).map(StorageUnavailable::new);
        }
        return status.report(failure);
    }

    private Snapshot check() {
        Instant now = clock.instant();
        Map<String, Long> usable = new LinkedHashMap<>();
        List<String> low = new ArrayList<>();
        for (Place place : places()) {
            try {
                long bytes = disk.usableBytes(place.directory());
                usable.put(place.name(), bytes);
                if (bytes < reserveBytes) low.add(place.name());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot measure the free space of " + place.directory(), e);
            }
        }
        StorageUnavailable.Kind problem = null;
        String reason = "";
        if (!low.isEmpty()) {
            problem = StorageUnavailable.Kind.FULL;
            reason = "free space below the reserve of " + reserveBytes + " bytes: " + String.join(", ", low);
        } else if (writeFailed) {
            try {
                for (Place place : places()) disk.probe(place.directory());
                writeFailed = false;
            } catch (IOException | RuntimeException e) {
                problem = StorageUnavailable.Kind.FULL;
                reason = "a write failed (" + writeFailure + ") and a probe write still fails: " + e.getMessage();
            }
        }
        if (problem == null) {
            DatabaseRecovery.State db = database.lastState();
            if (db == DatabaseRecovery.State.READ_ONLY) {
                problem = StorageUnavailable.Kind.READ_ONLY;
                reason = "the database is read-only (it was booted on a full disk); it is being reopened";
            } else if (db == DatabaseRecovery.State.UNAVAILABLE) {
                problem = StorageUnavailable.Kind.UNAVAILABLE;
                reason = "the database does not answer; it is being reopened";
            }
        }
        if (problem != lastProblem) {
            String why = reason;
            if (problem == StorageUnavailable.Kind.FULL) {
                LOG.warning(() -> "Storage full, writes are refused with 503 until space is freed: " + why);
            } else if (problem != null) {
                LOG.warning(() -> "Writes are refused with 503: " + why);
            } else {
                long seconds = Duration.between(problemSince, now).toSeconds();
                LOG.info(() -> "Storage takes writes again, after " + seconds + " s");
            }
            // Room is back: the database may have been booted read-only meanwhile, have it looked at now.
            if (lastProblem == StorageUnavailable.Kind.FULL) database.lookSoon();
            problemSince = problem == null ? null : now;
            lastProblem = problem;
        }
        return new Snapshot(
                Optional.ofNullable(problem),
                reason,
                Collections.unmodifiableMap(usable),
                reserveBytes,
                Optional.ofNullable(problemSince));
    }

    List<Place> places() {
        List<Place> places = new ArrayList<>();
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        places.add(new Place("data", data));
        database.derbyDirectory()
                .filter(db -> !db.startsWith(data))
                .ifPresent(db -> places.add(new Place("database", db)));
        return places;
    }

    private static String summary(Throwable failure) {
        List<Throwable> chain = StorageFailures.chain(failure);
        Throwable root = chain.get(chain.size() - 1);
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQLState " + sql.getSQLState() + ", " + root.getMessage();
            }
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
