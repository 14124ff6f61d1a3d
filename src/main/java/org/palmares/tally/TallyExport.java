package org.palmares.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.palmares.edition.Category;
import org.palmares.edition.Criterion;
import org.palmares.platform.Messages;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.SheetFigures;
import org.palmares.tally.TallyResult.Standing;

/** The rows of the sheets and results exports (CSV or XLSX), built from a live tally. */
public final class TallyExport {
    private TallyExport() {}

    /** Every counted sheet: category, nomination, juror, each criterion's value (up to the widest category), S, z. */
    public static List<List<String>> sheets(LiveTally live, Locale locale) {
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
            for (int c = 0; c < widest; c++) row.add(c < criteria.size() ? String.valueOf(s.values()[c]) : "");
            row.add(Tally.round2(f.s()).toPlainString());
            row.add(Tally.round2(f.z()).toPlainString());
            row.add(f.outlier() ? "x" : "");
            rows.add(row);
        }
        return rows;
    }

    /** Every category's ranking by its method, with the three scores, flags and the tie-break. */
    public static List<List<String>> results(LiveTally live, Locale locale) {
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
                        method.name(),
                        s.rank() > 0 ? String.valueOf(s.rank()) : "",
                        nominee.reference(),
                        nominee.title(),
                        TallyBacking.format(f.raw()),
                        TallyBacking.format(f.normalised()),
                        TallyBacking.format(f.calibrated()),
                        String.valueOf(f.sheetCount()),
                        f.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                        s.exAequo() ? "EX_AEQUO" : s.brokenBy() == null ? "" : TallyTexts.ruleCode(s.brokenBy()),
                        live.frozen(c.getId()) ? "x" : ""));
            }
        }
        return rows;
    }
}
