package org.palmares.platform;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for what Palmarès takes as an e-mail address: a single plain mailbox, {@code local@domain}, as
 * accounts, forms and the public vote accept it and as the {@link Mailer} will deliver to it. Pure: knows no feature.
 *
 * <ul>
 *   <li>Local part: an RFC 5321 dot-atom of ASCII atext (letters, digits and {@code !#$%&'*+-/=?^_`{|}~}), dots
 *       neither first, last nor doubled, at most 64 characters. No quoted local parts, no comments, no Unicode: an
 *       address that needs any of these is refused, because mail software reads them in ways that differ (a comment
 *       dropped, a list split) and one mailbox could then pass for many.
 *   <li>Domain: host names only (no {@code [127.0.0.1]} literal, no numeric top level), labels of letters, digits and
 *       inner hyphens. An international domain name is accepted when written in its canonical Unicode form (NFKC,
 *       letters, marks and digits only: no fullwidth or zero-width characters) and kept in its ASCII form ({@code
 *       café.fr} is {@code xn--caf-dma.fr}); the dots are ASCII dots. No trailing dot.
 *   <li>Surrounding white space is ignored; case is not significant (both parts are kept in lower case: providers
 *       treat the local part without case, and so must lookups). At most 254 characters in all.
 * </ul>
 */
public record EmailAddress(String local, String domain) {
    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    public EmailAddress {
        // Only the one form: lower case, ASCII domain; parse and of make it from what people type.
        boolean canonical = isDotAtom(local)
                && local.equals(local.toLowerCase(Locale.ROOT))
                && domain != null
                && domain.equals(asciiDomain(domain))
                && (local + "@" + domain).length() <= MAX_LENGTH;
        if (!canonical) {
            throw new IllegalArgumentException("not a plain e-mail address in its one form");
        }
    }

    /** The address in its one form, or empty when the text is not exactly one plain address. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) return Optional.empty();
        String trimmed = text.strip();
        // Checked on the text as typed too: no look-alike form may be long enough to pass after it shrinks.
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) return Optional.empty();
        int at = trimmed.indexOf('@');
        if (at <= 0 || at != trimmed.lastIndexOf('@')) return Optional.empty();
        String local = trimmed.substring(0, at);
        if (!isDotAtom(local)) return Optional.empty();
        String domain = asciiDomain(trimmed.substring(at + 1));
        if (domain == null) return Optional.empty();
        return of(local.toLowerCase(Locale.ROOT), domain);
    }

    /** The address of these parts if they make a plain address (e.g. a local part once a tag is cut off). */
    public static Optional<EmailAddress> of(String local, String domain) {
        if (!isDotAtom(local)) return Optional.empty();
        String ascii = asciiDomain(domain);
        if (ascii == null || (local + "@" + ascii).length() > MAX_LENGTH) return Optional.empty();
        return Optional.of(new EmailAddress(local.toLowerCase(Locale.ROOT), ascii));
    }

    /**
     * The form an address is kept and compared in: its one form when it is plain; otherwise only trimmed and
     * lower-cased (as addresses were kept before this rule), so that looking it up finds nothing rather than fails.
     */
    public static String normalise(String text) {
        if (text == null) return null;
        return parse(text).map(EmailAddress::text).orElseGet(() -> text.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the text is exactly one plain address (white space around it aside). */
    public static boolean isPlain(String text) {
        return parse(text).isPresent();
    }

    /** {@code local@domain}, the domain in ASCII: the form stored, compared, hashed and mailed to. */
    public String text() {
        return local + "@" + domain;
    }

    @Override
    public String toString() {
        return text();
    }

    static boolean isDotAtom(String local) {
        if (local == null || local.isEmpty() || local.length() > MAX_LOCAL) return false;
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) return false;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean atext = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || ATEXT_SYMBOLS.indexOf(c) >= 0;
            if (!atext) return false;
        }
        return true;
    }

    /** The domain in lower-case ASCII, or null when it is no plain host name. */
    static String asciiDomain(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) return null;
        String[] labels = raw.split("\\.", -1);
        if (labels.length < 2) return null;
        StringBuilder ascii = new StringBuilder();
        for (String label : labels) {
            String converted = asciiLabel(label);
            if (converted == null) return null;
            if (!ascii.isEmpty()) ascii.append('.');
            ascii.append(converted);
        }
        String top = ascii.substring(ascii.lastIndexOf(".") + 1);
        if (top.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        return ascii.length() > MAX_LENGTH ? null : ascii.toString();
    }

    private static String asciiLabel(String label) {
        if (label.isEmpty()) return null;
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.chars().anyMatch(c -> c > 0x7f)) {
            // Only the canonical form of letters, marks and digits: fullwidth, compatibility, zero-width, space and
            // punctuation characters (among them the ideographic full stop IDN would read as a dot) are refused.
            if (!Normalizer.isNormalized(lower, Normalizer.Form.NFKC)) return null;
            boolean plain = lower.codePoints().allMatch(c -> c == '-' || Character.isLetterOrDigit(c) || isMark(c));
            if (!plain) return null;
            try {
                lower = IDN.toASCII(lower, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException notALabel) {
                return null;
            }
        }
        if (lower.isEmpty() || lower.length() > MAX_LABEL) return null;
        if (lower.startsWith("-") || lower.endsWith("-")) return null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return null;
        }
        return lower;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
