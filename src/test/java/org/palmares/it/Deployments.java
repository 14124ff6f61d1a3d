package org.palmares.it;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the real WAR that {@code package} built, on a fresh in-memory
 * Derby database of its own (or a fresh PostgreSQL database, see {@link #POSTGRESQL}), with the demo edition loaded at
 * start-up.
 */
public final class Deployments {
    private Deployments() {}

    /**
     * When set (e.g. {@code jdbc:postgresql://127.0.0.1:5432/}, by the {@code postgresql} execution of the pom), each
     * deployment gets a new PostgreSQL database of its own on that server instead of an in-memory Derby one.
     */
    static final String POSTGRESQL = System.getProperty("it.postgresql.url", "");

    /** Creates an empty database for one deployment (the account needs CREATEDB) and returns its name. */
    private static String createPostgresqlDatabase(String user, String password) {
        String name =
                "palmares_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(POSTGRESQL + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create a test database on " + POSTGRESQL + ": " + e.getMessage(), e);
        }
    }

    public static WebArchive palmares() {
        return palmares("palmares.demo.phase=NOMINATIONS_OPEN");
    }

    /**
     * The same with settings of its own, e.g. {@code palmares.demo.phase=DELIBERATION} to load the demo edition with its
     * jury's work done (by default it takes nominations: tests that assign and score start from nothing). The 2019
     * archive is left out unless a test asks for it ({@code palmares.demo.archive=true}): it costs every start.
     */
    public static WebArchive palmares(String... settings) {
        File war = new File(System.getProperty("palmares.war", "target/palmares.war"));
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "palmares.war")
                .importFrom(war)
                .as(WebArchive.class);
        archive.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        String db = "palmares-it-" + UUID.randomUUID();
        String url = "jdbc:derby:memory:" + db + ";create=true";
        String user = "palmares";
        String password = "palmares";
        if (!POSTGRESQL.isBlank()) {
            user = System.getProperty("it.postgresql.user", "palmares");
            password = System.getProperty("it.postgresql.password", "palmares");
            url = POSTGRESQL + createPostgresqlDatabase(user, password);
        }
        archive.addAsResource(
                new StringAsset(String.join(
                        "\n",
                        "palmares.data.dir=target/it-data/" + db,
                        "palmares.db.url=" + url,
                        "palmares.db.user=" + user,
                        "palmares.db.password=" + password,
                        "palmares.demo=true",
                        "palmares.demo.archive=false",
                        // Every login hashes; at the production count the suite spends minutes in PBKDF2 alone.
                        "palmares.password.iterations=" + System.getProperty("it.password.iterations", "1024"),
                        String.join("\n", settings),
                        "")),
                "META-INF/microprofile-config.properties");
        // A test's way to put an edition in the phase it needs (tests only: never in the WAR).
        archive.addClasses(PhaseSwitch.class, Http.class);
        return archive;
    }
}
