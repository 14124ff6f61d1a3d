package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    /** A lone apostrophe starts a quoted part in MessageFormat: the text after it loses its arguments. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void no_message_with_arguments_holds_an_apostrophe_that_message_format_would_eat() {
        List<String> wrong = new ArrayList<>();
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale);
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                if (ARGUMENT.matcher(value).find()
                        && LONE_APOSTROPHE.matcher(value).find()) {
                    wrong.add(locale + " " + key);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "use ’ or '' in: " + wrong);
    }

    @Test
    void french_and_english_bundles_have_the_same_keys() {
        var fr = ResourceBundle.getBundle(Messages.BUNDLE, Locale.FRENCH).keySet();
        var en = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH).keySet();
        assertEquals(new java.util.TreeSet<>(fr), new java.util.TreeSet<>(en));
    }

    @Test
    void arguments_are_filled_in_after_an_apostrophe() {
        assertTrue(Messages.get(Locale.FRENCH, "phase.advanced", "Jury").contains("« Jury »"));
    }
}
