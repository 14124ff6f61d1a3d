package org.palmares.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Role;

/**
 * Consistent online backups of an embedded-Derby Palmarès: the database (Derby's {@code SYSCS_BACKUP_DATABASE}, a
 * transaction-consistent copy taken while the server runs), the attachments and the vote key, under
 * {@code <data dir>/backups/<UTC time>/}. Restoring is done with the server stopped ({@code ./palmares restore}).
 */
@ApplicationScoped
public class Backups {
    static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    FileDeletions deletions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "palmares.data.dir", defaultValue = "./data")
    String dataDir;

    private final AtomicBoolean running = new AtomicBoolean();

    /** What one backup holds, as its manifest says. */
    public record Backup(
            String name,
            Instant createdAt,
            String createdBy,
            long nominations,
            long sheets,
            long attachments,
            long bytes,
            String path) {}

    /** Takes a backup now; one at a time, organisers only, on embedded Derby only. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Backup create() {
        access.require(Role.ORGANISER);
        if (!running.compareAndSet(false, true)) throw DomainException.conflict("backup.running");
        try {
            Instant now = clock.instant();
            Path target = root().resolve(NAME.format(now));
            if (Files.exists(target)) throw DomainException.conflict("backup.running");
            Backup backup;
            try {
                backup = deletions.keepingFiles(() -> copyAll(target, now));
            } catch (RuntimeException failed) {
                deleteTree(target); // a half-made backup must not be mistaken for one
                throw failed;
            }
            record(backup);
            return backup;
        } finally {
            running.set(false);
        }
    }

    /** The backups on disk, newest first. */
    public List<Backup> list() {
        access.require(Role.ORGANISER);
        Path root = root();
        if (!Files.isDirectory(root)) return List.of();
        List<Backup> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) read(dir).ifPresent(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Backup::createdAt).reversed());
        return found;
    }

    Path root() {
        return Path.of(dataDir, "backups").toAbsolutePath().normalize();
    }

    private Backup copyAll(Path target, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("derby")) {
                throw new DomainException(409, "backup.notDerby");
            }
            Files.createDirectories(target);
            Path staging = Files.createTempDirectory(target, "db");
            try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, staging.toString());
                call.execute();
            }
            // Derby names the copy after the database (a path or an in-memory name); the backup calls it db/.
            try (Stream<Path> copies = Files.list(staging)) {
                Path copy = copies.findFirst().orElseThrow(() -> new IOException("Derby wrote no backup"));
                Files.move(copy, target.resolve("db"));
            }
            Files.delete(staging);
            long[] files = copyTree(Path.of(dataDir, "attachments"), target.resolve("attachments"));
            Path voteKey = Path.of(dataDir, "vote-secret");
            if (Files.isRegularFile(voteKey)) Files.copy(voteKey, target.resolve("vote-secret"));
            Backup backup = new Backup(
                    target.getFileName().toString(),
                    now,
                    access.callerEmail().orElse("system"),
                    count(connection, "select count(*) from nomination"),
                    count(connection, "select count(*) from score_sheet"),
                    files[0],
                    files[1] + size(target.resolve("db")),
                    target.toString());
            write(target.resolve("manifest.json"), backup);
            return backup;
        } catch (SQLException e) {
            throw new IllegalStateException("The database backup failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree; returns the number of files and their bytes. */
    private static long[] copyTree(Path from, Path to) throws IOException {
        long[] counted = {0, 0};
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) return counted;
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(source)) {
                    Files.copy(source, copy);
                    counted[0]++;
                    counted[1] += Files.size(copy);
                }
            }
        }
        return counted;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void record(Backup backup) {
        try {
            transaction.begin();
            audit.record("backup.create", "Backup", backup.name(), null, backup.path());
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException("The backup was made but could not be audited", e);
        }
    }

    private static void write(Path file, Backup backup) throws IOException {
        JsonObject json = JsonSupport.JSON
                .createObjectBuilder()
                .add("name", backup.name())
                .add("createdAt", backup.createdAt().toString())
                .add("createdBy", backup.createdBy())
                .add("nominations", backup.nominations())
                .add("sheets", backup.sheets())
                .add("attachments", backup.attachments())
                .add("bytes", backup.bytes())
                .build();
        try (Writer out = Files.newBufferedWriter(file);
                JsonWriter writer = JsonSupport.JSON.createWriter(out)) {
            writer.write(json);
        }
    }

    private static Optional<Backup> read(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) return Optional.empty();
        try (Reader in = Files.newBufferedReader(manifest);
                JsonReader reader = JsonSupport.JSON.createReader(in)) {
            JsonObject json = reader.readObject();
            return Optional.of(new Backup(
                    json.getString("name"),
                    Instant.parse(json.getString("createdAt")),
                    json.getString("createdBy"),
                    json.getJsonNumber("nominations").longValue(),
                    json.getJsonNumber("sheets").longValue(),
                    json.getJsonNumber("attachments").longValue(),
                    json.getJsonNumber("bytes").longValue(),
                    dir.toString()));
        } catch (IOException | RuntimeException unreadable) {
            // A half-written or foreign folder is not a backup; it is simply not listed.
            return Optional.empty();
        }
    }
}
