package org.palmares.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database takes writes, and the one repair the pool cannot make by itself: an embedded Derby database
 * that came up read-only is shut down ({@code ;shutdown=true}) so that the next connection boots it again, writable.
 *
 * <p>What embedded Derby 10.16 does on a full disk, found by experiment on a full tmpfs and a full ext4
 * (docs/reliability.md, "Full disk"): a write it cannot store fails ({@code XSDG1}, {@code XSLA0}) and Derby shuts the
 * whole database down, so every other connection answers {@code 08003}; the pool drops them (it validates each
 * connection it hands out, see {@link PalmaresDataSource}) and the next connection boots the database again, running
 * Derby's recovery — read-only if the disk is still full, since Derby cannot write its lock file then. Once booted
 * read-only it stays so after space is back, until it is shut down and reopened: that is what {@link #check} does.
 */
@ApplicationScoped
public class DatabaseRecovery {
    private static final Logger LOG = Logger.getLogger(DatabaseRecovery.class.getName());
    /** Never two reboots closer than this: a reboot aborts every transaction running, so it must not repeat. */
    static final Duration REBOOT_INTERVAL = Duration.ofSeconds(10);

    /** What a check found. */
    public enum State {
        WRITABLE,
        READ_ONLY,
        UNAVAILABLE
    }

    /**
     * One check: the state, what was seen (an SQL state), since when the database has been unusable though the disk
     * had room (what liveness weighs), and the reboots tried since.
     */
    public record Check(State state, String detail, Optional<Instant> stuckSince, int reboots) {}

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "palmares.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "palmares.db.user", defaultValue = "")
    String user;

    @Inject
    @ConfigProperty(name = "palmares.db.password", defaultValue = "")
    String password;

    private final java.util.concurrent.locks.ReentrantLock checking = new java.util.concurrent.locks.ReentrantLock();
    private volatile State last = State.WRITABLE;
    private volatile boolean attention;
    private volatile Check lastCheck;
    // Guarded by this:
    private Instant stuckSince;
    private Instant lastReboot;
    private int reboots;

    /** An embedded Derby database on disk: the only kind Palmarès can repair by rebooting it. */
    public boolean embeddedDerbyOnDisk() {
        return derbyDirectory().isPresent();
    }

    /** Where an embedded Derby database keeps its files, if that is what the URL names. */
    public Optional<Path> derbyDirectory() {
        return derbyDirectory(url);
    }

    static Optional<Path> derbyDirectory(String url) {
        if (url == null || !url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby://")) return Optional.empty();
        String name = url.substring("jdbc:derby:".length()).replaceAll(";.*", "");
        if (name.startsWith("directory:")) name = name.substring("directory:".length());
        if (name.isBlank() || name.startsWith("memory:") || name.startsWith("classpath:") || name.startsWith("jar:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    /**
     * Whether reads may use the database. Not an embedded Derby on disk found read-only: Derby boots a database
     * read-only when it cannot write its lock file (a full disk), and a read-only boot runs no recovery, so after Derby
     * shut itself down on a failed write the files may still hold that write's uncommitted changes. Found by
     * experiment (docs/reliability.md, "Full disk"): an update left uncommitted by a crash reads as done after a
     * read-only boot and as undone after a normal one. Such a database is not read until it is reopened writable.
     */
    public boolean servesReads() {
        return last != State.READ_ONLY || !embeddedDerbyOnDisk();
    }

    /** What the last check found, without asking the database (for the writes' guard: no I/O on their path). */
    public State lastState() {
        return last;
    }

    /**
     * A request failed on the database: the next {@link StorageWatch} round asks it again. Read-only is taken at its
     * word at once (every write would fail the same way until the reboot); a connection that failed may have been the
     * only one, so writes go on until the database is found gone.
     */
    public void failureSeen(State state) {
        if (state == State.READ_ONLY) last = state;
        attention = true;
    }

    /** Something may have changed it (the disk has room again): the next {@link StorageWatch} round asks it. */
    public void lookSoon() {
        attention = true;
    }

    /** The last check, without asking the database: what liveness weighs. */
    public Check lastCheck() {
        Check known = lastCheck;
        return known == null ? new Check(State.WRITABLE, "", Optional.empty(), 0) : known;
    }

    /**
     * A request just failed on the database: asks it now (see {@link #check}), unless another thread is asking it.
     * The caller's answer waits for one connection at most.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void checkSoonAfterFailure(boolean mayReboot) {
        if (checking.tryLock()) {
            try {
                check(mayReboot);
            } finally {
                checking.unlock();
            }
        }
    }

    /** Whether the database should be asked again: it was not writable when last asked, or a failure was seen. */
    public boolean needsLook() {
        return attention || last != State.WRITABLE;
    }

    /**
     * Asks a pooled connection whether the database answers and takes writes. With {@code mayReboot} (the disk has
     * room) an embedded Derby database found read-only, or gone, is shut down and asked again, at most once per
     * {@link #REBOOT_INTERVAL}. Outside any transaction: it must not hold the caller's connection.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized Check check(boolean mayReboot) {
        attention = false;
        Check found = look();
        if (found.state() != State.WRITABLE && mayReboot && embeddedDerbyOnDisk() && rebootDue()) {
            reboot(found);
            found = look();
        }
        Instant now = clock.instant();
        if (found.state() == State.WRITABLE) {
            if (last != State.WRITABLE) LOG.info("The database takes writes again");
            stuckSince = null;
            reboots = 0;
        } else if (!mayReboot) {
            // No room on the disk: nothing to repair yet, so nothing is stuck (liveness counts from when room is back).
            stuckSince = null;
        } else if (stuckSince == null) {
            stuckSince = now;
        }
        if (found.state() != last && found.state() != State.WRITABLE) {
            String seen = found.state() + " (" + found.detail() + ")";
            LOG.warning(() -> "The database is " + seen);
        }
        last = found.state();
        lastCheck = new Check(found.state(), found.detail(), Optional.ofNullable(stuckSince), reboots);
        return lastCheck;
    }

    private Check look() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) return new Check(State.UNAVAILABLE, "invalid connection", Optional.empty(), 0);
            if (connection.getMetaData().isReadOnly()) {
                return new Check(State.READ_ONLY, "read-only database", Optional.empty(), 0);
            }
            return new Check(State.WRITABLE, "", Optional.empty(), 0);
        } catch (SQLException e) {
            return new Check(State.UNAVAILABLE, describe(e), Optional.empty(), 0);
        } catch (RuntimeException e) {
            // The pool wraps what it cannot hand out (ResourceException) in runtime exceptions of its own.
            return new Check(State.UNAVAILABLE, describe(e), Optional.empty(), 0);
        }
    }

    private boolean rebootDue() {
        return lastReboot == null || !clock.instant().isBefore(lastReboot.plus(REBOOT_INTERVAL));
    }

    private void reboot(Check found) {
        lastReboot = clock.instant();
        reboots++;
        String base = url.replaceAll(";.*", "");
        UrlDataSource shutdown = new UrlDataSource();
        shutdown.setUrl(base + ";shutdown=true");
        shutdown.setUser(user);
        shutdown.setPassword(password);
        try (Connection ignored = shutdown.getConnection()) {
            LOG.warning("Derby answered a shutdown request with a connection; the database stays as it was");
        } catch (SQLException e) {
            // A successful shutdown of one database is always the exception 08006 (Derby's documented way).
            if ("08006".equals(e.getSQLState())) {
                LOG.warning(() -> "The database was " + found.state() + " (" + found.detail()
                        + ") though the disk has room: shut it down, the next connection reopens it");
            } else {
                LOG.log(Level.WARNING, "Shutting the database down to reopen it failed (" + e.getSQLState() + ")", e);
            }
        }
    }

    private static String describe(Throwable e) {
        for (Throwable t : StorageFailures.chain(e)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return "SQLState " + sql.getSQLState();
        }
        return e.getClass().getSimpleName();
    }
}
