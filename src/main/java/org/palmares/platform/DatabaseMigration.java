package org.palmares.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings the schema up to date with the Liquibase changelog before anything else touches the database. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());
    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            var liquibase = new Liquibase(
                    CHANGELOG, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
            liquibase.update("");
            LOG.info(() -> "Database schema is up to date (" + database.getDatabaseProductName() + ")");
        } catch (Exception e) {
            throw new IllegalStateException("The database schema could not be brought up to date", e);
        }
    }
}
