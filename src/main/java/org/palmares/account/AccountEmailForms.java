package org.palmares.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase change 019: brings the accounts' addresses kept before the one rule of {@code EmailAddress} to its form,
 * so that one mailbox is one account. Before, an address was only trimmed and lower-cased, and an international
 * domain stayed in Unicode ({@code anne@café.fr}); now it is kept in ASCII ({@code anne@xn--caf-dma.fr}), and a
 * lookup or a comparison by the other form would miss the account. An address that is no plain address is left as it
 * is (the mailer refuses it; an organiser must correct it), and so is one whose new form another account already has
 * (both are logged).
 */
public class AccountEmailForms implements CustomTaskChange {
    private static final Logger LOG = Logger.getLogger(AccountEmailForms.class.getName());
    private int changed;

    @Override
    public void execute(Database database) throws CustomChangeException {
        try {
            changed = migrate(((JdbcConnection) database.getConnection()).getUnderlyingConnection());
        } catch (SQLException e) {
            throw new CustomChangeException("Account addresses could not be brought to their one form", e);
        }
    }

    /** Rewrites every address whose one form differs; returns how many were rewritten. */
    static int migrate(Connection connection) throws SQLException {
        Map<Long, String> rewrite = new LinkedHashMap<>();
        try (PreparedStatement all = connection.prepareStatement("select id, email from account order by id");
                ResultSet rows = all.executeQuery()) {
            while (rows.next()) {
                String email = rows.getString(2);
                String form = Account.normaliseEmail(email);
                if (email != null && !form.equals(email)) rewrite.put(rows.getLong(1), form);
            }
        }
        int count = 0;
        try (PreparedStatement taken = connection.prepareStatement("select count(*) from account where email = ?");
                PreparedStatement update = connection.prepareStatement("update account set email = ? where id = ?")) {
            for (var entry : rewrite.entrySet()) {
                taken.setString(1, entry.getValue());
                try (ResultSet r = taken.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        LOG.warning(() -> "Account " + entry.getKey() + " keeps its address: " + entry.getValue()
                                + " is another account's");
                        continue;
                    }
                }
                update.setString(1, entry.getValue());
                update.setLong(2, entry.getKey());
                update.executeUpdate();
                count++;
            }
        }
        if (count > 0) {
            int rewritten = count;
            LOG.info(() -> rewritten + " account address(es) now kept with their domain in ASCII");
        }
        return count;
    }

    @Override
    public String getConfirmationMessage() {
        return changed + " account address(es) brought to their one form";
    }

    @Override
    public void setUp() {
        // Nothing to prepare.
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // Reads no file.
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
