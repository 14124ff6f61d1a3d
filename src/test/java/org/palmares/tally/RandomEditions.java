package org.palmares.tally;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.palmares.tally.TallyInput.CategorySpec;
import org.palmares.tally.TallyInput.CriterionSpec;
import org.palmares.tally.TallyInput.Sheet;

/** Random editions for property tests and the benchmark: two categories, random jurors, values and weights. */
final class RandomEditions {
    private RandomEditions() {}

    record Data(List<CategorySpec> categories, List<Sheet> sheets) {}

    /** Categories of 5 and 3 criteria; each nomination gets up to {@code perNomination} distinct jurors. */
    static Data edition(Random random, int nominations, int jurors, int perNomination) {
        List<CriterionSpec> five = new ArrayList<>();
        for (int c = 0; c < 5; c++)
            five.add(new CriterionSpec(c + 1, 1 + random.nextInt(3), 1, 5, 1 + random.nextInt(5)));
        List<CriterionSpec> three = List.of(
                new CriterionSpec(11, 2, 0, 10, 2),
                new CriterionSpec(12, 1, 0, 10, 1),
                new CriterionSpec(13, 1, 1, 4, 3));
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int n = 0; n < nominations; n++) (n % 3 == 2 ? second : first).add(1000L + n);
        var categories = List.of(new CategorySpec(1, five, first), new CategorySpec(2, three, second));
        List<Sheet> sheets = new ArrayList<>();
        List<Integer> pool = new ArrayList<>();
        for (int j = 0; j < jurors; j++) pool.add(j);
        long id = 1;
        for (int n = 0; n < nominations; n++) {
            List<CriterionSpec> criteria = n % 3 == 2 ? three : five;
            Collections.shuffle(pool, random);
            int count = random.nextInt(10) == 0 ? random.nextInt(perNomination + 1) : perNomination;
            for (int k = 0; k < Math.min(count, jurors); k++) {
                int juror = pool.get(k);
                int[] values = new int[criteria.size()];
                for (int c = 0; c < values.length; c++) {
                    CriterionSpec spec = criteria.get(c);
                    // Jurors lean: low-numbered ones score low, so normalisation has something to correct.
                    int lean = juror % 3 - 1;
                    int v = spec.min() + random.nextInt(spec.max() - spec.min() + 1) + lean;
                    values[c] = Math.max(spec.min(), Math.min(spec.max(), v));
                }
                sheets.add(new Sheet(id++, 500L + juror, 1000L + n, values));
            }
        }
        return new Data(categories, sheets);
    }

    /** One category, every criterion on 0–10 with weight 1, every juror scoring between 0 and 8. */
    static Data uniformScales(Random random, int nominations, int jurors, int perNomination) {
        List<CriterionSpec> criteria = List.of(
                new CriterionSpec(1, 1, 0, 10, 1),
                new CriterionSpec(2, 1, 0, 10, 2),
                new CriterionSpec(3, 1, 0, 10, 3));
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < nominations; n++) ids.add(1000L + n);
        List<Sheet> sheets = new ArrayList<>();
        List<Integer> pool = new ArrayList<>();
        for (int j = 0; j < jurors; j++) pool.add(j);
        long id = 1;
        for (int n = 0; n < nominations; n++) {
            Collections.shuffle(pool, random);
            for (int k = 0; k < perNomination; k++) {
                int[] values = new int[criteria.size()];
                for (int c = 0; c < values.length; c++) values[c] = random.nextInt(9);
                sheets.add(new Sheet(id++, 500L + pool.get(k), 1000L + n, values));
            }
        }
        return new Data(List.of(new CategorySpec(1, criteria, ids)), sheets);
    }
}
