package org.palmares.platform;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a storage failure (a full disk, a database that shut itself down or came back read-only) from any other
 * error, by looking through the whole chain of causes of what a request ended with. Pure: no Jakarta EE.
 *
 * <p>What embedded Derby 10.16 raises was found by experiment on a full tmpfs and ext4 (docs/reliability.md, "Full
 * disk"): a write whose page cannot be written is {@code XSDG1}, a commit whose log cannot be flushed {@code XSLA0},
 * both of severity 45000 with the {@code IOException} "No space left on device" as their cause; Derby then shuts the
 * database down, and every other connection of the pool answers {@code 08003} "No current connection". A database
 * booted on a full disk comes up read-only and refuses every write with {@code 25502}. When the failed write was in a
 * commit, the transaction manager's rollback on the dead connection fails too, and the request may end with that
 * alone: an {@code XAException} ("the physical connection is not usable"), the Derby failure lost on the way.
 * PostgreSQL says {@code 53100} (disk_full).
 */
public final class StorageFailures {
    /** The text the JDK gives for ENOSPC and EDQUOT on Linux and macOS, and the Windows one. */
    private static final Set<String> FULL_TEXTS =
            Set.of("no space left on device", "disk quota exceeded", "not enough space on the disk", "file too large");

    /** Derby's states for a write to its files that failed; full when the chain also holds a full-disk cause. */
    private static final Set<String> DERBY_WRITE_FAILED =
            Set.of("XSDG1", "XSLA0", "XSLA2", "XSLA4", "XSLAI", "XSLAQ", "XSDFI", "XSDF1", "XSDF3", "XBM0B");

    /** Derby's states of a store or log marked to shut down after an earlier failure: gone until rebooted. */
    private static final Set<String> DERBY_SHUT_DOWN = Set.of("XSLAA", "XSLAJ", "XJ040", "XJ015");

    private StorageFailures() {}

    /** What kind of storage failure the chain holds, if any; a full disk wins over its consequences. */
    public static Optional<StorageUnavailable.Kind> classify(Throwable failure) {
        boolean full = false;
        boolean derbyWrite = false;
        boolean readOnly = false;
        boolean gone = false;
        for (Throwable t : chain(failure)) {
            if (t instanceof StorageUnavailable known) return Optional.of(known.kind());
            if (t instanceof IOException io && fullText(io)) full = true;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("53100")) full = true;
                if (DERBY_WRITE_FAILED.contains(state)) derbyWrite = true;
                if (state.equals("25502")) readOnly = true;
                // 08xxx: the connection is gone (08003 no current connection, 08006 database shut down, 08001
                // cannot connect); 57P01-57P03: PostgreSQL shutting down or restarting after a crash.
                if (state.startsWith("08") || state.startsWith("57P") || DERBY_SHUT_DOWN.contains(state)) gone = true;
            }
            // The transaction manager could not end the transaction on the connection (Derby had shut the database
            // down under it after a write it could not store): the rollback's failure is all the request ends with.
            if (t instanceof XAException) gone = true;
            // EclipseLink and the JDK wrap without keeping the SQLException's type; their messages keep the text.
            if (!(t instanceof IOException) && fullText(t)) full = true;
        }
        if (full) return Optional.of(StorageUnavailable.Kind.FULL);
        if (readOnly) return Optional.of(StorageUnavailable.Kind.READ_ONLY);
        if (derbyWrite || gone) return Optional.of(StorageUnavailable.Kind.UNAVAILABLE);
        return Optional.empty();
    }

    /** Whether an I/O error is a full disk (or a quota, or a file-size limit). */
    public static boolean isFull(Throwable failure) {
        return classify(failure).filter(k -> k == StorageUnavailable.Kind.FULL).isPresent();
    }

    private static boolean fullText(Throwable t) {
        if (t instanceof FileSystemException fs && contains(fs.getReason())) return true;
        return contains(t.getMessage());
    }

    private static boolean contains(String message) {
        if (message == null) return false;
        String lower = message.toLowerCase(Locale.ROOT);
        return FULL_TEXTS.stream().anyMatch(lower::contains);
    }

    /**
     * Every throwable reachable from the failure: causes, SQL "next exceptions" (Derby hangs the reason there) and
     * suppressed ones, nearest first; each once, at most 64 (a cycle or a huge chain ends the walk, never the request).
     */
    static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) todo.add(failure);
        while (!todo.isEmpty() && found.size() < 64) {
            Throwable t = todo.poll();
            if (!seen.add(t)) continue;
            found.add(t);
            if (t.getCause() != null) todo.add(t.getCause());
            if (t instanceof SQLException sql && sql.getNextException() != null) todo.add(sql.getNextException());
            for (Throwable s : t.getSuppressed()) todo.add(s);
        }
        return found;
    }
}
