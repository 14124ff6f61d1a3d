package org.palmares.edition.transfer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonSupport;

/**
 * Writes a whole edition as a ZIP — {@code edition.json} (format {@value ZipRules#FORMAT}) and its attachments'
 * files — straight to the response, row by row and file by file, so a big edition never sits in memory.
 */
@ApplicationScoped
public class EditionExport {
    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "palmares.data.dir", defaultValue = "./data")
    String dataDir;

    /** What an export will send, checked before a byte goes out: the edition exists, every file is on disk. */
    public record Plan(long editionId, String code, boolean anonymised, Map<Long, Path> files) {
        public String fileName() {
            return "palmares-edition-" + code + ".zip";
        }
    }

    /** Checks the caller and the edition, and that every attachment's file is there; audits the export. */
    @Transactional
    public Plan plan(String code) {
        access.require(Role.ORGANISER);
        try (Connection c = dataSource.getConnection()) {
            long id;
            boolean anonymised;
            try (PreparedStatement s = c.prepareStatement("SELECT id, anonymised_at FROM edition WHERE code = ?")) {
                s.setString(1, code == null ? "" : code.strip());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) throw DomainException.notFound("edition");
                    id = r.getLong(1);
                    anonymised = r.getTimestamp(2) != null;
                }
            }
            Map<Long, Path> files = new LinkedHashMap<>();
            Path directory = attachments();
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.stored_name FROM attachment a WHERE"
                    + " a.nomination_id IN (" + EditionTables.NOMINATIONS + ") ORDER BY a.id")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Path file = directory.resolve(r.getString(2)).normalize();
                        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                            throw DomainException.conflict("transfer.export.fileMissing", r.getLong(1));
                        }
                        files.put(r.getLong(1), file);
                    }
                }
            }
            audit.record("edition.export", "Edition", code.strip(), null, files.size() + " attachments");
            return new Plan(id, code.strip(), anonymised, files);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the edition to export", e);
        }
    }

    /** Writes the ZIP of a planned export; the rows are read in one transaction, so they agree with each other. */
    @Transactional
    public void write(Plan plan, OutputStream out) throws IOException {
        access.require(Role.ORGANISER);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(ZipRules.EDITION_JSON));
        try (Connection c = dataSource.getConnection();
                JsonGenerator json = JsonSupport.JSON.createGenerator(new KeepOpen(zip))) {
            json.writeStartObject()
                    .write("format", ZipRules.FORMAT)
                    .write("exportedAt", clock.instant().toString())
                    .write("edition", plan.code())
                    .write("anonymised", plan.anonymised());
            json.writeStartObject("tables");
            for (EditionTables.Table table : EditionTables.all(!plan.anonymised())) {
                json.writeStartArray(table.name());
                try (PreparedStatement s = c.prepareStatement(table.select())) {
                    for (int i = 1; i <= table.parameters(); i++) s.setLong(i, plan.editionId());
                    s.setFetchSize(500);
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) Rows.write(rows, json);
                    }
                }
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the edition to export", e);
        }
        zip.closeEntry();
        for (Map.Entry<Long, Path> file : plan.files().entrySet()) {
            zip.putNextEntry(new ZipEntry("attachments/" + file.getKey()));
            try {
                Files.copy(file.getValue(), zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    Path attachments() {
        return Path.of(dataDir, "attachments").toAbsolutePath().normalize();
    }

    /** The JSON writer closes its stream when done; the ZIP goes on after it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
