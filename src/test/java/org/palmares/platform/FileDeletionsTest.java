package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDeletionsTest {
    @TempDir
    Path dir;

    @Test
    void a_file_deleted_while_a_backup_copies_stays_until_the_backup_ends() throws Exception {
        FileDeletions deletions = new FileDeletions();
        Path file = Files.writeString(dir.resolve("attachment"), "pdf");
        deletions.keepingFiles(() -> {
            deletions.delete(file);
            assertTrue(Files.exists(file), "the backup still sees the file");
            return null;
        });
        assertFalse(Files.exists(file), "deleted once the backup is over");
    }

    @Test
    void without_a_backup_a_file_is_deleted_at_once() throws Exception {
        FileDeletions deletions = new FileDeletions();
        Path file = Files.writeString(dir.resolve("attachment"), "pdf");
        deletions.delete(file);
        assertFalse(Files.exists(file));
    }

    @Test
    void a_failed_backup_still_lets_the_waiting_deletions_happen() throws Exception {
        FileDeletions deletions = new FileDeletions();
        Path file = Files.writeString(dir.resolve("attachment"), "pdf");
        try {
            deletions.keepingFiles(() -> {
                deletions.delete(file);
                throw new IllegalStateException("disk full");
            });
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("disk full"));
        }
        assertFalse(Files.exists(file));
    }
}
