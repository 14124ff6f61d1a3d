package org.palmares.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountTokenTest {
    private static final Instant ISSUED_AT = Instant.parse("2019-02-01T08:00:00Z");
    private static final Clock ISSUE_CLOCK = Clock.fixed(ISSUED_AT, ZoneOffset.UTC);

    private final Account account = new Account("marie.dupont@example.org", "Marie Dupont", ISSUE_CLOCK);

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void hash_is_the_hex_sha256_of_the_clear_value() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AccountToken.hash("abc"));
    }

    @Test
    void the_clear_value_is_a_url_safe_32_byte_random_and_differs_from_its_hash() {
        AccountToken.Issued issued = AccountToken.issue(account, TokenPurpose.INVITATION, ISSUE_CLOCK);
        String clear = issued.clearValue();
        assertTrue(clear.matches("[A-Za-z0-9_-]{43}"), clear);
        assertNotEquals(clear, AccountToken.hash(clear));
        assertEquals(64, AccountToken.hash(clear).length());
    }

    @Test
    void two_issued_tokens_have_different_clear_values() {
        String first = AccountToken.issue(account, TokenPurpose.INVITATION, ISSUE_CLOCK)
                .clearValue();
        String second = AccountToken.issue(account, TokenPurpose.INVITATION, ISSUE_CLOCK)
                .clearValue();
        assertNotEquals(first, second);
    }

    @Test
    void an_issued_token_belongs_to_its_account_and_purpose() {
        AccountToken token = AccountToken.issue(account, TokenPurpose.PASSWORD_RESET, ISSUE_CLOCK)
                .token();
        assertSame(account, token.getAccount());
        assertEquals(TokenPurpose.PASSWORD_RESET, token.getPurpose());
        assertNull(token.getUsedAt());
    }

    @Test
    void an_invitation_lasts_fourteen_days() {
        AccountToken token = AccountToken.issue(account, TokenPurpose.INVITATION, ISSUE_CLOCK)
                .token();
        assertEquals(ISSUED_AT.plus(Duration.ofDays(14)), token.getExpiresAt());
    }

    @Test
    void a_password_reset_lasts_two_hours() {
        AccountToken token = AccountToken.issue(account, TokenPurpose.PASSWORD_RESET, ISSUE_CLOCK)
                .token();
        assertEquals(ISSUED_AT.plus(Duration.ofHours(2)), token.getExpiresAt());
    }

    @ParameterizedTest
    @EnumSource(TokenPurpose.class)
    void a_token_is_usable_one_nanosecond_before_expiry(TokenPurpose purpose) {
        AccountToken token = AccountToken.issue(account, purpose, ISSUE_CLOCK).token();
        assertTrue(token.isUsable(at(ISSUED_AT.plus(purpose.validity()).minusNanos(1))));
    }

    @ParameterizedTest
    @EnumSource(TokenPurpose.class)
    void a_token_is_not_usable_exactly_at_expiry(TokenPurpose purpose) {
        AccountToken token = AccountToken.issue(account, purpose, ISSUE_CLOCK).token();
        assertFalse(token.isUsable(at(ISSUED_AT.plus(purpose.validity()))));
    }

    @ParameterizedTest
    @EnumSource(TokenPurpose.class)
    void a_token_is_not_usable_after_expiry(TokenPurpose purpose) {
        AccountToken token = AccountToken.issue(account, purpose, ISSUE_CLOCK).token();
        assertFalse(token.isUsable(at(ISSUED_AT.plus(purpose.validity()).plus(Duration.ofDays(1)))));
    }

    @Test
    void using_a_token_records_when_and_spends_it() {
        AccountToken token = AccountToken.issue(account, TokenPurpose.INVITATION, ISSUE_CLOCK)
                .token();
        Clock nextDay = Clock.offset(ISSUE_CLOCK, Duration.ofDays(1));
        token.use(nextDay);
        assertEquals(nextDay.instant(), token.getUsedAt());
        assertFalse(token.isUsable(nextDay));
    }

    @Test
    void a_token_cannot_be_used_twice() {
        AccountToken token = AccountToken.issue(account, TokenPurpose.PASSWORD_RESET, ISSUE_CLOCK)
                .token();
        token.use(ISSUE_CLOCK);
        Clock aMinuteLater = Clock.offset(ISSUE_CLOCK, Duration.ofMinutes(1));
        assertThrows(IllegalStateException.class, () -> token.use(aMinuteLater));
        assertEquals(ISSUED_AT, token.getUsedAt());
    }

    @Test
    void an_expired_token_cannot_be_used() {
        AccountToken token = AccountToken.issue(account, TokenPurpose.PASSWORD_RESET, ISSUE_CLOCK)
                .token();
        assertThrows(IllegalStateException.class, () -> token.use(at(token.getExpiresAt())));
        assertNull(token.getUsedAt());
    }
}
