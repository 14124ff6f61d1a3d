package org.palmares.jury.assignment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The production solver on a JSON instance, for benchmarks and support: {@code scripts/assign.sh INSTANCE.json}
 * prints the solution on stdout and the timings on stderr.
 *
 * <p>Exit codes follow {@code diff} and {@code grep}: 0 when every nomination is covered, 1 when the solution is
 * {@code INFEASIBLE} (it is still printed), 2 when the instance or the command line is wrong.
 */
public final class AssignCommand {
    static final int OPTIMAL = 0;
    static final int INFEASIBLE = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE =
            "usage: assign.sh [--compact] INSTANCE.json   (- reads the instance from stdin)";

    private AssignCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        boolean compact = false;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--compact" -> compact = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return OPTIMAL;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        err.println("assign: unknown option " + arg);
                        err.println(USAGE);
                        return BAD_INPUT;
                    }
                    files.add(arg);
                }
            }
        }
        if (files.size() != 1) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        String file = files.get(0);

        long start = System.nanoTime();
        AssignmentInstance instance;
        try (Reader reader = file.equals("-")
                ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            instance = AssignmentInstance.read(reader);
        } catch (NoSuchFileException e) {
            err.println("assign: " + file + ": no such file");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("assign: " + file + ": cannot read: " + e.getMessage());
            return BAD_INPUT;
        } catch (InvalidInstanceException e) {
            err.println("assign: " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        long read = System.nanoTime();
        AssignmentPlan plan = instance.solve();
        long solved = System.nanoTime();
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (compact) {
                writer.write(AssignmentInstance.solutionOf(plan).toString());
                writer.write('\n');
            } else {
                AssignmentInstance.writeReadable(AssignmentInstance.solutionOf(plan), writer);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long written = System.nanoTime();

        AssignmentProblem problem = instance.problem();
        err.printf(
                "assign: %s, objective %d; %d jurors, %d nominations, %d conflicts, %d kept + %d new pairs;"
                        + " read %d ms, solve %d ms, write %d ms, total %d ms%n",
                plan.status(),
                plan.objective(),
                problem.jurors().size(),
                problem.nominations().size(),
                problem.forbidden().size(),
                problem.kept().size(),
                plan.assignments().size(),
                millis(start, read),
                millis(read, solved),
                millis(solved, written),
                millis(start, written));
        return plan.status() == AssignmentPlan.Status.OPTIMAL ? OPTIMAL : INFEASIBLE;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
