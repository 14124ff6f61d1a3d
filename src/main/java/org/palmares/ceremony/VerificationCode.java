package org.palmares.ceremony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/** The six-digit code and the link token a voter receives by e-mail, and how a typed code is compared. */
public final class VerificationCode {
    /** How long a code or a link stays valid. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** Wrong codes tolerated for one ballot; after that the ballot is spent and the voter must start again. */
    public static final int MAX_ATTEMPTS = 5;

    private VerificationCode() {}

    public static String newCode(SecureRandom random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** An unguessable URL-safe token (256 bits) for the link in the e-mail or the ballot's public id. */
    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the voter typed, reduced to its digits (spaces and dashes are forgiven), or empty. */
    public static String clean(String typed) {
        if (typed == null) return "";
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.matches("\\d{6}") ? digits : "";
    }

    /** Compares two hashes in constant time, so the answer's timing tells nothing about how close a guess was. */
    public static boolean sameHash(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
