package org.palmares.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one JTA datasource of Palmarès: embedded Derby under the data directory by default,
 * PostgreSQL when {@code PALMARES_DB_URL} is set. {@link UrlDataSource} reads its URL and account from MicroProfile
 * Config itself: {@code ${MPCONFIG=…}} expressions here were resolved once before the application's configuration was
 * visible, and every start logged three "no value found" warnings that a newcomer took for errors.
 *
 * <p>The pool checks each connection before it hands it out ({@code isValid}) and, when one is dead, drops them
 * all: embedded Derby shuts the whole database down after a write it could not store (a full disk), which kills
 * every pooled connection at once ("No current connection", 08003); without the check the pool kept handing out
 * the dead ones, every request failed after 10 s and nothing recovered until a restart. A new connection boots the
 * database again. On PostgreSQL the same check costs a round trip on loopback and survives a database restart.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/palmares",
        className = "org.palmares.platform.UrlDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
public class PalmaresDataSource {}
