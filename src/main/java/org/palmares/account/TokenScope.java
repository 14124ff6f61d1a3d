package org.palmares.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an API token may do on behalf of its owner: read only, or everything the owner may do. */
public enum TokenScope {
    /** Safe methods only (GET, HEAD, OPTIONS): reports and exports for scripts that must change nothing. */
    READ,
    /** Every method. */
    WRITE;

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** Whether a call with this HTTP method is within the scope. */
    public boolean allows(String httpMethod) {
        return this == WRITE || (httpMethod != null && SAFE.contains(httpMethod.toUpperCase(Locale.ROOT)));
    }

    /** Whether a call with this HTTP method can change something (and so is audited one by one). */
    public static boolean isWrite(String httpMethod) {
        return httpMethod == null || !SAFE.contains(httpMethod.toUpperCase(Locale.ROOT));
    }

    /** The scope named {@code read} or {@code write} (any case), if it is one. */
    public static Optional<TokenScope> of(String name) {
        if (name == null) return Optional.empty();
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "READ" -> Optional.of(READ);
            case "WRITE" -> Optional.of(WRITE);
            default -> Optional.empty();
        };
    }
}
