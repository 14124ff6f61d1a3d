package org.palmares.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.palmares.tally.TallyInput.CategorySpec;
import org.palmares.tally.TallyInput.CriterionSpec;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.EditionTally;

/**
 * The pure tally of 10,000 nominations × 3 sheets × 5 criteria (150,000 scores) in 6 categories: all three methods,
 * flags and rankings. Jurors: 300 (100 sheets each, dense Cholesky) or 1,500 (20 each, conjugate gradients). Run with
 * {@code ./mvnw -B -o -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TallyBenchmark {
    @Param({"300", "1500"})
    int jurors;

    List<CategorySpec> categories;
    List<Sheet> sheets;

    @Setup
    public void generate() {
        Random random = new Random(2019);
        int nominations = 10_000;
        int perCategory = nominations / 6 + 1;
        categories = new ArrayList<>();
        List<List<CriterionSpec>> criteria = new ArrayList<>();
        long nomination = 1;
        for (int c = 0; c < 6; c++) {
            List<CriterionSpec> five = new ArrayList<>();
            for (int k = 0; k < 5; k++) five.add(new CriterionSpec(c * 10L + k, 1 + random.nextInt(3), 1, 5, k + 1));
            criteria.add(five);
            List<Long> ids = new ArrayList<>();
            for (int n = 0; n < perCategory && nomination <= nominations; n++) ids.add(nomination++);
            categories.add(new CategorySpec(c + 1, five, ids));
        }
        sheets = new ArrayList<>();
        List<Integer> pool = new ArrayList<>();
        for (int j = 0; j < jurors; j++) pool.add(j);
        long id = 1;
        for (int c = 0; c < 6; c++) {
            for (long n : categories.get(c).nominations()) {
                Collections.shuffle(pool, random);
                for (int k = 0; k < 3; k++) {
                    int[] values = new int[5];
                    for (int v = 0; v < 5; v++) values[v] = 1 + random.nextInt(5);
                    sheets.add(new Sheet(id++, pool.get(k), n, values));
                }
            }
        }
    }

    @Benchmark
    public EditionTally allThreeMethods() {
        return Tally.compute(categories, sheets, TallySettings.defaults(3));
    }
}
