package org.palmares.edition.transfer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names an anonymised edition gives its people: "Juré 3", "Membre 2", and addresses that reach no one. */
public final class Pseudonyms {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private Pseudonyms() {}

    public static String juror(int n) {
        return "Juré " + n;
    }

    public static String member(int n) {
        return "Membre " + n;
    }

    /** An address under the reserved {@code .invalid} domain: unique per edition and person, never delivered. */
    public static String email(String kind, int n, long edition) {
        return kind + "-" + n + ".e" + edition + EditionAnonymisation.DOMAIN;
    }

    /** A voter's stand-in hash: unique per row (the unique keys hold), tied to no one. */
    public static String voter(String table, long id) {
        return "anonymised-" + table.charAt(0) + id;
    }

    /** Replaces every e-mail the map knows (lower case) by its pseudonym; other text stays. */
    public static String replaceEmails(String text, Map<String, String> pseudonyms) {
        if (text == null || pseudonyms.isEmpty()) return text;
        Matcher m = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = pseudonyms.getOrDefault(m.group().toLowerCase(java.util.Locale.ROOT), m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
