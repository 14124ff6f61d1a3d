package org.palmares.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyChartsTest {
    @Test
    void quartiles_interpolate_between_sheets() {
        double[] sorted = {10, 20, 30, 40};
        assertEquals(17.5, TallyCharts.quantile(sorted, 0.25), 1e-12);
        assertEquals(25, TallyCharts.quantile(sorted, 0.5), 1e-12);
        assertEquals(40, TallyCharts.quantile(sorted, 1), 1e-12);
    }

    @Test
    void box_plots_draw_a_box_per_nomination_and_escape_labels() {
        String svg = TallyCharts.boxPlots(
                List.of(
                        new TallyCharts.Series("<A&B>", new double[] {20, 60, 80}),
                        new TallyCharts.Series("C", new double[0])),
                "Scores");
        assertTrue(svg.startsWith("<svg"));
        assertEquals(1, svg.split("<rect", -1).length - 1, "one box: C has no sheet");
        assertTrue(svg.contains("&lt;A&amp;B&gt;"));
        assertFalse(svg.contains("<A&B>"));
    }

    @Test
    void severity_marks_severe_and_lenient_jurors() {
        String svg = TallyCharts.severity(
                List.of(new TallyCharts.Spread("Sévère", 30, 5, 10), new TallyCharts.Spread("Indulgent", 80, 5, 10)),
                55,
                20,
                "Severity");
        assertTrue(svg.contains("chart__severe"));
        assertTrue(svg.contains("chart__lenient"));
    }

    @Test
    void the_pdf_text_spells_out_signs_the_standard_fonts_lack() {
        assertEquals("sum w, sd >= 2, z = (S - m) / sd", JuryReport.safe("Σ w, σ ≥ 2, z = (S − μ) / σ"));
    }
}
