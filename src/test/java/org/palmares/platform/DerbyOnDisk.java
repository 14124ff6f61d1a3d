package org.palmares.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real embedded Derby database in a temporary directory, for the tests of what Palmarès does with Derby's own
 * failures. {@link #bootReadOnly()} makes Derby boot it read-only as it does on a full disk: the lock file it must
 * write ({@code db.lck}) is a directory, which Derby cannot write even as root, just as it cannot write a file on a
 * full disk (docs/reliability.md, "Full disk", found by experiment: same boot, same {@code 25502} on every write).
 */
final class DerbyOnDisk implements AutoCloseable {
    final Path directory;
    final String url;

    DerbyOnDisk() throws IOException, SQLException {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby-unit-tests.log");
        }
        directory = Files.createTempDirectory("palmares-derby").resolve("db");
        url = "jdbc:derby:" + directory + ";create=true";
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("create table note (id int generated always as identity, text varchar(100))");
            s.execute("insert into note (text) values ('before')");
        }
    }

    UrlDataSource dataSource() {
        UrlDataSource source = new UrlDataSource();
        source.setUrl(url);
        return source;
    }

    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Shuts the database down, as Derby does after a write it could not store; true when it was running. */
    boolean shutdown() {
        UrlDataSource shutdown = new UrlDataSource();
        shutdown.setUrl("jdbc:derby:" + directory + ";shutdown=true");
        try (Connection ignored = shutdown.getConnection()) {
            return false;
        } catch (SQLException e) {
            return "08006".equals(e.getSQLState());
        }
    }

    /** Shuts the database down and has its next boot be read-only, as on a full disk. */
    void bootReadOnly() throws IOException {
        shutdown();
        Path lock = directory.resolve("db.lck");
        Files.deleteIfExists(lock);
        Files.createDirectory(lock);
    }

    /** Space is back: Derby may write its lock file again (the database stays read-only until it is rebooted). */
    void room() throws IOException {
        Files.deleteIfExists(directory.resolve("db.lck"));
    }

    /**
     * Shuts the database down, then has another JVM open it, change the note and die before committing, once a
     * checkpoint has put the change in the data files: what Derby leaves behind when it shuts itself down in the
     * middle of a write on a full disk (its files hold changes that only its recovery can undo).
     */
    void crashWithUncommittedChange() throws Exception {
        shutdown();
        Process crash = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dderby.stream.error.file=target/derby-unit-tests.log",
                        Crash.class.getName(),
                        directory.toString())
                .inheritIO()
                .start();
        if (crash.waitFor() != 3) throw new IllegalStateException("the crashing JVM ended with " + crash.exitValue());
    }

    /** The other JVM of {@link #crashWithUncommittedChange()}. */
    static final class Crash {
        public static void main(String[] args) throws SQLException {
            String url = "jdbc:derby:" + args[0];
            Connection c = java.sql.DriverManager.getConnection(url);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("update note set text = 'never committed'");
            }
            try (Connection other = java.sql.DriverManager.getConnection(url);
                    Statement s = other.createStatement()) {
                s.execute("call syscs_util.syscs_checkpoint_database()");
            }
            Runtime.getRuntime().halt(3);
        }
    }

    /** The text of the first note, read on a new connection. */
    String note() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                var rows = s.executeQuery("select text from note order by id")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The failure of a write now, or null when it went through. */
    SQLException write() {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("insert into note (text) values ('after')");
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    @Override
    public void close() throws IOException {
        shutdown();
        try (var files = Files.walk(directory.getParent())) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
