package org.palmares.ceremony.publication;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/** Draws a certificate (A4 landscape, a framed diploma) from its text. */
public final class CertificatePdf {
    private static final Color INK = new Color(0x1f, 0x2a, 0x44);
    private static final Color GOLD = new Color(0xb8, 0x8a, 0x1e);
    private static final Font HEADING = new Font(Font.TIMES_ROMAN, 44, Font.BOLD, INK);
    private static final Font EDITION = new Font(Font.HELVETICA, 17, Font.NORMAL, INK);
    private static final Font AWARD = new Font(Font.HELVETICA, 24, Font.BOLD, GOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 13, Font.NORMAL, Color.DARK_GRAY);
    private static final Font NAME = new Font(Font.TIMES_ROMAN, 30, Font.BOLD, INK);
    private static final Font TITLE = new Font(Font.TIMES_ROMAN, 22, Font.ITALIC, INK);
    private static final Font SIGNATURE = new Font(Font.HELVETICA, 11, Font.NORMAL, Color.DARK_GRAY);
    private static final Font FOOT = new Font(Font.HELVETICA, 13, Font.NORMAL, INK);

    private CertificatePdf() {}

    public static byte[] render(CertificateText text) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4.rotate(), 72, 72, 56, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(text.heading() + " · " + text.title());
            document.open();
            frame(writer.getDirectContentUnder(), document);
            add(document, text.heading(), HEADING, 6, 4);
            add(document, text.edition(), EDITION, 0, 26);
            add(document, text.awardLine(), AWARD, 0, 26);
            add(document, text.presentedTo(), SMALL, 0, 4);
            add(document, text.territory(), NAME, 0, 18);
            add(document, text.forProject(), SMALL, 0, 4);
            add(document, text.quotedTitle(), TITLE, 0, 28);
            if (!text.whenWhere().isEmpty()) add(document, text.whenWhere(), FOOT, 0, 0);
            signatures(writer.getDirectContent(), document, text);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The certificate could not be drawn", e);
        }
        return out.toByteArray();
    }

    private static void add(Document document, String line, Font font, float before, float after)
            throws DocumentException {
        var p = new Paragraph(new Chunk(line == null ? "" : line, font));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.25f);
        document.add(p);
    }

    /** Two signature lines near the bottom edge: the jury's and the organisers'. */
    private static void signatures(PdfContentByte canvas, Document document, CertificateText text) {
        float w = document.getPageSize().getWidth();
        float y = 90;
        float[] centres = {w * 0.28f, w * 0.72f};
        String[] who = {text.signatureJury(), text.signatureOrganisers()};
        canvas.saveState();
        canvas.setColorStroke(Color.GRAY);
        canvas.setLineWidth(0.6f);
        for (int i = 0; i < 2; i++) {
            canvas.moveTo(centres[i] - 110, y + 16);
            canvas.lineTo(centres[i] + 110, y + 16);
            canvas.stroke();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(who[i], SIGNATURE), centres[i], y, 0);
        }
        canvas.restoreState();
    }

    private static void frame(PdfContentByte canvas, Document document) {
        float w = document.getPageSize().getWidth();
        float h = document.getPageSize().getHeight();
        canvas.saveState();
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(4f);
        canvas.rectangle(24, 24, w - 48, h - 48);
        canvas.stroke();
        canvas.setColorStroke(INK);
        canvas.setLineWidth(1f);
        canvas.rectangle(34, 34, w - 68, h - 68);
        canvas.stroke();
        canvas.restoreState();
    }
}
