package org.palmares.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A JDBC URL as a {@link DataSource}, so one {@code @DataSourceDefinition} serves Derby and PostgreSQL alike.
 *
 * <p>Payara loads {@code java.sql.Driver} pool classes from the server's class loader, which does not see the
 * drivers packaged in the WAR; a DataSource class from the WAR is loaded from the application, and it finds
 * the driver for its URL among those the application ships.
 */
public class UrlDataSource implements DataSource {
    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return given(url) ? url : setting("palmares.db.url");
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (given(url)) return getConnection(user, password);
        return getConnection(setting("palmares.db.user"), setting("palmares.db.password"));
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** The application's setting (palmares.db.url, PALMARES_DB_URL…), when the pool was given no URL. */
    private static String setting(String key) {
        return ConfigProvider.getConfig(UrlDataSource.class.getClassLoader())
                .getOptionalValue(key, String.class)
                .orElse(null);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        String url = given(this.url) ? this.url : setting("palmares.db.url");
        if (url == null || url.isBlank()) {
            throw new SQLException("No database URL is configured (palmares.db.url)");
        }
        if (url.startsWith("jdbc:derby:")) derbyDefaults();
        Properties props = new Properties();
        if (username != null && !username.isBlank()) {
            props.setProperty("user", username);
        }
        if (pass != null && !pass.isBlank()) {
            props.setProperty("password", pass);
        }
        for (Driver driver : ServiceLoader.load(Driver.class, UrlDataSource.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, props);
            }
        }
        throw new SQLException("No JDBC driver in Palmarès accepts " + url.replaceAll(";.*", ""));
    }

    /**
     * Derby hands out identity values (every id here) from ranges it reserves in its catalogue; with the default
     * range of 100, many jurors saving new scores at once made the reservations collide ("too much contention",
     * then lock time-outs after 60 s). A range of 1,000 makes a reservation rare. Read when the database boots, so
     * set before the first connection; a value given on the command line wins.
     */
    private static void derbyDefaults() {
        if (System.getProperty("derby.language.sequence.preallocator") == null) {
            System.setProperty("derby.language.sequence.preallocator", "1000");
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
