package org.palmares.ceremony;

import java.util.Optional;
import org.palmares.platform.EmailAddress;

/**
 * A voter's e-mail address reduced to one form per mailbox, so that {@code Jean.Dupont+vote@GMail.com} and
 * {@code jeandupont@gmail.com} count as the same voter: only a plain address is taken ({@link EmailAddress}: no
 * comment, list, quoted or Unicode local part, look-alike or invisible character), then the plus-tag is removed, Gmail
 * dots are removed and googlemail.com is gmail.com. The code is mailed to this same form, so the mailbox that receives
 * it is the one that is counted.
 */
public record VoterAddress(String local, String domain) {
    /** The normalised address, or empty when the text is not one plain e-mail address. */
    public static Optional<VoterAddress> parse(String text) {
        return EmailAddress.parse(text).flatMap(VoterAddress::mailbox);
    }

    private static Optional<VoterAddress> mailbox(EmailAddress address) {
        String local = address.local();
        String domain = address.domain();
        int plus = local.indexOf('+');
        if (plus == 0) return Optional.empty();
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("googlemail.com")) domain = "gmail.com";
        if (domain.equals("gmail.com")) local = local.replace(".", "");
        // What is left must still be a plain address ("a.+x@example.org" would leave "a."): it is where the code goes.
        return EmailAddress.of(local, domain).map(a -> new VoterAddress(a.local(), a.domain()));
    }

    /** The one text the voter's hash is computed from, and the address the code is mailed to. */
    public String normalised() {
        return local + "@" + domain;
    }

    @Override
    public String toString() {
        return normalised();
    }
}
