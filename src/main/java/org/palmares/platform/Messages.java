package org.palmares.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the message bundles ({@code i18n/messages_fr}, {@code i18n/messages_en}) outside of views. */
public final class Messages {
    public static final String BUNDLE = "i18n.messages";
    public static final Locale DEFAULT = Locale.FRENCH;

    private Messages() {}

    /** An argument that is itself a message of the bundles, put in the reader's language when the text is made. */
    public record Key(String key) {}

    /** Several such messages, joined as a list ("a, b, c"). */
    public record Keys(java.util.List<String> keys) {}

    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported(locale)).getString(key);
            if (args.length == 0) return pattern;
            Object[] resolved = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Key k) resolved[i] = get(locale, k.key());
                else if (args[i] instanceof Keys ks) {
                    resolved[i] = String.join(
                            ", ", ks.keys().stream().map(k -> get(locale, k)).toList());
                } else resolved[i] = args[i];
            }
            return new MessageFormat(pattern, locale).format(resolved);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The English text when English is asked for and there is one, else the French one. */
    public static String pick(Locale locale, String french, String english) {
        return supported(locale) == Locale.ENGLISH && english != null && !english.isBlank() ? english : french;
    }

    /** French unless English is asked for: the two languages Palmarès speaks. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : DEFAULT;
    }
}
