package org.palmares.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountEmailFormsTest {
    @Test
    void older_addresses_get_their_ascii_domain_unless_another_account_has_that_form() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:account-email-forms;create=true");
                Statement s = c.createStatement()) {
            s.execute("create table account (id bigint primary key, email varchar(254) not null unique)");
            s.execute("insert into account values (1, 'anne@café.fr'), (2, 'marie@example.org'),"
                    + " (3, 'paul@xn--caf-dma.fr'), (4, 'paul@café.fr'), (5, '\"quoted\"@example.org'),"
                    + " (6, 'jean@bücher.de')");
            assertEquals(2, AccountEmailForms.migrate(c));
            List<String> emails = new ArrayList<>();
            try (var rows = s.executeQuery("select email from account order by id")) {
                while (rows.next()) emails.add(rows.getString(1));
            }
            assertEquals(
                    List.of(
                            "anne@xn--caf-dma.fr",
                            "marie@example.org",
                            "paul@xn--caf-dma.fr",
                            "paul@café.fr", // its form is account 3's: left for an organiser to sort out
                            "\"quoted\"@example.org", // no plain address: left as it is
                            "jean@xn--bcher-kva.de"),
                    emails);
            assertEquals(0, AccountEmailForms.migrate(c), "a second run changes nothing");
        }
    }
}
