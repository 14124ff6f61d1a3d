package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AssignmentInstanceTest {

    /** The issue's example, with the jurors and nominations its conflict and lock name, and enough jurors for R=3. */
    private static final String ISSUE_EXAMPLE = """
            {"reviewsPerNomination":3, "weights":{"missingExpertise":10,"sameRegion":3,"balance":1},
             "jurors":[{"id":"j1","capacity":12,"region":"ARA","expertise":["SOC","MIX"]},
                       {"id":"j2","capacity":5,"region":"IDF","expertise":["ENV"]},
                       {"id":"j3","capacity":5,"region":"OCC","expertise":["ENV","SOC"]},
                       {"id":"j4","capacity":4}],
             "nominations":[{"id":"n1","category":"SOC","region":"IDF","reviews":3},
                            {"id":"n3","category":"MIX","region":"ARA"},
                            {"id":"n7","category":"ENV","region":"OCC","reviews":1}],
             "conflicts":[["j1","n7"]], "locked":[["j2","n3"]]}
            """;

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject solution(String instance) {
        return AssignmentInstance.solutionOf(AssignmentInstance.parse(instance).solve());
    }

    private static List<List<String>> assignments(JsonObject solution) {
        return solution.getJsonArray("assignments").stream()
                .map(pair -> pair.asJsonArray().getValuesAs(JsonString::getString))
                .toList();
    }

    private static String refusal(String instance) {
        return assertThrows(InvalidInstanceException.class, () -> AssignmentInstance.parse(instance))
                .getMessage();
    }

    private static void assertRefused(String instance, String... expectedInMessage) {
        String message = refusal(instance);
        for (String expected : expectedInMessage) {
            assertTrue(message.contains(expected), () -> "\"" + message + "\" should mention \"" + expected + "\"");
        }
        assertFalse(message.contains("\n"), () -> "\"" + message + "\" should be one line");
    }

    // Reading

    @Test
    void the_issue_example_reads_into_the_problem_it_describes() {
        AssignmentInstance instance = AssignmentInstance.parse(ISSUE_EXAMPLE);
        AssignmentProblem problem = instance.problem();

        assertEquals(3, instance.reviewsPerNomination());
        assertEquals(new Weights(10, 3, 1), problem.weights());
        assertEquals(
                List.of(
                        new JurorSlot("j1", 12, "ARA", Set.of("SOC", "MIX")),
                        new JurorSlot("j2", 5, "IDF", Set.of("ENV")),
                        new JurorSlot("j3", 5, "OCC", Set.of("ENV", "SOC")),
                        new JurorSlot("j4", 4, null, Set.of())),
                problem.jurors());
        assertEquals(
                List.of(
                        new NominationNeed("n1", "SOC", "IDF", 3),
                        new NominationNeed("n3", "MIX", "ARA", 3),
                        new NominationNeed("n7", "ENV", "OCC", 1)),
                problem.nominations());
        assertEquals(Set.of(Pair.of("j1", "n7")), problem.forbidden());
        assertEquals(Set.of(Pair.of("j2", "n3")), problem.kept());
    }

    @Test
    void the_issue_example_as_printed_is_refused_because_its_conflict_names_an_unknown_nomination() {
        assertRefused("""
                {"reviewsPerNomination":3, "weights":{"missingExpertise":10,"sameRegion":3,"balance":1},
                 "jurors":[{"id":"j1","capacity":12,"region":"ARA","expertise":["SOC","MIX"]}],
                 "nominations":[{"id":"n1","category":"SOC","region":"IDF","reviews":3}],
                 "conflicts":[["j1","n7"]], "locked":[["j2","n3"]]}
                """, "conflicts[0]", "unknown nomination \"n7\"");
    }

    @Test
    void omitted_fields_take_the_edition_defaults() {
        AssignmentInstance instance = AssignmentInstance.parse("""
                {"jurors":[{"id":"j1","capacity":2}], "nominations":[{"id":"n1","category":"SOC"}]}
                """);
        AssignmentProblem problem = instance.problem();

        assertEquals(AssignmentInstance.DEFAULT_REVIEWS_PER_NOMINATION, instance.reviewsPerNomination());
        assertEquals(Weights.DEFAULT, problem.weights());
        assertEquals(new JurorSlot("j1", 2, null, Set.of()), problem.jurors().get(0));
        assertEquals(
                new NominationNeed("n1", "SOC", null, 3), problem.nominations().get(0));
        assertTrue(problem.forbidden().isEmpty());
        assertTrue(problem.kept().isEmpty());
    }

    @Test
    void a_weight_left_out_keeps_its_default_and_null_counts_as_left_out() {
        AssignmentProblem problem = AssignmentInstance.parse("""
                        {"weights":{"sameRegion":7,"balance":null}, "conflicts":null,
                         "jurors":[{"id":"j1","capacity":2,"region":null,"expertise":null}],
                         "nominations":[{"id":"n1","category":"SOC","reviews":null}]}
                        """).problem();

        assertEquals(new Weights(10, 7, 1), problem.weights());
        assertEquals(new JurorSlot("j1", 2, null, Set.of()), problem.jurors().get(0));
        assertEquals(3, problem.nominations().get(0).required());
    }

    @Test
    void a_nomination_reviews_overrides_reviews_per_nomination() {
        AssignmentProblem problem = AssignmentInstance.parse("""
                        {"reviewsPerNomination":2,
                         "jurors":[{"id":"j1","capacity":2}],
                         "nominations":[{"id":"n1","category":"SOC"},{"id":"n2","category":"SOC","reviews":4},
                                        {"id":"n3","category":"SOC","reviews":0}]}
                        """).problem();

        assertEquals(
                List.of(2, 4, 0),
                problem.nominations().stream().map(NominationNeed::required).toList());
    }

    @Test
    void an_instance_written_then_read_gives_the_same_problem() {
        AssignmentInstance generated = AssignmentBenchmark.edition(40, 12, 7);
        AssignmentInstance read = AssignmentInstance.parse(AssignmentInstance.toReadableText(generated.toJson()));

        assertEquals(generated.problem(), read.problem());
        assertEquals(generated.reviewsPerNomination(), read.reviewsPerNomination());
    }

    // Solving

    @Test
    void a_locked_pair_is_kept_even_when_an_expert_would_cost_less() {
        JsonObject solution = solution("""
                {"reviewsPerNomination":1,
                 "jurors":[{"id":"expert","capacity":1,"expertise":["SOC"]},{"id":"novice","capacity":1}],
                 "nominations":[{"id":"n1","category":"SOC"}],
                 "locked":[["novice","n1"]]}
                """);

        assertEquals("OPTIMAL", solution.getString("status"));
        assertEquals(List.of(List.of("novice", "n1")), assignments(solution));
        assertEquals(1, solution.getInt("kept"));
        assertEquals(0, solution.getInt("added"));
        assertEquals(10, solution.getJsonNumber("objective").longValue());
    }

    @Test
    void a_conflicted_juror_is_never_assigned_even_when_cheapest() {
        JsonObject solution = solution("""
                {"reviewsPerNomination":1,
                 "jurors":[{"id":"expert","capacity":1,"expertise":["SOC"]},{"id":"novice","capacity":1}],
                 "nominations":[{"id":"n1","category":"SOC"}],
                 "conflicts":[["expert","n1"]]}
                """);

        assertEquals("OPTIMAL", solution.getString("status"));
        assertEquals(List.of(List.of("novice", "n1")), assignments(solution));
    }

    @Test
    void the_solution_lists_kept_and_new_pairs_sorted_with_the_objective_load_and_expertise_share() {
        AssignmentInstance instance = AssignmentInstance.parse(ISSUE_EXAMPLE);
        AssignmentPlan plan = instance.solve();
        JsonObject solution = json(AssignmentInstance.toReadableText(AssignmentInstance.solutionOf(plan)));

        assertEquals("OPTIMAL", solution.getString("status"));
        assertEquals(plan.objective(), solution.getJsonNumber("objective").longValue());
        JsonObject cost = solution.getJsonObject("cost");
        assertEquals(
                plan.objective(),
                cost.getJsonNumber("missingExpertise").longValue()
                        + cost.getJsonNumber("sameRegion").longValue()
                        + cost.getJsonNumber("balance").longValue());
        List<List<String>> expected = plan.allAssignments().stream()
                .map(pair -> List.of(pair.jurorId(), pair.nominationId()))
                .toList();
        assertEquals(expected, assignments(solution));
        assertTrue(assignments(solution).contains(List.of("j2", "n3")), "the locked pair is listed");
        assertEquals(plan.allAssignments().size(), solution.getInt("pairs"));
        assertEquals(1, solution.getInt("kept"));
        assertEquals(plan.assignments().size(), solution.getInt("added"));

        JsonObject load = solution.getJsonObject("load");
        int min =
                plan.loads().values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max =
                plan.loads().values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(min, load.getInt("min"));
        assertEquals(max, load.getInt("max"));
        assertEquals(
                0,
                new BigDecimal(plan.allAssignments().size())
                        .divide(new BigDecimal(plan.loads().size()), 2, RoundingMode.HALF_EVEN)
                        .compareTo(load.getJsonNumber("mean").bigDecimalValue()));
        long expert = plan.allAssignments().stream()
                .filter(pair -> plan.problem()
                        .findJuror(pair.jurorId())
                        .orElseThrow()
                        .isExpertIn(plan.problem()
                                .findNomination(pair.nominationId())
                                .orElseThrow()
                                .categoryCode()))
                .count();
        assertEquals(
                (double) expert / plan.allAssignments().size(),
                solution.getJsonNumber("expertiseShare").doubleValue(),
                1e-4);
    }

    @Test
    void the_compact_and_the_readable_solution_are_the_same_json() {
        JsonObject solution = solution(ISSUE_EXAMPLE);

        assertEquals(solution, json(solution.toString()));
        assertEquals(solution, json(AssignmentInstance.toReadableText(solution)));
    }

    @Test
    void an_optimal_solution_has_no_infeasibility_report() {
        JsonObject solution = solution("""
                {"reviewsPerNomination":1, "jurors":[{"id":"j1","capacity":1}], "nominations":[{"id":"n1","category":"SOC"}]}
                """);

        assertEquals("OPTIMAL", solution.getString("status"));
        assertFalse(solution.containsKey("infeasibility"));
    }

    @Test
    void an_infeasible_solution_says_which_nominations_fall_short_why_and_how_many_places_would_fill_them() {
        // 9 dossiers to read and 7 places; n1 can have at most 2 jurors since c and d are in conflict with it.
        JsonObject solution = solution("""
                {"reviewsPerNomination":3,
                 "jurors":[{"id":"a","capacity":3},{"id":"b","capacity":2},{"id":"c","capacity":2},{"id":"d","capacity":0}],
                 "nominations":[{"id":"n1","category":"SOC"},{"id":"n2","category":"SOC"},{"id":"n3","category":"SOC"}],
                 "conflicts":[["c","n1"],["d","n1"]]}
                """);

        assertEquals("INFEASIBLE", solution.getString("status"));
        JsonObject report = solution.getJsonObject("infeasibility");
        // One place only a new juror can give (on n1), one any juror without conflict could (wherever the solver
        // left it).
        assertEquals(2, report.getInt("missingAssignments"));
        assertEquals(2, report.getInt("extraJurorPlacesNeeded"));
        assertEquals(1, report.getInt("placesOnNewJurors"));
        assertEquals(1, report.getInt("placesOnExistingJurors"));
        assertEquals(1, report.getInt("newJurorsNeeded"));

        List<JsonObject> nominations = report.getJsonArray("nominations").getValuesAs(JsonObject.class);
        JsonObject n1 = nominations.stream()
                .filter(nomination -> nomination.getString("id").equals("n1"))
                .findFirst()
                .orElseThrow();
        assertEquals(3, n1.getInt("required"));
        assertEquals(2, n1.getInt("jurorsWithoutConflict"));
        assertTrue(n1.getJsonArray("reasons").contains(Json.createValue("TOO_FEW_JURORS_WITHOUT_CONFLICT")));
        assertEquals(
                Set.of("c", "d"),
                n1.getJsonArray("conflictedJurors").getValuesAs(JsonString::getString).stream()
                        .collect(Collectors.toSet()));
        assertTrue(n1.getString("explanation").contains("only 2 jurors without conflict"));

        int missing = nominations.stream()
                .mapToInt(nomination -> nomination.getInt("missing"))
                .sum();
        assertEquals(2, missing);
        assertTrue(
                nominations.stream()
                        .anyMatch(nomination ->
                                nomination.getJsonArray("reasons").contains(Json.createValue("CAPACITY_EXHAUSTED"))),
                "a nomination falls short for capacity");
    }

    @Test
    void a_solution_without_pairs_reports_zero_load_and_share() {
        JsonObject solution = solution("""
                {"jurors":[], "nominations":[]}
                """);

        assertEquals("OPTIMAL", solution.getString("status"));
        assertEquals(0, solution.getJsonObject("load").getInt("max"));
        assertEquals(0, solution.getJsonNumber("expertiseShare").doubleValue());
        assertTrue(solution.getJsonArray("assignments").isEmpty());
    }

    // Refusing bad input

    @Test
    void text_that_is_not_json_is_refused_with_its_position() {
        assertRefused("{\"jurors\": [}", "not valid JSON", "line");
    }

    @Test
    void empty_text_or_text_after_the_instance_is_refused() {
        assertRefused("", "not valid JSON");
        assertRefused("{\"jurors\": [], \"nominations\": []} {}", "not valid JSON");
        assertRefused("{\"jurors\": [], \"nominations\": []} trailing", "not valid JSON");
    }

    @Test
    void an_instance_that_is_not_an_object_is_refused() {
        assertRefused("[1, 2]", "the instance must be a JSON object");
    }

    @Test
    void missing_jurors_or_nominations_are_refused() {
        assertRefused("{\"nominations\": []}", "jurors is missing");
        assertRefused("{\"jurors\": []}", "nominations is missing");
    }

    @Test
    void an_unknown_field_is_refused_rather_than_ignored() {
        assertRefused(
                "{\"jurors\": [], \"nominations\": [], \"conflict\": [[\"j1\", \"n1\"]]}",
                "unknown field \"conflict\"",
                "conflicts");
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 1, \"regoin\": \"ARA\"}], \"nominations\": []}",
                "jurors[0] (id \"j1\")",
                "unknown field \"regoin\"");
    }

    @Test
    void a_juror_without_an_id_or_capacity_is_refused_naming_the_juror() {
        assertRefused("{\"jurors\": [{\"capacity\": 1}], \"nominations\": []}", "jurors[0]: id is missing");
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 1}, {\"id\": \"j2\"}], \"nominations\": []}",
                "jurors[1] (id \"j2\"): capacity is missing");
        assertRefused(
                "{\"jurors\": [{\"id\": \" \", \"capacity\": 1}], \"nominations\": []}", "jurors[0]: id is blank");
    }

    @Test
    void a_count_that_is_negative_fractional_or_not_a_number_is_refused() {
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": -1}], \"nominations\": []}",
                "jurors[0] (id \"j1\"): capacity must be a whole number",
                "got -1");
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 2.5}], \"nominations\": []}",
                "capacity must be a whole number",
                "got 2.5");
        assertRefused(
                "{\"jurors\": [], \"nominations\": [{\"id\": \"n1\", \"category\": \"SOC\", \"reviews\": \"3\"}]}",
                "nominations[0] (id \"n1\"): reviews must be a whole number",
                "got \"3\"");
        assertRefused(
                "{\"reviewsPerNomination\": 1e20, \"jurors\": [], \"nominations\": []}",
                "reviewsPerNomination must be a whole number");
    }

    @Test
    void a_whole_number_written_with_decimals_is_accepted() {
        AssignmentProblem problem = AssignmentInstance.parse(
                        "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 2.0}], \"nominations\": []}")
                .problem();

        assertEquals(2, problem.jurors().get(0).capacity());
    }

    @Test
    void a_negative_weight_is_refused_naming_it() {
        assertRefused(
                "{\"weights\": {\"balance\": -1}, \"jurors\": [], \"nominations\": []}",
                "weights.balance must be a whole number",
                "got -1");
    }

    @Test
    void a_nomination_without_a_category_is_refused_naming_the_nomination() {
        assertRefused(
                "{\"jurors\": [], \"nominations\": [{\"id\": \"n1\"}]}",
                "nominations[0] (id \"n1\"): category is missing");
        assertRefused(
                "{\"jurors\": [], \"nominations\": [{\"id\": \"n1\", \"category\": 4}]}",
                "nominations[0] (id \"n1\"): category must be a string, got 4");
    }

    @Test
    void an_expertise_that_is_not_a_list_of_strings_is_refused() {
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 1, \"expertise\": \"SOC\"}], \"nominations\": []}",
                "jurors[0] (id \"j1\"): expertise must be a JSON array");
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 1, \"expertise\": [\"SOC\", 3]}], \"nominations\": []}",
                "jurors[0] (id \"j1\"): expertise[1] must be a string");
    }

    @Test
    void the_same_id_twice_is_refused_naming_both_places() {
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 1}, {\"id\": \"j1\", \"capacity\": 2}], \"nominations\": []}",
                "jurors[1]: id \"j1\" is already used by jurors[0]");
        assertRefused(
                "{\"jurors\": [], \"nominations\": [{\"id\": \"n1\", \"category\": \"SOC\"}, {\"id\": \"n1\", \"category\": \"MIX\"}]}",
                "nominations[1]: id \"n1\" is already used by nominations[0]");
    }

    @Test
    void a_pair_naming_an_unknown_juror_or_that_is_not_two_strings_is_refused() {
        String people = "\"jurors\": [{\"id\": \"j1\", \"capacity\": 1}], "
                + "\"nominations\": [{\"id\": \"n1\", \"category\": \"SOC\"}]";
        assertRefused(
                "{" + people + ", \"locked\": [[\"j1\", \"n1\"], [\"zoe\", \"n1\"]]}",
                "locked[1] [\"zoe\",\"n1\"]: unknown juror \"zoe\"");
        assertRefused(
                "{" + people + ", \"conflicts\": [[\"j1\"]]}",
                "conflicts[0]: must be a [juror id, nomination id] pair of strings, got [\"j1\"]");
        assertRefused("{" + people + ", \"conflicts\": {\"j1\": \"n1\"}}", "conflicts must be a JSON array");
    }

    @Test
    void a_locked_pair_also_in_conflict_is_refused() {
        assertRefused("""
                {"jurors":[{"id":"j1","capacity":1}], "nominations":[{"id":"n1","category":"SOC"}],
                 "conflicts":[["j1","n1"]], "locked":[["j1","n1"]]}
                """, "locked[0] [\"j1\",\"n1\"]: the pair is also in conflicts");
    }

    @Test
    void more_locked_pairs_than_a_juror_capacity_is_refused() {
        assertRefused("""
                {"jurors":[{"id":"j1","capacity":1}],
                 "nominations":[{"id":"n1","category":"SOC"},{"id":"n2","category":"SOC"}],
                 "locked":[["j1","n1"],["j1","n2"]]}
                """, "jurors[0] (id \"j1\"): 2 locked pairs but capacity 1");
    }

    @Test
    void a_region_that_is_not_a_string_is_refused_naming_the_juror() {
        assertRefused(
                "{\"jurors\": [{\"id\": \"j1\", \"capacity\": 1, \"region\": 75}], \"nominations\": []}",
                "jurors[0] (id \"j1\"): region must be a string, got 75");
    }
}
