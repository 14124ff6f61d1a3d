package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Real plurals in both bundles: no "jour(s)", and every choice pattern says something for 0, 1, 2 and 12. */
class PluralsTest {
    private static final Pattern PARENTHESISED_PLURAL = Pattern.compile("\\((s|x|es|ies|e\\)?\\(s)\\)");

    @Test
    void no_text_writes_a_plural_as_a_parenthesised_s() {
        List<String> wrong = new ArrayList<>();
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale);
            for (String key : bundle.keySet()) {
                if (PARENTHESISED_PLURAL.matcher(bundle.getString(key)).find()) wrong.add(locale + " " + key);
            }
        }
        assertTrue(wrong.isEmpty(), "use {0,choice,…} in: " + wrong);
    }

    @Test
    void every_choice_pattern_formats_whatever_the_count() {
        List<String> wrong = new ArrayList<>();
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale);
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                if (!pattern.contains(",choice,")) continue;
                for (long n : new long[] {0, 1, 2, 12}) {
                    Object[] args = new Object[8];
                    java.util.Arrays.fill(args, n);
                    try {
                        String text = new MessageFormat(pattern, locale).format(args);
                        if (text.contains("{") || text.isBlank()) wrong.add(locale + " " + key + " (" + n + ")");
                    } catch (IllegalArgumentException e) {
                        wrong.add(locale + " " + key + " (" + n + "): " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "choice patterns that fail: " + wrong);
    }
}
