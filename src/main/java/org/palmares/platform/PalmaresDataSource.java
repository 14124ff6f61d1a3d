package org.palmares.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one JTA datasource of Palmarès: embedded Derby under the data directory by default,
 * PostgreSQL when {@code PALMARES_DB_URL} is set. Values come from MicroProfile Config.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/palmares",
        className = "org.palmares.platform.UrlDataSource",
        url = "${MPCONFIG=palmares.db.url}",
        user = "${MPCONFIG=palmares.db.user}",
        password = "${MPCONFIG=palmares.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32)
@Singleton
public class PalmaresDataSource {}
