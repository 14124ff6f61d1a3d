package org.palmares.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A single-use, expiring link token (invitation or password reset). Only the SHA-256 of the token is stored,
 * so a copy of the database gives no usable link.
 */
@Entity
public class AccountToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    private TokenPurpose purpose;

    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected AccountToken() {}

    private AccountToken(Account account, TokenPurpose purpose, String tokenHash, Clock clock) {
        this.account = account;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = clock.instant();
        this.expiresAt = createdAt.plus(purpose.validity());
    }

    /** A new token and its clear value, which goes into the e-mailed link and nowhere else. */
    public static Issued issue(Account account, TokenPurpose purpose, Clock clock) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String clear = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new AccountToken(account, purpose, hash(clear), clock), clear);
    }

    public static String hash(String clear) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(clear.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isUsable(Clock clock) {
        return usedAt == null && clock.instant().isBefore(expiresAt);
    }

    /** Spends the token; a token is good for one use only. */
    public void use(Clock clock) {
        if (!isUsable(clock)) {
            throw new IllegalStateException("Token already used or expired");
        }
        usedAt = clock.instant();
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public TokenPurpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    /** A token with the clear value to send. */
    public record Issued(AccountToken token, String clearValue) {}
}
