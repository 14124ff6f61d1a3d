package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file systems under the data directory as {@link StorageStatus} sees them: how much this process may still
 * write there, and whether a write really goes through. One bean, so that an integration test can put a simulated
 * full disk in its place (CI has no root to mount a small file system).
 */
@ApplicationScoped
public class DiskSpace {
    /** A probe is this large: a file system with less than that free is full for every write Palmarès makes. */
    static final int PROBE_BYTES = 64 * 1024;

    /** Bytes this process may still write in the directory's file system (the directory need not exist yet). */
    public long usableBytes(Path directory) throws IOException {
        Path dir = existing(directory);
        java.nio.file.FileStore store = stores.get(dir);
        if (store == null) {
            store = Files.getFileStore(dir);
            stores.put(dir, store);
        }
        return store.getUsableSpace();
    }

    /** Finding a file store reads the mount table; its free space is one statvfs call: every write asks for it. */
    private final java.util.Map<Path, java.nio.file.FileStore> stores = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Writes {@link #PROBE_BYTES} to a new file in the directory, forces them to the device and deletes the file:
     * free space figures can lie (quotas, reserved blocks, a file system that counts lazily), a write cannot.
     */
    public void probe(Path directory) throws IOException {
        Path dir = existing(directory);
        Path probe = Files.createTempFile(dir, ".palmares-probe-", ".tmp");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(PROBE_BYTES);
            while (zeros.hasRemaining()) channel.write(zeros);
            channel.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static Path existing(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        while (dir != null && !Files.isDirectory(dir)) dir = dir.getParent();
        if (dir == null) throw new IllegalArgumentException("No existing directory above " + directory);
        return dir;
    }
}
