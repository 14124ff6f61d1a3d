package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.palmares.edition.Category;
import org.palmares.edition.Deadline;
import org.palmares.edition.Edition;

class CompletenessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-04-02T08:00:00Z"), ZoneOffset.UTC);
    private final Edition edition = new Edition("TC2019", 2019, "T", "T", "Europe/Paris", CLOCK);
    private final Category category = withId(edition.addCategory("SOC", "Social", "Social"), 1L);
    private final Territory territory = new Territory("PLIE", TerritoryKind.PLIE, "IDF", "75", CLOCK);

    private static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Question question(long id, String label, QuestionKind kind, boolean required) {
        return withId(new Question(category, label, label + " (en)", kind, required, (int) id), id);
    }

    @Test
    void a_draft_lacks_its_summary_and_every_required_answer_but_not_optional_ones() {
        var nomination = new Nomination(category, territory, 0, "Titre", CLOCK);
        Question budget = question(1, "Budget", QuestionKind.NUMBER, true);
        Question partners = question(2, "Partenaires", QuestionKind.LONG_TEXT, true);
        Question website = question(3, "Site web", QuestionKind.TEXT, false);

        assertEquals(
                List.of("Résumé du projet", "Budget", "Partenaires"),
                Completeness.missing(nomination, List.of(budget, partners, website), Locale.FRENCH));

        nomination.edit("Titre", "Un résumé", CLOCK);
        nomination.answer(budget, "12000", CLOCK);
        nomination.answer(partners, "   ", CLOCK);
        assertEquals(
                List.of("Partenaires (en)"),
                Completeness.missing(nomination, List.of(budget, partners, website), Locale.ENGLISH));

        nomination.answer(partners, "La mairie", CLOCK);
        assertTrue(Completeness.missing(nomination, List.of(budget, partners, website), Locale.FRENCH)
                .isEmpty());
    }

    @Test
    void answers_are_checked_for_their_kind_but_blank_is_fine_in_a_draft() {
        Question number = question(1, "Budget", QuestionKind.NUMBER, true);
        Question date = question(2, "Début", QuestionKind.DATE, true);
        Question choice = question(3, "Public", QuestionKind.CHOICE, true);
        choice.setChoices("Jeunes\nSeniors");
        assertTrue(number.problemWith("").isEmpty());
        assertTrue(number.problemWith("12,5").isEmpty());
        assertEquals("question.answer.number", number.problemWith("douze").orElseThrow());
        assertTrue(date.problemWith("2019-03-01").isEmpty());
        assertEquals("question.answer.date", date.problemWith("01/03/2019").orElseThrow());
        assertTrue(choice.problemWith("Seniors").isEmpty());
        assertEquals("question.answer.choice", choice.problemWith("Autres").orElseThrow());
        Question text = question(4, "Nom", QuestionKind.TEXT, false);
        assertEquals(
                "question.answer.tooLong", text.problemWith("x".repeat(501)).orElseThrow());
    }

    @Test
    void the_time_left_counts_down_to_the_deadline_in_the_editions_zone_and_then_says_it_passed() {
        var deadline = new Deadline(LocalDateTime.of(2019, 4, 30, 23, 59), ZoneId.of("Europe/Paris"));
        // 30 April 23:59 in Paris is 21:59 UTC (summer time).
        Clock before = Clock.fixed(Instant.parse("2019-04-28T20:58:00Z"), ZoneOffset.UTC);
        assertEquals("2 days and 1 hour left.", NominationBacking.timeLeft(deadline, before, Locale.ENGLISH));
        assertEquals("Il reste 2 jours et 1 heure.", NominationBacking.timeLeft(deadline, before, Locale.FRENCH));
        Clock oneSecondAfter = Clock.fixed(Instant.parse("2019-04-30T21:59:01Z"), ZoneOffset.UTC);
        assertEquals("The deadline has passed.", NominationBacking.timeLeft(deadline, oneSecondAfter, Locale.ENGLISH));
        assertTrue(deadline.isPassed(oneSecondAfter));
        assertTrue(!deadline.isPassed(Clock.offset(oneSecondAfter, Duration.ofSeconds(-2))));
    }
}
