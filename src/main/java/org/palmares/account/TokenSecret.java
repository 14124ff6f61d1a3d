package org.palmares.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The clear value of an API token: {@code plm_} and 32 random bytes in base64url (43 characters). The prefix makes
 * a leaked token easy to recognise (secret scanners, logs); the first characters after it are kept as a non-secret
 * label so lists can tell tokens apart without storing them.
 */
public record TokenSecret(String value) {
    public static final String PREFIX = "plm_";
    private static final int RANDOM_BYTES = 32;
    private static final int LABEL_LENGTH = PREFIX.length() + 8;
    private static final Pattern FORMAT = Pattern.compile("plm_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TokenSecret {
        if (value == null || !FORMAT.matcher(value).matches()) throw new IllegalArgumentException("Not a token");
    }

    /** A new secret from the system's strong random source. */
    public static TokenSecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret an {@code Authorization} header's credentials hold, if they have the shape of one. */
    public static Optional<TokenSecret> parse(String credentials) {
        if (credentials == null) return Optional.empty();
        String v = credentials.strip();
        return FORMAT.matcher(v).matches() ? Optional.of(new TokenSecret(v)) : Optional.empty();
    }

    /**
     * The stored form: SHA-256, hex. A slow password hash (PBKDF2, Argon2) protects guessable passwords; this secret
     * has 256 random bits, so no guessing can find it from its hash, and a fast unsalted hash lets each call find its
     * token by an indexed lookup instead of paying a deliberately slow hash per request.
     */
    public String hash() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-secret start shown in lists, e.g. {@code plm_Xa3k9QzB}. */
    public String label() {
        return value.substring(0, LABEL_LENGTH);
    }

    /** Never the secret itself: a record's default text would end up in a log. */
    @Override
    public String toString() {
        return label() + "…";
    }
}
