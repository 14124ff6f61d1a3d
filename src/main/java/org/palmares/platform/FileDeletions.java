package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes stored files (attachments) unless a backup is copying them: then the deletions wait until it ends, so a
 * backup never holds a database row whose file it lacks.
 */
@ApplicationScoped
public class FileDeletions {
    private static final Logger LOG = Logger.getLogger(FileDeletions.class.getName());

    private final Object lock = new Object();
    private final List<Path> deferred = new ArrayList<>();
    private int copying;

    public void delete(Path file) {
        synchronized (lock) {
            if (copying > 0) {
                deferred.add(file);
                return;
            }
        }
        deleteNow(file);
    }

    /** Runs work (a backup) while no file is deleted; the deletions asked for meanwhile happen after it. */
    public <T> T keepingFiles(Supplier<T> work) {
        synchronized (lock) {
            copying++;
        }
        try {
            return work.get();
        } finally {
            List<Path> due = List.of();
            synchronized (lock) {
                copying--;
                if (copying == 0) {
                    due = List.copyOf(deferred);
                    deferred.clear();
                }
            }
            due.forEach(FileDeletions::deleteNow);
        }
    }

    private static void deleteNow(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // An unreachable file is left behind, never a broken row; say so for the operator.
            LOG.log(Level.WARNING, "Could not delete " + file, e);
        }
    }
}
