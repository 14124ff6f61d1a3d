package org.palmares.nomination;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
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
import org.palmares.platform.Messages;

/**
 * The PDF summary a territory receives when it submits: what was submitted, word for word. Every text the
 * territory typed goes in as plain text, never interpreted as HTML or markup.
 */
public final class NominationReceipt {
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);

    private NominationReceipt() {}

    /** The receipt's file name, e.g. {@code TC2019-SOC-007.pdf}. */
    public static String fileName(Nomination nomination) {
        return (nomination.hasReference() ? nomination.getReference() : "nomination-" + nomination.getId()) + ".pdf";
    }

    public static byte[] pdf(Nomination nomination, List<Question> questions, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(fileName(nomination));
            document.addCreator("Palmarès");
            document.open();
            var edition = nomination.getCategory().getEdition();
            document.add(new Paragraph(edition.name(locale), SMALL));
            document.add(new Paragraph(Messages.get(locale, "receipt.pdf.heading"), TITLE));
            document.add(Chunk.NEWLINE);

            PdfPTable facts = new PdfPTable(new float[] {1, 3});
            facts.setWidthPercentage(100);
            row(facts, Messages.get(locale, "nomination.reference"), nomination.getReference());
            row(facts, Messages.get(locale, "nomination.title"), nomination.getTitle());
            row(
                    facts,
                    Messages.get(locale, "nomination.category"),
                    nomination.getCategory().name(locale));
            row(
                    facts,
                    Messages.get(locale, "receipt.pdf.territory"),
                    nomination.getTerritory().getName());
            row(
                    facts,
                    Messages.get(locale, "receipt.pdf.submittedAt"),
                    nomination.getSubmittedAt() == null
                            ? ""
                            : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                            .withLocale(Messages.supported(locale))
                                            .withZone(ZoneId.of(edition.getTimeZone()))
                                            .format(nomination.getSubmittedAt())
                                    + " (" + edition.getTimeZone() + ")");
            document.add(facts);

            section(document, Messages.get(locale, "nomination.summary"), nomination.getSummary());
            for (Question question : questions) {
                section(document, question.label(locale), nomination.valueOf(question));
            }
            document.add(new Paragraph(Messages.get(locale, "nomination.attachments"), HEADING));
            if (nomination.getAttachments().isEmpty()) {
                document.add(new Paragraph("—", BODY));
            }
            for (Attachment attachment : nomination.getAttachments()) {
                document.add(new Paragraph(
                        "• " + attachment.getOriginalName() + " ("
                                + Messages.get(locale, "receipt.pdf.kb", kilobytes(attachment.getSize())) + ")",
                        BODY));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The receipt could not be written", e);
        }
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell name = new PdfPCell(new Phrase(label, HEADING));
        name.setBorder(0);
        name.setPaddingBottom(4);
        PdfPCell text = new PdfPCell(new Phrase(value == null || value.isBlank() ? "—" : value, BODY));
        text.setBorder(0);
        text.setPaddingBottom(4);
        table.addCell(name);
        table.addCell(text);
    }

    private static void section(Document document, String heading, String text) throws DocumentException {
        document.add(Chunk.NEWLINE);
        document.add(new Paragraph(heading, HEADING));
        Paragraph body = new Paragraph(text == null || text.isBlank() ? "—" : text, BODY);
        body.setAlignment(Element.ALIGN_LEFT);
        document.add(body);
    }

    private static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }
}
