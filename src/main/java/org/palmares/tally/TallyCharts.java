package org.palmares.tally;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts of the deliberation, drawn on the 0–100 scale of S: a box plot of each nomination's sheet scores
 * and each juror's mean ± standard deviation against the edition's. Pure: strings in, SVG out.
 */
public final class TallyCharts {
    private static final int LABEL = 150;
    private static final int WIDTH = 640;
    private static final int ROW = 26;
    private static final int PLOT = WIDTH - LABEL - 20;

    private TallyCharts() {}

    /** A labelled row: the scores to draw. */
    public record Series(String label, double[] scores) {}

    /** A juror: label, mean, standard deviation and number of sheets. */
    public record Spread(String label, double mean, double sd, int sheets) {}

    private static double x(double score) {
        return LABEL + Math.max(0, Math.min(100, score)) / 100 * PLOT;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static StringBuilder open(int rows, String title) {
        int height = rows * ROW + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(title))
                .append("\"><title>")
                .append(esc(title))
                .append("</title>");
        // Axis 0–100 with a grid every 20 points.
        for (int t = 0; t <= 100; t += 20) {
            svg.append("<line x1=\"")
                    .append(f(x(t)))
                    .append("\" x2=\"")
                    .append(f(x(t)))
                    .append("\" y1=\"10\" y2=\"")
                    .append(rows * ROW + 14)
                    .append("\" class=\"chart__grid\"/><text x=\"")
                    .append(f(x(t)))
                    .append("\" y=\"")
                    .append(rows * ROW + 30)
                    .append("\" text-anchor=\"middle\" class=\"chart__tick\">")
                    .append(t)
                    .append("</text>");
        }
        return svg;
    }

    private static void label(StringBuilder svg, int row, String label) {
        svg.append("<text x=\"")
                .append(LABEL - 8)
                .append("\" y=\"")
                .append(row * ROW + 27)
                .append("\" text-anchor=\"end\" class=\"chart__label\">")
                .append(esc(label))
                .append("</text>");
    }

    /** Box plots: whiskers min–max, box first–third quartile, a bar at the median, a dot per sheet. */
    public static String boxPlots(List<Series> series, String title) {
        StringBuilder svg = open(series.size(), title);
        for (int row = 0; row < series.size(); row++) {
            Series s = series.get(row);
            label(svg, row, s.label());
            double[] v = s.scores().clone();
            if (v.length == 0) continue;
            Arrays.sort(v);
            double y = row * ROW + 22;
            double q1 = quantile(v, 0.25);
            double q3 = quantile(v, 0.75);
            double median = quantile(v, 0.5);
            svg.append("<g><title>")
                    .append(esc(s.label()))
                    .append(": min ")
                    .append(f(v[0]))
                    .append(", Q1 ")
                    .append(f(q1))
                    .append(", med. ")
                    .append(f(median))
                    .append(", Q3 ")
                    .append(f(q3))
                    .append(", max ")
                    .append(f(v[v.length - 1]))
                    .append("</title>");
            svg.append("<line x1=\"")
                    .append(f(x(v[0])))
                    .append("\" x2=\"")
                    .append(f(x(v[v.length - 1])))
                    .append("\" y1=\"")
                    .append(f(y))
                    .append("\" y2=\"")
                    .append(f(y))
                    .append("\" class=\"chart__whisker\"/>");
            svg.append("<rect x=\"")
                    .append(f(x(q1)))
                    .append("\" y=\"")
                    .append(f(y - 8))
                    .append("\" width=\"")
                    .append(f(Math.max(1, x(q3) - x(q1))))
                    .append("\" height=\"16\" class=\"chart__box\"/>");
            svg.append("<line x1=\"")
                    .append(f(x(median)))
                    .append("\" x2=\"")
                    .append(f(x(median)))
                    .append("\" y1=\"")
                    .append(f(y - 8))
                    .append("\" y2=\"")
                    .append(f(y + 8))
                    .append("\" class=\"chart__median\"/>");
            for (double d : v) {
                svg.append("<circle cx=\"")
                        .append(f(x(d)))
                        .append("\" cy=\"")
                        .append(f(y))
                        .append("\" r=\"3\" class=\"chart__dot\"/>");
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** Juror severity: each juror's mean ± sd as a bar, the edition's mean as a dashed line and band. */
    public static String severity(List<Spread> jurors, double mean, double sd, String title) {
        StringBuilder svg = open(jurors.size(), title);
        int bottom = jurors.size() * ROW + 14;
        svg.append("<rect x=\"")
                .append(f(x(mean - sd)))
                .append("\" y=\"10\" width=\"")
                .append(f(x(mean + sd) - x(mean - sd)))
                .append("\" height=\"")
                .append(bottom - 10)
                .append("\" class=\"chart__band\"/>");
        svg.append("<line x1=\"")
                .append(f(x(mean)))
                .append("\" x2=\"")
                .append(f(x(mean)))
                .append("\" y1=\"10\" y2=\"")
                .append(bottom)
                .append("\" class=\"chart__mean\"/>");
        for (int row = 0; row < jurors.size(); row++) {
            Spread j = jurors.get(row);
            label(svg, row, j.label());
            double y = row * ROW + 22;
            svg.append("<g><title>")
                    .append(esc(j.label()))
                    .append(": ")
                    .append(f(j.mean()))
                    .append(" ± ")
                    .append(f(j.sd()))
                    .append(" (")
                    .append(j.sheets())
                    .append(")</title><line x1=\"")
                    .append(f(x(j.mean() - j.sd())))
                    .append("\" x2=\"")
                    .append(f(x(j.mean() + j.sd())))
                    .append("\" y1=\"")
                    .append(f(y))
                    .append("\" y2=\"")
                    .append(f(y))
                    .append("\" class=\"chart__whisker\"/><circle cx=\"")
                    .append(f(x(j.mean())))
                    .append("\" cy=\"")
                    .append(f(y))
                    .append("\" r=\"5\" class=\"")
                    .append(
                            j.mean() < mean - sd / 2
                                    ? "chart__severe"
                                    : j.mean() > mean + sd / 2 ? "chart__lenient" : "chart__dot")
                    .append("\"/></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** Linear interpolation between order statistics (the usual "type 7" quantile). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
