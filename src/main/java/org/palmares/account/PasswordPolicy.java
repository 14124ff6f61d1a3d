package org.palmares.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: long enough to resist guessing, not the e-mail address, not one of the
 * passwords everybody tries first. Length beats composition rules (NIST SP 800-63B), so there is no
 * "one digit, one capital" rule.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of(
            "motdepasse123",
            "motdepasse1234",
            "password1234",
            "password12345",
            "123456789012",
            "azertyuiop12",
            "azertyuiop123",
            "qwertyuiop12",
            "palmares2019",
            "palmarespalmares",
            "soleil123456",
            "bonjour12345",
            "iloveyou1234",
            "administrateur",
            "passwordpassword",
            "000000000000",
            "111111111111");

    private PasswordPolicy() {}

    /** The message keys of the rules the password breaks; empty when it is acceptable. */
    public static List<String> check(String password, String email) {
        List<String> broken = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            broken.add("password.tooShort");
            return broken;
        }
        if (password.length() > MAX_LENGTH) broken.add("password.tooLong");
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) broken.add("password.common");
        if (password.chars().distinct().count() < 5) broken.add("password.repetitive");
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (lower.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                broken.add("password.containsEmail");
            }
        }
        return broken;
    }
}
