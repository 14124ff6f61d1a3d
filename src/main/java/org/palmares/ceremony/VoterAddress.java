package org.palmares.ceremony;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * A voter's e-mail address reduced to one form per mailbox, so that {@code Jean.Dupont+vote@GMail.com} and
 * {@code jeandupont@gmail.com} count as the same voter: trimmed, lower case, plus-tag removed, Gmail dots removed,
 * domain in its ASCII (IDN) form.
 */
public record VoterAddress(String local, String domain) {
    private static final int MAX_LENGTH = 254;

    /** The normalised address, or empty when the text is not a plausible e-mail address. */
    public static Optional<VoterAddress> parse(String text) {
        if (text == null) return Optional.empty();
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) return Optional.empty();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) return Optional.empty();
        String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = asciiDomain(trimmed.substring(at + 1));
        if (domain == null) return Optional.empty();
        if (local.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '"')) {
            return Optional.empty();
        }
        int plus = local.indexOf('+');
        if (plus == 0) return Optional.empty();
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("googlemail.com")) domain = "gmail.com";
        if (domain.equals("gmail.com")) local = local.replace(".", "");
        if (local.isEmpty()) return Optional.empty();
        return Optional.of(new VoterAddress(local, domain));
    }

    private static String asciiDomain(String raw) {
        String domain = raw.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) domain = domain.substring(0, domain.length() - 1);
        try {
            domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return null;
        }
        if (!domain.contains(".") || domain.startsWith(".") || domain.contains("..")) return null;
        return domain;
    }

    /** The one text the voter's hash is computed from. */
    public String normalised() {
        return local + "@" + domain;
    }

    @Override
    public String toString() {
        return normalised();
    }
}
