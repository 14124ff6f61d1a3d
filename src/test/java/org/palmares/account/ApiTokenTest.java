package org.palmares.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Account owner = new Account("organisateur@example.org", "Orga", CLOCK);

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void a_secret_has_the_plm_prefix_and_43_base64url_characters_and_is_never_the_same_twice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = TokenSecret.generate().value();
            assertTrue(value.matches("plm_[A-Za-z0-9_-]{43}"), value);
            assertTrue(seen.add(value));
        }
    }

    @Test
    void a_header_value_is_parsed_only_when_it_has_the_shape_of_a_token() {
        String value = TokenSecret.generate().value();
        assertEquals(Optional.of(new TokenSecret(value)), TokenSecret.parse("  " + value + " "));
        assertTrue(TokenSecret.parse(null).isEmpty());
        assertTrue(TokenSecret.parse("").isEmpty());
        assertTrue(TokenSecret.parse(value.substring(0, value.length() - 1)).isEmpty(), "too short");
        assertTrue(TokenSecret.parse(value + "A").isEmpty(), "too long");
        assertTrue(TokenSecret.parse("xyz_" + value.substring(4)).isEmpty(), "wrong prefix");
        assertTrue(
                TokenSecret.parse(value.substring(0, 10) + "+" + value.substring(11))
                        .isEmpty(),
                "not base64url");
    }

    @Test
    void the_hash_is_the_hex_sha256_of_the_secret_and_the_label_is_its_non_secret_start() {
        TokenSecret secret = new TokenSecret("plm_" + "A".repeat(43));
        assertEquals(java.util.HexFormat.of().formatHex(sha256(secret.value())), secret.hash());
        assertEquals(64, secret.hash().length());
        assertEquals("plm_AAAAAAAA", secret.label());
        assertFalse(secret.toString().contains(secret.value()), "toString never prints the secret");
        assertNotEquals(secret.hash(), TokenSecret.generate().hash());
    }

    @Test
    void a_read_token_allows_only_safe_methods_and_a_write_token_all() {
        for (String safe : List.of("GET", "get", "HEAD", "OPTIONS")) {
            assertTrue(TokenScope.READ.allows(safe), safe);
            assertFalse(TokenScope.isWrite(safe), safe);
        }
        for (String write : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertFalse(TokenScope.READ.allows(write), write);
            assertTrue(TokenScope.WRITE.allows(write), write);
            assertTrue(TokenScope.isWrite(write), write);
        }
        assertEquals(Optional.of(TokenScope.WRITE), TokenScope.of(" Write "));
        assertTrue(TokenScope.of("admin").isEmpty());
    }

    @Test
    void a_token_works_until_it_expires_or_is_revoked() {
        TokenSecret secret = TokenSecret.generate();
        ApiToken token = new ApiToken("export", secret, owner, TokenScope.READ, NOW, NOW.plus(Duration.ofDays(90)));
        assertEquals(secret.hash(), tokenHash(token));
        assertEquals(secret.label(), token.getLabel());
        assertTrue(token.isActive(CLOCK));
        Instant expiry = NOW.plus(Duration.ofDays(90));
        assertTrue(token.isActive(at(expiry.minusSeconds(1))));
        assertFalse(token.isActive(at(expiry)), "expired at its expiry instant");
        assertTrue(token.isExpired(at(expiry)));
        token.revoke("organisateur@example.org", at(NOW.plusSeconds(60)));
        assertFalse(token.isActive(CLOCK));
        assertEquals(NOW.plusSeconds(60), token.getRevokedAt());
        token.revoke("someone.else@example.org", at(NOW.plusSeconds(120)));
        assertEquals("organisateur@example.org", token.getRevokedBy(), "revoking again changes nothing");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 367})
    void a_token_cannot_be_given_no_life_or_more_than_a_year(long days) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ApiToken(
                        "x", TokenSecret.generate(), owner, TokenScope.READ, NOW, NOW.plus(Duration.ofDays(days))));
    }

    private static String tokenHash(ApiToken token) {
        try {
            var field = ApiToken.class.getDeclaredField("secretHash");
            field.setAccessible(true);
            return (String) field.get(token);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
