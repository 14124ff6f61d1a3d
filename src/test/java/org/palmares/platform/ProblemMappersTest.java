package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemMappersTest {
    private static <T extends Throwable> T thrownAt(T e, String... frames) {
        StackTraceElement[] trace = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            int dot = frames[i].lastIndexOf('.');
            trace[i] = new StackTraceElement(frames[i].substring(0, dot), frames[i].substring(dot + 1), null, -1);
        }
        e.setStackTrace(trace);
        return e;
    }

    @ParameterizedTest(name = "{0} at {1} then {2}: caller''s mistake = {3}")
    @CsvSource({
        "iae, java.net.URLDecoder.decode, org.palmares.nomination.NominationResource.upload, true",
        "nfe, java.lang.Long.parseLong, org.palmares.scoring.ScoringResource.update, true",
        "date, java.time.format.DateTimeFormatter.parse, org.palmares.edition.EditionResource.x, true",
        "nfe, java.lang.Long.parseLong, org.palmares.nomination.NominationService.search, false",
        "iae, org.palmares.nomination.NominationResource.create, org.palmares.nomination.NominationResource.x, false",
        "iae, java.util.Objects.checkIndex, org.eclipse.persistence.Query.x, false"
    })
    void a_jdk_parse_failing_in_a_resource_is_a_400_and_anywhere_else_a_500(
            String kind, String thrower, String caller, boolean callersMistake) {
        Throwable e = switch (kind) {
            case "nfe" -> new NumberFormatException("For input string: \"abc\"");
            case "date" -> new java.time.format.DateTimeParseException("bad", "x", 0);
            default -> new IllegalArgumentException("URLDecoder: Illegal hex characters");
        };
        assertEquals(callersMistake, ProblemMappers.unparsedInput(thrownAt(e, thrower, caller)));
    }

    @ParameterizedTest(name = "a ClassCastException at {0}: from JSON = {1}")
    @CsvSource({
        "org.eclipse.parsson.JsonObjectBuilderImpl$JsonObjectImpl.getJsonNumber, true",
        "jakarta.json.JsonValue.asJsonObject, true",
        "org.palmares.tally.Tally.rank, false"
    })
    void a_class_cast_exception_of_json_p_is_a_400_and_any_other_a_500(String thrower, boolean fromJson) {
        assertEquals(fromJson, ProblemMappers.unreadJsonValue(thrownAt(new ClassCastException(), thrower)));
    }
}
