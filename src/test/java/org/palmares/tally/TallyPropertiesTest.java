package org.palmares.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.EditionTally;
import org.palmares.tally.TallyResult.NominationFigures;
import org.palmares.tally.TallyResult.Standing;

/** The tally against a literal reference implementation, and its invariances, on seeded random editions. */
class TallyPropertiesTest {
    private static final int TRIALS = 80;

    private static Map<Long, NominationFigures> byNomination(EditionTally tally) {
        Map<Long, NominationFigures> map = new HashMap<>();
        tally.categories().values().forEach(c -> c.nominations().forEach(f -> map.put(f.nominationId(), f)));
        return map;
    }

    private static Map<Long, Integer> ranks(EditionTally tally, TallyMethod method) {
        Map<Long, Integer> map = new HashMap<>();
        tally.categories()
                .values()
                .forEach(c -> c.ranking(method).standings().forEach(s -> map.put(s.nominationId(), s.rank())));
        return map;
    }

    private static void assertClose(double actual, double expected) {
        if (Double.isNaN(expected)) assertTrue(Double.isNaN(actual));
        else assertEquals(expected, actual, 1e-8);
    }

    @Test
    void agrees_with_the_reference_implementation_on_random_editions() {
        for (int trial = 0; trial < TRIALS; trial++) {
            var random = new Random(trial);
            var data = RandomEditions.edition(
                    random, 5 + random.nextInt(30), 3 + random.nextInt(10), 1 + random.nextInt(4));
            var settings = TallySettings.defaults(3).withDisagreement(10 + random.nextInt(20));
            // Half the trials solve the calibration by conjugate gradients.
            var tally = Tally.compute(data.categories(), data.sheets(), settings, trial % 2 == 0 ? 600 : 0);
            var reference = new TallyReference(data.categories(), data.sheets(), settings);
            var mine = byNomination(tally);
            reference.figures.forEach((n, expected) -> {
                NominationFigures actual = mine.get(n);
                assertClose(actual.raw(), expected.raw());
                assertClose(actual.normalised(), expected.normalised());
                assertClose(actual.calibrated(), expected.calibrated());
                assertClose(actual.median(), expected.median());
                assertEquals(expected.flags(), actual.flags(), "flags of " + n);
            });
            for (TallyMethod method : TallyMethod.values()) {
                var actual = ranks(tally, method);
                int t = trial;
                reference.ranks.forEach((n, r) ->
                        assertEquals(r.get(method), actual.get(n), "trial " + t + ", " + method + " rank of " + n));
            }
        }
    }

    @Test
    void the_order_of_the_sheets_changes_nothing() {
        for (int trial = 0; trial < TRIALS; trial++) {
            var random = new Random(1000 + trial);
            var data = RandomEditions.edition(random, 5 + random.nextInt(30), 3 + random.nextInt(10), 3);
            List<Sheet> shuffled = new ArrayList<>(data.sheets());
            Collections.shuffle(shuffled, random);
            var settings = TallySettings.defaults(3);
            var a = Tally.compute(data.categories(), data.sheets(), settings);
            var b = Tally.compute(data.categories(), shuffled, settings);
            var fa = byNomination(a);
            var fb = byNomination(b);
            fa.forEach((n, f) -> {
                assertEquals(f.raw(), fb.get(n).raw(), 0);
                assertEquals(f.normalised(), fb.get(n).normalised(), 0);
                assertEquals(f.calibrated(), fb.get(n).calibrated(), 0);
            });
            for (TallyMethod method : TallyMethod.values()) assertEquals(ranks(a, method), ranks(b, method));
        }
    }

