package org.palmares.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final Instant NOW = Instant.parse("2019-03-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Account account = new Account("marie.dupont@example.org", "Marie Dupont", CLOCK);

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void normalise_email_trims_and_lower_cases() {
        assertEquals("marie.dupont@example.org", Account.normaliseEmail("  Marie.Dupont@EXAMPLE.org \t"));
    }

    @Test
    void an_account_address_is_kept_in_the_one_form_of_the_vote_and_the_mailer() {
        assertEquals("anne@xn--caf-dma.fr", new Account("Anne@CAFÉ.fr", "Anne", CLOCK).getEmail());
        assertEquals(Account.normaliseEmail("anne@xn--caf-dma.fr"), Account.normaliseEmail("anne@café.fr"));
        // Kept plus tag: an account is the address the person gave, not a voter's mailbox.
        assertEquals("marie+palmares@example.org", Account.normaliseEmail("Marie+Palmares@example.org"));
    }

    @Test
    void normalise_email_keeps_null_as_null() {
        assertNull(Account.normaliseEmail(null));
    }

    @Test
    void normalise_email_does_not_depend_on_the_servers_locale() {
        Locale previous = Locale.getDefault();
        try {
            // In Turkish, "I".toLowerCase() is a dotless ı: the address would no longer match.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("iris@example.org", Account.normaliseEmail("IRIS@EXAMPLE.ORG"));
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void a_new_account_stores_its_email_normalised() {
        Account created = new Account(" Paul.MARTIN@Example.org ", "Paul Martin", CLOCK);
        assertEquals("paul.martin@example.org", created.getEmail());
        assertEquals(NOW, created.getCreatedAt());
    }

    @Test
    void a_new_account_has_no_password_and_is_not_locked() {
        assertFalse(account.hasPassword());
        assertFalse(account.isLocked(CLOCK));
        assertEquals(0, account.getFailedLogins());
    }

    @Test
    void a_failed_login_counts_and_locks_until_the_given_instant() {
        Instant until = NOW.plus(Duration.ofMinutes(1));
        account.loginFailed(until);
        assertEquals(1, account.getFailedLogins());
        assertTrue(account.isLocked(CLOCK));
        assertTrue(account.isLocked(at(until.minusNanos(1))));
    }

    @Test
    void the_lock_ends_exactly_at_its_instant() {
        Instant until = NOW.plus(Duration.ofMinutes(1));
        account.loginFailed(until);
        assertFalse(account.isLocked(at(until)));
    }

    @Test
    void a_failed_login_without_lock_only_counts() {
        account.loginFailed(null);
        account.loginFailed(null);
        assertEquals(2, account.getFailedLogins());
        assertFalse(account.isLocked(CLOCK));
    }

    @Test
    void a_successful_login_clears_failures_and_lock_and_records_the_time() {
        account.loginFailed(NOW.plus(Duration.ofMinutes(15)));
        Clock later = Clock.offset(CLOCK, Duration.ofMinutes(20));
        account.loginSucceeded(later);
        assertEquals(0, account.getFailedLogins());
        assertNull(account.getLockedUntil());
        assertFalse(account.isLocked(CLOCK));
        assertEquals(later.instant(), account.getLastLoginAt());
    }

    @Test
    void changing_the_password_clears_failures_and_lock() {
        account.loginFailed(NOW.plus(Duration.ofMinutes(15)));
        account.changePasswordHash("$argon2id$hash");
        assertTrue(account.hasPassword());
        assertEquals(0, account.getFailedLogins());
        assertFalse(account.isLocked(CLOCK));
    }

    @Test
    void granted_roles_are_held_and_others_are_not() {
        account.grant(Role.JUROR);
        assertTrue(account.has(Role.JUROR));
        assertFalse(account.has(Role.ORGANISER));
        assertEquals(Set.of(Role.JUROR), account.getRoles());
    }

    @Test
    void the_roles_returned_cannot_change_the_account() {
        account.grant(Role.JUROR);
        assertThrows(
                UnsupportedOperationException.class, () -> account.getRoles().add(Role.ORGANISER));
        assertFalse(account.has(Role.ORGANISER));
    }
}
