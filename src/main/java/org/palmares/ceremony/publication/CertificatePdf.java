package org.palmares.ceremony.publication;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/**
 * Draws a certificate worth framing (A4 landscape): a cream page in a gold and ink double frame, the award's emblem and
 * the edition's name at the top, then the heading, the laureate, the project, the prize, the date and place, and two
 * signature lines. Every line is placed on the page's centre line and wraps inside the frame, however long.
 */
public final class CertificatePdf {
    private static final Color INK = new Color(0x1f, 0x2a, 0x44);
    private static final Color GOLD = new Color(0xb0, 0x84, 0x1c);
    private static final Color PAPER = new Color(0xfc, 0xf9, 0xf1);
    // Fonts made from their base font in WinAnsi: given a family constant, OpenPDF hands any character above Latin-1
    // (’, —, « ») to a system font instead, and a line changes typeface in the middle.
    private static final Font EDITION = font(BaseFont.HELVETICA_BOLD, 15, GOLD);
    private static final Font HEADING = font(BaseFont.TIMES_BOLD, 50, INK);
    private static final Font SMALL = font(BaseFont.TIMES_ITALIC, 15, Color.DARK_GRAY);
    private static final Font NAME = font(BaseFont.TIMES_BOLD, 32, INK);
    private static final Font TITLE = font(BaseFont.TIMES_ITALIC, 20, INK);
    private static final Font AWARD = font(BaseFont.HELVETICA_BOLD, 20, GOLD);
    private static final Font FOOT = font(BaseFont.HELVETICA, 13, INK);
    private static final Font SIGNATURE = font(BaseFont.HELVETICA, 11, Color.DARK_GRAY);

    private static Font font(String base, float size, Color color) {
        try {
            return new Font(
                    BaseFont.createFont(base, BaseFont.CP1252, BaseFont.NOT_EMBEDDED), size, Font.NORMAL, color);
        } catch (java.io.IOException | DocumentException e) {
            throw new IllegalStateException("A standard PDF font is missing: " + base, e);
        }
    }

    private CertificatePdf() {}

