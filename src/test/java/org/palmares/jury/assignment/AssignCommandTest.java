package org.palmares.jury.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
    private static final String FEASIBLE = """
            {"reviewsPerNomination":1, "jurors":[{"id":"j1","capacity":2,"expertise":["SOC"]}],
             "nominations":[{"id":"n1","category":"SOC"},{"id":"n2","category":"MIX"}]}
            """;

    @TempDir
    Path directory;

    /** What one run printed and returned. */
    private record Run(int exitCode, String out, String err) {
        JsonObject solution() {
            try (JsonReader reader = Json.createReader(new StringReader(out))) {
                return reader.readObject();
            }
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = AssignCommand.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String content) throws IOException {
        return Files.writeString(directory.resolve("instance.json"), content);
    }

    @Test
    void an_optimal_instance_prints_its_solution_on_stdout_timings_on_stderr_and_exits_0() throws IOException {
        Run run = run("", file(FEASIBLE).toString());

        assertEquals(AssignCommand.OPTIMAL, run.exitCode());
        JsonObject solution = run.solution();
        assertEquals("OPTIMAL", solution.getString("status"));
        assertEquals(11, solution.getJsonNumber("objective").longValue());
        assertTrue(run.err().contains("solve"), run.err());
        assertTrue(run.err().contains("ms"), run.err());
    }

    @Test
    void compact_output_is_one_line_of_the_same_solution() throws IOException {
        Path instance = file(FEASIBLE);
        Run compact = run("", "--compact", instance.toString());

        assertEquals(1, compact.out().strip().lines().count());
        assertEquals(run("", instance.toString()).solution(), compact.solution());
    }

    @Test
    void a_dash_reads_the_instance_from_stdin() {
        Run run = run(FEASIBLE, "-");

        assertEquals(AssignCommand.OPTIMAL, run.exitCode());
        assertEquals("OPTIMAL", run.solution().getString("status"));
    }

    @Test
    void an_infeasible_instance_still_prints_its_solution_and_exits_1() throws IOException {
        Run run = run(
                "",
                file("{\"jurors\": [], \"nominations\": [{\"id\": \"n1\", \"category\": \"SOC\"}]}")
                        .toString());

        assertEquals(AssignCommand.INFEASIBLE, run.exitCode());
        JsonObject solution = run.solution();
        assertEquals("INFEASIBLE", solution.getString("status"));
        assertEquals(3, solution.getJsonObject("infeasibility").getInt("extraJurorPlacesNeeded"));
    }

    @Test
    void a_bad_instance_exits_2_with_one_line_naming_the_file_and_the_field_and_no_stack_trace() throws IOException {
        Path instance = file("{\"jurors\": [{\"id\": \"j1\", \"capacity\": -4}], \"nominations\": []}");
        Run run = run("", instance.toString());

        assertEquals(AssignCommand.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("assign: " + instance + ": jurors[0] (id \"j1\"): capacity"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void a_missing_file_exits_2() {
        Run run = run("", directory.resolve("nowhere.json").toString());

        assertEquals(AssignCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void a_file_that_is_not_utf_8_exits_2() throws IOException {
        Path instance = Files.write(directory.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
        Run run = run("", instance.toString());

        assertEquals(AssignCommand.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void no_file_or_an_unknown_option_exits_2_with_the_usage() {
        assertEquals(AssignCommand.BAD_INPUT, run("").exitCode());
        Run unknown = run("", "--fast", "instance.json");
        assertEquals(AssignCommand.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("usage"), unknown.err());
    }

    @Test
    void the_example_shipped_with_the_script_solves_keeping_its_locked_pair_and_avoiding_its_conflicts() {
        Run run = run("", "scripts/examples/small-instance.json");

        assertEquals(AssignCommand.OPTIMAL, run.exitCode(), run.err());
        String assignments = run.solution().getJsonArray("assignments").toString();
        assertTrue(assignments.contains("[\"david\",\"TC2019-MIX-001\"]"), assignments);
        assertFalse(assignments.contains("[\"bruno\",\"TC2019-SOC-001\"]"), assignments);
        assertFalse(assignments.contains("[\"chloe\",\"TC2019-ENV-001\"]"), assignments);
    }
}
