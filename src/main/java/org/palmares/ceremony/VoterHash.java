package org.palmares.ceremony;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a voter's normalised address: the same mailbox always gives the same 64 hex digits,
 * and without the secret nobody can tell which address a hash stands for, even by trying a list of addresses.
 */
public final class VoterHash {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public VoterHash(byte[] secret) {
        if (secret == null || secret.length < 16) throw new IllegalArgumentException("secret too short");
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String of(VoterAddress address) {
        return hex(address.normalised());
    }

    /** The same keyed hash of any other text (a verification code, a link token), so none is stored in clear. */
    public String hex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