    @Test
    void renaming_the_jurors_changes_no_figure_nor_rank() {
        for (int trial = 0; trial < TRIALS; trial++) {
            var random = new Random(2000 + trial);
            int jurors = 3 + random.nextInt(10);
            var data = RandomEditions.edition(random, 5 + random.nextInt(30), jurors, 3);
            List<Long> names = new ArrayList<>();
            for (int j = 0; j < jurors; j++) names.add(9000L + j * 7);
            Collections.shuffle(names, random);
            List<Sheet> renamed = data.sheets().stream()
                    .map(s -> new Sheet(s.id(), names.get((int) (s.jurorId() - 500)), s.nominationId(), s.values()))
                    .toList();
            var settings = TallySettings.defaults(3);
            var a = byNomination(Tally.compute(data.categories(), data.sheets(), settings));
            var tallyB = Tally.compute(data.categories(), renamed, settings);
            var b = byNomination(tallyB);
            a.forEach((n, f) -> {
                assertClose(b.get(n).raw(), f.raw());
                assertClose(b.get(n).normalised(), f.normalised());
                assertClose(b.get(n).calibrated(), f.calibrated());
                assertEquals(f.flags(), b.get(n).flags());
            });
            var tallyA = Tally.compute(data.categories(), data.sheets(), settings);
            for (TallyMethod method : TallyMethod.values()) {
                assertEquals(ranks(tallyA, method), ranks(tallyB, method));
            }
        }
    }

    @Test
    void a_juror_who_adds_a_constant_to_every_sheet_leaves_the_normalised_order_unchanged() {
        int checked = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            var random = new Random(3000 + trial);
            var data = RandomEditions.uniformScales(random, 12 + random.nextInt(20), 4 + random.nextInt(4), 3);
            var settings = TallySettings.defaults(3);
            var before = Tally.compute(data.categories(), data.sheets(), settings);
            if (before.jurors().values().stream().anyMatch(j -> !j.ownScale())) continue;
            long severe = data.sheets().get(0).jurorId();
            // +2 on every criterion (0–10, weight 1) is +20 on every S of that juror.
            List<Sheet> shifted = data.sheets().stream()
                    .map(s -> s.jurorId() != severe
                            ? s
                            : new Sheet(
                                    s.id(),
                                    s.jurorId(),
                                    s.nominationId(),
                                    java.util.Arrays.stream(s.values())
                                            .map(v -> v + 2)
                                            .toArray()))
                    .toList();
            var after = Tally.compute(data.categories(), shifted, settings);
            assertEquals(
                    before.jurors().get(severe).mean() + 20,
                    after.jurors().get(severe).mean(),
                    1e-9);
            List<NominationFigures> a = before.category(1).nominations();
            var b = byNomination(after);
            for (NominationFigures x : a) {
                for (NominationFigures y : a) {
                    double was = x.normalised() - y.normalised();
                    if (Math.abs(was) < 1e-6) continue;
                    double is = b.get(x.nominationId()).normalised()
                            - b.get(y.nominationId()).normalised();
                    assertEquals(Math.signum(was), Math.signum(is));
                }
            }
            boolean distinct = distinctCents(
                            before.category(1).ranking(TallyMethod.NORMALISED).standings())
                    && distinctCents(
                            after.category(1).ranking(TallyMethod.NORMALISED).standings());
            if (distinct) {
                assertEquals(ranks(before, TallyMethod.NORMALISED), ranks(after, TallyMethod.NORMALISED));
                checked++;
            }
        }
        assertTrue(checked > TRIALS / 4, "trials where ranks were compared: " + checked);
    }

    private static boolean distinctCents(List<Standing> standings) {
        return standings.stream().map(s -> Tally.cents(s.score())).distinct().count() == standings.size();
    }

    @Test
    void rankings_are_in_order_and_ex_aequo_share_a_rank() {
        for (int trial = 0; trial < TRIALS; trial++) {
            var random = new Random(4000 + trial);
            var data = RandomEditions.edition(random, 5 + random.nextInt(40), 3 + random.nextInt(5), 2);
            var tally = Tally.compute(data.categories(), data.sheets(), TallySettings.defaults(2));
            for (var c : tally.categories().values()) {
                for (TallyMethod method : TallyMethod.values()) {
                    var standings = c.ranking(method).standings();
                    for (int p = 1; p < standings.size(); p++) {
                        Standing up = standings.get(p - 1);
                        Standing down = standings.get(p);
                        if (down.rank() == 0) continue;
                        assertTrue(Tally.cents(up.score()) >= Tally.cents(down.score()));
                        if (down.rank() == up.rank()) assertTrue(down.exAequo());
                        else assertEquals(p + 1, down.rank());
                    }
                    for (var tie : c.ranking(method).ties()) {
                        int above = c.ranking(method).rankOf(tie.above());
                        int below = c.ranking(method).rankOf(tie.below());
                        assertEquals(tie.exAequo(), above == below);
                    }
                }
            }
        }
    }
}
