package org.palmares.nomination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.palmares.platform.Messages;

/** What a nomination still lacks before it can be submitted: its summary and every required answer. */
public final class Completeness {
    private Completeness() {}

    /** The names of the missing items, in the order of the form, in the reader's language. */
    public static List<String> missing(Nomination nomination, List<Question> questions, Locale locale) {
        List<String> missing = new ArrayList<>();
        if (nomination.getTitle() == null || nomination.getTitle().isBlank()) {
            missing.add(Messages.get(locale, "nomination.title"));
        }
        if (nomination.getSummary() == null || nomination.getSummary().isBlank()) {
            missing.add(Messages.get(locale, "nomination.summary"));
        }
        for (Question question : questions) {
            if (question.isRequired()
                    && nomination.answerTo(question).map(Answer::isBlank).orElse(true)) {
                missing.add(question.label(locale));
            }
        }
        return missing;
    }
}
