package org.palmares.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.platform.Messages;
import org.palmares.platform.TableExport;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.SheetFigures;
import org.palmares.tally.TallyResult.Standing;

/**
 * The rows of the sheets and results exports (CSV, CSV for French Excel, XLSX), built from a live tally: every value in
 * the reader's language (methods, flags, tie-breaks), never a code, and decimals as the format's readers write them.
 */
public final class TallyExport {
    private TallyExport() {}

    /** Every counted sheet: category, nomination, juror, each criterion's value (up to the widest category), S, z. */
    public static List<List<String>> sheets(LiveTally live, Locale locale, TableExport.Format format) {
        int widest = live.categories().stream()
                .mapToInt(c -> c.getCriteria().size())
                .max()
                .orElse(0);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(
                Messages.get(locale, "tally.export.col.category"),
                Messages.get(locale, "tally.export.col.reference"),
                Messages.get(locale, "tally.export.col.title"),
                Messages.get(locale, "tally.col.juror")));
        for (int c = 1; c <= widest; c++) header.add(Messages.get(locale, "tally.export.col.criterion", c));
        header.addAll(List.of("S", "z", Messages.get(locale, "tally.flag.OUTLIER")));
        rows.add(header);
        Map<Long, Category> categories = live.categories().stream().collect(Collectors.toMap(Category::getId, c -> c));
        List<Sheet> sheets = live.sheets();
        List<SheetFigures> figures = live.tally().sheets();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet s = sheets.get(i);
            SheetFigures f = figures.get(i);
            var nominee = live.nominee(s.nominationId());
            Category category = categories.get(nominee.categoryId());
            List<String> row = new ArrayList<>(List.of(
                    category.getCode(),
                    nominee.reference(),
                    nominee.title(),
                    live.jurorNames().getOrDefault(s.jurorId(), String.valueOf(s.jurorId()))));
            List<Criterion> criteria = category.getCriteria();
            for (int c = 0; c < widest; c++) row.add(c < criteria.size() ? number(s.values()[c], format) : "");
            row.add(format.decimal(Tally.round2(f.s())));
            row.add(format.decimal(Tally.round2(f.z())));
            row.add(f.outlier() ? Messages.get(locale, "export.yes") : "");
            rows.add(row);
        }
        return rows;
    }

    /** Every category's ranking by its method, with the three scores, flags and the tie-break. */
    public static List<List<String>> results(LiveTally live, Locale locale, TableExport.Format format) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                Messages.get(locale, "tally.export.col.category"),
                Messages.get(locale, "tally.export.col.method"),
                Messages.get(locale, "tally.col.rank"),
                Messages.get(locale, "tally.export.col.reference"),
                Messages.get(locale, "tally.export.col.title"),
                Messages.get(locale, "tally.method.RAW"),
                Messages.get(locale, "tally.method.NORMALISED"),
                Messages.get(locale, "tally.method.CALIBRATED"),
                Messages.get(locale, "tally.col.sheets"),
                Messages.get(locale, "tally.col.flags"),
                Messages.get(locale, "tally.col.tie"),
                Messages.get(locale, "tally.export.col.frozen")));
        for (Category c : live.categories()) {
            TallyMethod method = live.method(c.getId());
            for (Standing s : live.category(c.getId()).ranking(method).standings()) {
                var f = s.figures();
                var nominee = live.nominee(s.nominationId());
                rows.add(List.of(
                        c.getCode(),
                        Messages.get(locale, "tally.method." + method.name()),
                        s.rank() > 0 ? String.valueOf(s.rank()) : "",
                        nominee.reference(),
                        nominee.title(),
                        format.decimal2(f.raw()),
                        format.decimal2(f.normalised()),
                        format.decimal2(f.calibrated()),
                        String.valueOf(f.sheetCount()),
                        f.flags().stream()
                                .map(flag -> Messages.get(locale, "tally.flag." + flag.name()))
                                .sorted()
                                .collect(Collectors.joining(", ")),
                        s.exAequo()
                                ? Messages.get(locale, "tally.tie.exAequo")
                                : s.brokenBy() == null ? "" : rule(s.brokenBy(), c, locale),
                        live.frozen(c.getId()) ? Messages.get(locale, "export.yes") : ""));
            }
        }
        return rows;
    }

    /** A tie-break rule in words, e.g. "départagés par la moyenne du critère « Impact »". */
    private static String rule(TallyResult.TieRule rule, Category category, Locale locale) {
        if (rule.rule() == TieBreak.CRITERIA) {
            String name = category.getCriteria().stream()
                    .filter(k -> k.getId() == rule.criterionId())
                    .map(k -> k.name(locale))
                    .findFirst()
                    .orElse("?");
            return Messages.get(locale, "tally.rule.CRITERIA", name);
        }
        return Messages.get(locale, "tally.rule." + rule.rule().name());
    }

    /** A criterion's value: a whole number as it is, a decimal in the format's way. */
    private static String number(double value, TableExport.Format format) {
        if (value == Math.rint(value) && !Double.isInfinite(value)) return String.valueOf((long) value);
        return format.decimal(java.math.BigDecimal.valueOf(value));
    }
}
