package org.palmares.tally;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Category;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Messages;
import org.palmares.tally.TallyResult.Standing;
import org.palmares.tally.TallyResult.Tie;

/**
 * The jury report, ready to print and sign at the jury meeting: per category the method and what it means, the
 * ranking with its figures and flags, how ties were broken, the decision, its justification and its sign-off.
 */
public final class JuryReport {
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 7, Font.NORMAL);

    private JuryReport() {}

    public static byte[] pdf(LiveTally live, TallyService service, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        ZoneId zone = live.edition().zone();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Messages.supported(locale))
                .withZone(zone);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(live.edition().getCode() + " jury report");
            document.addCreator("Palmarès");
            document.open();
            boolean first = true;
            for (Category c : live.categories()) {
                if (!first) document.newPage();
                first = false;
                document.add(new Paragraph(safe(live.edition().name(locale)), SMALL));
                document.add(new Paragraph(safe(Messages.get(locale, "tally.pdf.title", c.name(locale))), TITLE));
                TallyMethod method = live.frozen(c.getId())
                        ? live.states().get(c.getId()).getFrozenMethod()
                        : live.method(c.getId());
                document.add(new Paragraph(
                        safe(Messages.get(
                                locale, "tally.pdf.method", Messages.get(locale, "tally.method." + method.name()))),
                        BOLD));
                document.add(new Paragraph(safe(formula(method, locale)), BODY));
                document.add(new Paragraph(safe(Messages.get(locale, "tally.formula.ranking")), BODY));
                var state = live.states().get(c.getId());
                if (live.frozen(c.getId())) {
                    document.add(new Paragraph(
                            safe(Messages.get(
                                    locale,
                                    "tally.state.frozen",
                                    Messages.get(locale, "tally.method." + method.name()),
                                    when.format(state.getFrozenAt()),
                                    state.getFrozenBy())),
                            BODY));
                    if (live.stale(c.getId())) {
                        document.add(new Paragraph(safe(Messages.get(locale, "tally.state.stale")), BOLD));
                    }
                } else {
                    document.add(new Paragraph(safe(Messages.get(locale, "tally.pdf.live")), BOLD));
                }
                document.add(Chunk.NEWLINE);
                document.add(ranking(live, service, c, method, locale));
                List<Tie> ties = live.category(c.getId()).ranking(method).ties();
                if (!ties.isEmpty()) {
                    document.add(new Paragraph(safe(Messages.get(locale, "tally.ties")), HEADING));
                    for (Tie t : ties) {
                        String above = live.nominee(t.above()).reference();
                        String below = live.nominee(t.below()).reference();
                        String line = t.exAequo()
                                ? Messages.get(locale, "tally.tie.line.exAequo", above, below)
                                : Messages.get(locale, "tally.tie.line", above, below, rule(t, c, locale));
                        document.add(new Paragraph("• " + safe(line), BODY));
                    }
                }
                document.add(Chunk.NEWLINE);
                document.add(new Paragraph(safe(Messages.get(locale, "decision.title")), HEADING));
                Decision d = live.decisions().get(c.getId());
                if (d == null) {
                    document.add(new Paragraph(safe(Messages.get(locale, "tally.pdf.noDecision")), BODY));
                } else {
                    line(document, Messages.get(locale, "decision.winners"), references(d.getWinners()));
                    line(document, Messages.get(locale, "decision.mentions"), references(d.getMentions()));
                    line(
                            document,
                            Messages.get(locale, "decision.justification"),
                            d.getJustification() == null ? "—" : d.getJustification());
                    line(
                            document,
                            Messages.get(locale, "tally.pdf.signedOff"),
                            d.isSignedOff()
                                    ? (d.getSignedOffBy() == null
                                                    ? "—"
                                                    : d.getSignedOffBy().getDisplayName()) + ", "
                                            + when.format(d.getSignedOffAt())
                                    : Messages.get(locale, "tally.pdf.notSignedOff"));
                }
                document.add(Chunk.NEWLINE);
                document.add(new Paragraph(safe(Messages.get(locale, "tally.pdf.signatures")), BODY));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The jury report could not be written", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable ranking(
            LiveTally live, TallyService service, Category c, TallyMethod method, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {0.6f, 1.7f, 4.3f, 1.2f, 1.3f, 1.2f, 0.8f, 2.2f, 2.2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of(
                "tally.col.rank",
                "tally.export.col.reference",
                "tally.export.col.title",
                "tally.method.RAW",
                "tally.method.NORMALISED",
                "tally.method.CALIBRATED",
                "tally.col.sheets",
                "tally.col.flags",
                "tally.col.tie")) {
            PdfPCell cell = new PdfPCell(new Phrase(safe(Messages.get(locale, key)), BOLD));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        if (live.frozen(c.getId())) {
            for (Result r : service.frozen(c.getId())) {
                cells(
                        table,
                        r.getRank() > 0 ? String.valueOf(r.getRank()) : "—",
                        r.getNomination().getReference(),
                        r.getNomination().getTitle(),
                        plain(r.getRawScore()),
                        plain(r.getNormalisedScore()),
                        plain(r.getCalibratedScore()),
                        String.valueOf(r.getSheetCount()),
                        flags(r.getFlags(), locale),
                        r.getTieBreakNote() == null ? "" : r.getTieBreakNote());
            }
            return table;
        }
        for (Standing s : live.category(c.getId()).ranking(method).standings()) {
            var f = s.figures();
            var nominee = live.nominee(s.nominationId());
            cells(
                    table,
                    s.rank() > 0 ? String.valueOf(s.rank()) : "—",
                    nominee.reference(),
                    nominee.title(),
                    TallyBacking.format(f.raw()),
                    TallyBacking.format(f.normalised()),
                    TallyBacking.format(f.calibrated()),
                    String.valueOf(f.sheetCount()),
                    flags(
                            String.join(
                                    ",",
                                    f.flags().stream().map(Enum::name).sorted().toList()),
                            locale),
                    s.exAequo()
                            ? Messages.get(locale, "tally.tie.exAequo")
                            : s.brokenBy() == null ? "" : TallyTexts.ruleCode(s.brokenBy()));
        }
        return table;
    }

    private static String flags(String codes, Locale locale) {
        if (codes == null || codes.isBlank()) return "";
        return String.join(
                ", ",
                java.util.Arrays.stream(codes.split(","))
                        .map(f -> Messages.get(locale, "tally.flag." + f))
                        .toList());
    }

    private static String rule(Tie t, Category c, Locale locale) {
        if (t.rule().rule() == TieBreak.CRITERIA) {
            String name = c.getCriteria().stream()
                    .filter(k -> k.getId() == t.rule().criterionId())
                    .map(k -> k.name(locale))
                    .findFirst()
                    .orElse("?");
            return Messages.get(locale, "tally.rule.CRITERIA", name);
        }
        return Messages.get(locale, "tally.rule." + t.rule().rule().name());
    }

    private static String formula(TallyMethod method, Locale locale) {
        return Messages.get(locale, "tally.formula.s") + " "
                + Messages.get(
                        locale,
                        switch (method) {
                            case RAW -> "tally.formula.raw";
                            case NORMALISED -> "tally.formula.normalised";
                            case CALIBRATED -> "tally.formula.calibrated";
                        });
    }

    private static String references(java.util.Set<Nomination> nominations) {
        if (nominations.isEmpty()) return "—";
        return String.join(
                ", ",
                nominations.stream()
                        .map(n -> n.getReference() + " « " + n.getTitle() + " »")
                        .toList());
    }

    private static void line(Document document, String label, String value) throws DocumentException {
        Paragraph p = new Paragraph();
        p.add(new Phrase(safe(label) + " : ", BOLD));
        p.add(new Phrase(safe(value), BODY));
        document.add(p);
    }

    private static void cells(PdfPTable table, String... values) {
        for (String v : values) table.addCell(new PdfPCell(new Phrase(safe(v == null ? "" : v), BODY)));
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "—" : Tally.round2(v.doubleValue()).toPlainString();
    }

    /** The standard PDF fonts know Latin-1 and a few more: spell the mathematical signs out. */
    static String safe(String text) {
        return text.replace("Σ", "sum")
                .replace("σ", "sd")
                .replace("μ", "m")
                .replace("λ", "lambda")
                .replace("≥", ">=")
                .replace("≤", "<=")
                .replace("≈", "~")
                .replace("−", "-")
                .replace("“", "\"")
                .replace("”", "\"");
    }
}
