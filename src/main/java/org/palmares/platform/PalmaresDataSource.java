package org.palmares.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one JTA datasource of Palmarès: embedded Derby under the data directory by default,
 * PostgreSQL when {@code PALMARES_DB_URL} is set. {@link UrlDataSource} reads its URL and account from MicroProfile
 * Config itself: {@code ${MPCONFIG=…}} expressions here were resolved once before the application's configuration was
 * visible, and every start logged three "no value found" warnings that a newcomer took for errors.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/palmares",
        className = "org.palmares.platform.UrlDataSource",
        minPoolSize = 1,
        maxPoolSize = 32)
@Singleton
public class PalmaresDataSource {}