    public static byte[] render(CertificateText text) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4.rotate(), 72, 72, 56, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(text.heading() + " · " + text.title());
            document.addSubject(text.awardLine());
            document.addCreator("Palmarès");
            document.open();
            float w = document.getPageSize().getWidth();
            float h = document.getPageSize().getHeight();
            PdfContentByte under = writer.getDirectContentUnder();
            frame(under, w, h);
            PdfContentByte canvas = writer.getDirectContent();
            emblem(canvas, w / 2, h - 66);
            float y = h - 124;
            y = line(canvas, text.edition().toUpperCase(text.locale()), EDITION, w, y, 10);
            y = line(canvas, text.heading(), HEADING, w, y, 0);
            rule(canvas, w / 2, y - 18);
            y = line(canvas, text.presentedTo(), SMALL, w, y - 30, 8);
            y = line(canvas, text.territory(), NAME, w, y, 10);
            y = line(canvas, text.forProject() + " " + text.quotedTitle(), TITLE, w, y, 26);
            y = line(canvas, text.awardLine(), AWARD, w, y, 22);
            if (!text.whenWhere().isEmpty()) line(canvas, text.whenWhere(), FOOT, w, y, 0);
            signatures(canvas, w, text);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The certificate could not be drawn", e);
        }
        return out.toByteArray();
    }

    /** One centred line (wrapped inside the frame when long) whose top is at y; answers the y below it. */
    private static float line(PdfContentByte canvas, String text, Font font, float pageWidth, float top, float after)
            throws DocumentException {
        if (text == null || text.isBlank()) return top;
        var column = new ColumnText(canvas);
        float leading = font.getSize() * 1.2f;
        column.setSimpleColumn(new Phrase(text, font), 110, 120, pageWidth - 110, top, leading, Element.ALIGN_CENTER);
        column.go();
        return column.getYLine() - after;
    }

    /** A short gold rule with a diamond in its middle, under the heading. */
    private static void rule(PdfContentByte canvas, float x, float y) {
        canvas.saveState();
        canvas.setColorStroke(GOLD);
        canvas.setColorFill(GOLD);
        canvas.setLineWidth(0.8f);
        canvas.moveTo(x - 90, y);
        canvas.lineTo(x - 8, y);
        canvas.moveTo(x + 8, y);
        canvas.lineTo(x + 90, y);
        canvas.stroke();
        diamond(canvas, x, y, 4);
        canvas.restoreState();
    }

    /** The award's emblem: a cup on its foot, in gold (the site's icon). */
    private static void emblem(PdfContentByte canvas, float x, float top) {
        canvas.saveState();
        canvas.setColorFill(GOLD);
        canvas.setColorStroke(GOLD);
        // The bowl: a rectangle closed by a half ellipse.
        canvas.moveTo(x - 15, top);
        canvas.lineTo(x + 15, top);
        canvas.lineTo(x + 15, top - 8);
        canvas.curveTo(x + 15, top - 22, x + 8, top - 28, x, top - 28);
        canvas.curveTo(x - 8, top - 28, x - 15, top - 22, x - 15, top - 8);
        canvas.closePath();
        canvas.fill();
        // The handles.
        canvas.setLineWidth(2.2f);
        canvas.moveTo(x - 15, top - 4);
        canvas.curveTo(x - 25, top - 4, x - 24, top - 18, x - 12, top - 20);
        canvas.moveTo(x + 15, top - 4);
        canvas.curveTo(x + 25, top - 4, x + 24, top - 18, x + 12, top - 20);
        canvas.stroke();
        // The stem and the foot.
        canvas.rectangle(x - 3, top - 36, 6, 9);
        canvas.rectangle(x - 12, top - 40, 24, 4);
        canvas.fill();
        canvas.restoreState();
    }

    /** Two signature lines near the bottom edge: the jury's and the organisers'. */
    private static void signatures(PdfContentByte canvas, float w, CertificateText text) {
        float y = 88;
        float[] centres = {w * 0.27f, w * 0.73f};
        String[] who = {text.signatureJury(), text.signatureOrganisers()};
        canvas.saveState();
        canvas.setColorStroke(INK);
        canvas.setLineWidth(0.6f);
        for (int i = 0; i < 2; i++) {
            canvas.moveTo(centres[i] - 115, y + 16);
            canvas.lineTo(centres[i] + 115, y + 16);
            canvas.stroke();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(who[i], SIGNATURE), centres[i], y, 0);
        }
        canvas.restoreState();
    }

    /** The cream page, a gold outer frame, an ink inner one, and a gold diamond at each corner. */
    private static void frame(PdfContentByte canvas, float w, float h) {
        canvas.saveState();
        canvas.setColorFill(PAPER);
        canvas.rectangle(0, 0, w, h);
        canvas.fill();
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(5f);
        canvas.rectangle(22, 22, w - 44, h - 44);
        canvas.stroke();
        canvas.setLineWidth(0.8f);
        canvas.rectangle(31, 31, w - 62, h - 62);
        canvas.stroke();
        canvas.setColorStroke(INK);
        canvas.setLineWidth(1.2f);
        canvas.rectangle(38, 38, w - 76, h - 76);
        canvas.stroke();
        canvas.setColorFill(GOLD);
        for (float[] c : new float[][] {{38, 38}, {w - 38, 38}, {38, h - 38}, {w - 38, h - 38}}) {
            diamond(canvas, c[0], c[1], 7);
        }
        canvas.restoreState();
    }

    private static void diamond(PdfContentByte canvas, float x, float y, float r) {
        canvas.moveTo(x, y + r);
        canvas.lineTo(x + r, y);
        canvas.lineTo(x, y - r);
        canvas.lineTo(x - r, y);
        canvas.closePath();
        canvas.fill();
    }
}
