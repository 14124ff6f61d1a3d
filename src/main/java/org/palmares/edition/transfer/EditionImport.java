package org.palmares.edition.transfer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.EmailAddress;
import org.palmares.platform.FileDeletions;
import org.palmares.platform.JsonInput;
import org.palmares.platform.JsonSupport;

/**
 * Reads an edition ZIP made by {@link EditionExport} into this Palmarès, in one transaction: every row gets a new id
 * and every reference follows; accounts are matched by e-mail (a missing one is created without a password — its
 * owner uses "forgot password"), territories by name. Attachment files go under random names in the data directory
 * and are deleted again if the transaction rolls back.
 */
@ApplicationScoped
public class EditionImport {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    FileDeletions fileDeletions;

    @Inject
    @ConfigProperty(name = "palmares.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "palmares.attachments.max-file-bytes", defaultValue = "10485760")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "palmares.transfer.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "palmares.transfer.max-entries", defaultValue = "100000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "palmares.transfer.max-json-bytes", defaultValue = "268435456")
    long maxJsonBytes;

    /** What an import made. */
    public record Outcome(
            String code, String from, int nominations, int attachments, int accountsCreated, int territoriesCreated) {}

    /** An attachment row waiting for its file. */
    private record Expected(String storedName, long size) {}

    /**
     * Imports an edition ZIP; {@code newCode} (optional) gives the edition another code, required when one with its
     * code exists here already.
     */
    @Transactional
    public Outcome importZip(InputStream in, String newCode) {
        access.require(Role.ORGANISER);
        String code =
                newCode == null || newCode.isBlank() ? null : newCode.strip().toUpperCase(Locale.ROOT);
        if (code != null && !code.matches("[A-Z0-9]{2,20}")) throw DomainException.invalid("transfer.code.pattern");
        ZipRules rules = new ZipRules(new ZipRules.Limits(maxEntries, maxJsonBytes, maxFileBytes, maxBytes));
        RuntimeException tooLarge = TransferException.tooLarge(maxBytes / (1024 * 1024));
        try (ZipInputStream zip = new ZipInputStream(ZipRules.bounded(in, maxBytes, tooLarge))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null) throw new TransferException.Invalid("transfer.zip.empty");
            rules.entry(first.getName());
            JsonObject document = read(zip);
            ZipRules.format(document.get("format") instanceof jakarta.json.JsonString s ? s.getString() : null);
            try (Connection c = dataSource.getConnection()) {
                Inserted inserted = insert(c, document, code);
                long total = 0;
                Set<Long> written = new HashSet<>();
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    OptionalLong id = rules.entry(entry.getName());
                    Expected expected = id.isPresent() ? inserted.files().get(id.getAsLong()) : null;
                    if (expected == null) {
                        throw new TransferException.Invalid(
                                "transfer.zip.unexpected", ZipRules.shorten(entry.getName()));
                    }
                    long size = store(zip, expected.storedName(), id.getAsLong());
                    if (size != expected.size())
                        throw new TransferException.Invalid("transfer.attachment.size", id.getAsLong());
                    total += size;
                    if (total > maxBytes) throw tooLarge;
                    written.add(id.getAsLong());
                }
                for (Long id : inserted.files().keySet()) {
                    if (!written.contains(id)) throw new TransferException.Invalid("transfer.attachment.missing", id);
                }
                Outcome outcome = new Outcome(
                        inserted.code(),
                        inserted.from(),
                        inserted.ids().size("nomination"),
                        written.size(),
                        inserted.accountsCreated(),
                        inserted.territoriesCreated());
                audit.record(
                        "edition.import",
                        "Edition",
                        outcome.code(),
                        null,
                        "from " + outcome.from() + ": " + outcome.nominations() + " nominations, "
                                + outcome.attachments() + " attachments, " + outcome.accountsCreated()
                                + " accounts created");
                return outcome;
            } catch (SQLException e) {
                throw refusal(e);
            }
        } catch (ZipException e) {
            throw TransferException.malformed();
        } catch (IOException e) {
            // A truncated or garbled upload: the ZIP reader ends with an EOF or inflater error.
            throw TransferException.malformed();
        }
    }

    private JsonObject read(ZipInputStream zip) {
        InputStream json = ZipRules.bounded(
                zip,
                maxJsonBytes,
                new TransferException.Invalid("transfer.zip.jsonTooLarge", maxJsonBytes / (1024 * 1024)));
        // JsonInput, not a bare reader: a file nested too deeply failed with a bare RuntimeException (a 500).
        JsonValue value;
        try {
            value = JsonInput.read(json, Long.MAX_VALUE);
        } catch (JsonInput.Refused e) {
            if (e.reason() == JsonInput.Reason.UNREADABLE) throw TransferException.malformed();
            throw new TransferException.Invalid("transfer.json.malformed");
        }
        if (!(value instanceof JsonObject object)) throw new TransferException.Invalid("transfer.json.malformed");
        return object;
    }

    private record Inserted(
            String code,
            String from,
            IdMap ids,
            Map<Long, Expected> files,
            int accountsCreated,
            int territoriesCreated) {}

    private Inserted insert(Connection c, JsonObject document, String newCode) throws SQLException {
        JsonObject tables = object(document.get("tables"), "tables");
        Set<String> known = EditionTables.names();
        for (String name : tables.keySet()) {
            if (!known.contains(name))
                throw new TransferException.Invalid("transfer.json.unknownTable", ZipRules.shorten(name));
        }
        JsonArray editions = array(tables.get("edition"), "edition");
        if (editions.size() != 1) throw new TransferException.Invalid("transfer.json.edition");
        JsonObject edition = object(editions.get(0), "edition");
        String from = edition.get("code") instanceof jakarta.json.JsonString s ? s.getString() : null;
        if (from == null || from.isBlank()) throw new TransferException.Invalid("transfer.json.edition");
        String code = newCode == null ? from : newCode;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM edition WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) throw DomainException.conflict("transfer.import.codeTaken", code);
            }
        }
        IdMap ids = new IdMap();
        Map<Long, Expected> files = new LinkedHashMap<>();
        Set<Long> createdAccounts = new HashSet<>();
        int territoriesCreated = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (EditionTables.Table table : EditionTables.all(true)) {
            JsonValue value = tables.get(table.name());
            if (value == null) continue;
            Map<String, Column> types = columnTypes(c, table.name());
            for (JsonValue item : array(value, table.name())) {
                JsonObject row = object(item, table.name());
                Map<String, JsonValue> overrides = new HashMap<>();
                switch (table.name()) {
                    case "edition" -> {
                        overrides.put("code", JsonSupport.JSON.createValue(code));
                        overrides.put("is_current", JsonValue.FALSE);
                    }
                    case "territory" -> {
                        String name = text(row, "name");
                        Long existing = single(c, "SELECT id FROM territory WHERE name = ?", name);
                        if (existing != null) {
                            ids.put("territory", Rows.id(row.get("id"), "id"), existing);
                            continue;
                        }
                        territoriesCreated++;
                    }
                    case "account" -> {
                        // The form accounts are kept in (an older export may hold an IDN domain in Unicode).
                        String email = EmailAddress.normalise(text(row, "email"));
                        Long existing = single(c, "SELECT id FROM account WHERE LOWER(email) = ?", email);
                        if (existing != null) {
                            ids.put("account", Rows.id(row.get("id"), "id"), existing);
                            continue;
                        }
                        overrides.put("email", JsonSupport.JSON.createValue(email));
                        overrides.put("enabled", JsonValue.TRUE);
                        overrides.put("failed_logins", JsonSupport.JSON.createValue(0));
                        overrides.put(
                                "created_at",
                                JsonSupport.JSON.createValue(
                                        now.toLocalDateTime().toString()));
                        overrides.put("version", JsonSupport.JSON.createValue(0));
                    }
                    case "account_role" -> {
                        long account = ids.remap("account", Rows.id(row.get("account_id"), "account_id"));
                        // Only accounts this import created get roles, and never more than juror or territory.
                        if (!createdAccounts.contains(account)
                                || !EditionTables.IMPORTED_ROLES.contains(text(row, "role"))) {
                            continue;
                        }
                    }
                    case "territory_member" -> {
                        long account = ids.remap("account", Rows.id(row.get("account_id"), "account_id"));
                        if (single(c, "SELECT territory_id FROM territory_member WHERE account_id = ?", account)
                                != null) {
                            continue;
                        }
                    }
                    case "nomination" -> {
                        String reference =
                                row.get("reference") instanceof jakarta.json.JsonString s ? s.getString() : null;
                        if (reference != null) {
                            overrides.put(
                                    "reference",
                                    JsonSupport.JSON.createValue(References.rename(reference, from, code)));
                        }
                    }
                    case "attachment" -> {
                        String stored = randomName();
                        overrides.put("stored_name", JsonSupport.JSON.createValue(stored));
                        long size = Rows.id(row.get("size_bytes"), "size_bytes");
                        if (size < 0 || size > maxFileBytes) {
                            throw new TransferException.Invalid(
                                    "transfer.attachment.size", Rows.id(row.get("id"), "id"));
                        }
                        files.put(Rows.id(row.get("id"), "id"), new Expected(stored, size));
                    }
                    case "score_sheet_revision" -> {
                        String snapshot =
                                row.get("snapshot") instanceof jakarta.json.JsonString s ? s.getString() : null;
                        if (snapshot != null) {
                            overrides.put(
                                    "snapshot", JsonSupport.JSON.createValue(References.remapSnapshot(snapshot, ids)));
                        }
                    }
                    default -> {
                        // Copied as it is, references remapped.
                    }
                }
                long id = insertRow(c, table, row, types, ids, overrides);
                if (table.identity()) {
                    ids.put(table.name(), Rows.id(row.get("id"), "id"), id);
                    if (table.name().equals("account")) createdAccounts.add(id);
                }
            }
        }
        return new Inserted(code, from, ids, files, createdAccounts.size(), territoriesCreated);
    }

    private static long insertRow(
            Connection c,
            EditionTables.Table table,
            JsonObject row,
            Map<String, Column> types,
            IdMap ids,
            Map<String, JsonValue> overrides)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<JsonValue> values = new ArrayList<>();
        Map<String, JsonValue> all = new LinkedHashMap<>(row);
        all.putAll(overrides);
        for (Map.Entry<String, JsonValue> cell : all.entrySet()) {
            String column = cell.getKey();
            if (!types.containsKey(column)) {
                throw new TransferException.Invalid("transfer.row.column", table.name(), ZipRules.shorten(column));
            }
            if (table.identity() && column.equals("id")) continue;
            JsonValue value = cell.getValue();
            String target = table.references().get(column);
            if (target != null && value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                value = JsonSupport.JSON.createValue(ids.remap(target, Rows.id(value, column)));
            }
            columns.add(column);
            values.add(value);
        }
        String sql = "INSERT INTO " + table.name() + " ("
                + String.join(
                        ", ", columns.stream().map(n -> types.get(n).sql()).toList()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement insert =
                table.identity() ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                Rows.bind(insert, i + 1, types.get(columns.get(i)).type(), columns.get(i), values.get(i));
            }
            insert.executeUpdate();
            if (!table.identity()) return 0;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) throw new IllegalStateException("No id generated for " + table.name());
                return keys.getLong(1);
            }
        }
    }

    /**
     * A column of a table as the database stores it: its name quoted as stored (Liquibase quotes the words a
     * database reserves, so Derby keeps {@code result."method"} in lower case beside upper-case names), its JDBC type.
     */
    private record Column(String sql, int type) {}

    /** The table's columns by their lower-case names (the export's keys). */
    private static Map<String, Column> columnTypes(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            Map<String, Column> types = new HashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String stored = meta.getColumnLabel(i);
                types.put(
                        stored.toLowerCase(Locale.ROOT),
                        new Column('"' + stored.replace("\"", "\"\"") + '"', meta.getColumnType(i)));
            }
            return types;
        }
    }

    private static Long single(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    /** Copies one attachment to its new name; the file goes again if the transaction does not commit. */
    private long store(InputStream zip, String storedName, long id) {
        Path directory = Path.of(dataDir, "attachments").toAbsolutePath().normalize();
        Path target = directory.resolve(storedName);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // The outcome is not known yet.
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) fileDeletions.delete(target);
            }
        });
        InputStream content =
                ZipRules.bounded(zip, maxFileBytes, new TransferException.Invalid("transfer.attachment.size", id));
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                return content.transferTo(out);
            }
        } catch (ZipException e) {
            throw TransferException.malformed();
        } catch (java.io.EOFException e) {
            throw TransferException.malformed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DomainException refusal(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) return DomainException.conflict("transfer.import.clash");
        if (state.startsWith("23") || state.startsWith("22"))
            return new TransferException.Invalid("transfer.row.refused");
        throw new IllegalStateException("Cannot import the edition", e);
    }

    private static JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject o) return o;
        throw new TransferException.Invalid("transfer.json.shape", what);
    }

    private static JsonArray array(JsonValue value, String what) {
        if (value instanceof JsonArray a) return a;
        throw new TransferException.Invalid("transfer.json.shape", what);
    }

    private static String text(JsonObject row, String column) {
        if (row.get(column) instanceof jakarta.json.JsonString s) return s.getString();
        throw new TransferException.Invalid("transfer.row.value", column);
    }

    private static String randomName() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
