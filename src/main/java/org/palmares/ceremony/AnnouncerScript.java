package org.palmares.ceremony;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.palmares.platform.Messages;

/**
 * What the announcers say, slide by slide: who speaks, the words, and the winner's name exactly as written (so it is
 * pronounced as the territory wrote it). For organisers only: it names the winners. Shown on the remote and printed.
 */
public final class AnnouncerScript {
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);

    private AnnouncerScript() {}

    /** One slide's script: number from 1, who speaks, what to say, and the winner's name as written (or empty). */
    public record Line(int number, SlideKind kind, String category, String speaker, String say, String asWritten) {
        public String getSpeaker() {
            return speaker;
        }

        public String getSay() {
            return say;
        }

        public String getAsWritten() {
            return asWritten;
        }

        public String getCategory() {
            return category;
        }

        public int getNumber() {
            return number;
        }
    }

    public static List<Line> lines(SlideDeck deck, String editionName, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < deck.size(); i++) lines.add(line(deck.get(i), i, editionName, locale));
        return lines;
    }

    public static Line line(Slide slide, int index, String editionName, Locale locale) {
        String speaker = slide.announcer() == null || slide.announcer().isBlank()
                ? Messages.get(locale, "ceremony.script.host")
                : slide.announcer();
        String category = slide.categoryName() == null ? "" : slide.categoryName();
        String say = switch (slide.kind()) {
            case TITLE -> Messages.get(locale, "ceremony.script.say.title", editionName);
            case CATEGORY ->
                slide.notes() == null ? Messages.get(locale, "ceremony.script.say.category", category) : slide.notes();
            case NOMINEES -> Messages.get(locale, "ceremony.script.say.nominees", names(slide.nominees()));
            case SUSPENSE -> Messages.get(locale, "ceremony.script.say.suspense");
            case WINNER -> {
                String words = Messages.get(locale, "ceremony.script.say.winner", names(slide.winners()));
                if (!slide.mentions().isEmpty())
                    words += " " + Messages.get(locale, "ceremony.script.say.mentions", names(slide.mentions()));
                yield words;
            }
            case NOT_SIGNED_OFF -> Messages.get(locale, "ceremony.script.say.notSignedOff", category);
            case NOT_AWARDED -> Messages.get(locale, "ceremony.script.say.notAwarded", category);
            case END -> Messages.get(locale, "ceremony.script.say.end");
        };
        String asWritten = slide.kind() == SlideKind.WINNER ? names(slide.winners()) : "";
        return new Line(index + 1, slide.kind(), category, speaker, say, asWritten);
    }

    private static String names(List<SlideNominee> nominees) {
        return nominees.stream()
                .map(n -> n.title() + " (" + n.territory() + ")")
                .collect(Collectors.joining(" ; "));
    }

    /** The printable script: one row per slide. */
    public static byte[] pdf(List<Line> lines, String editionName, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(editionName + " – " + Messages.get(locale, "ceremony.script.title"));
            document.addCreator("Palmarès");
            document.open();
            document.add(new Paragraph(safe(editionName), SMALL));
            document.add(new Paragraph(safe(Messages.get(locale, "ceremony.script.title")), TITLE));
            document.add(new Paragraph(safe(Messages.get(locale, "ceremony.script.confidential")), SMALL));
            document.add(new Paragraph(" ", SMALL));
            PdfPTable table = new PdfPTable(new float[] {0.5f, 2.2f, 1.8f, 5.5f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String key : List.of("number", "slide", "speaker", "say")) {
                table.addCell(new PdfPCell(new Phrase(safe(Messages.get(locale, "ceremony.script.col." + key)), BOLD)));
            }
            for (Line line : lines) {
                table.addCell(new PdfPCell(new Phrase(String.valueOf(line.number()), BODY)));
                String slide =
                        Messages.get(locale, "ceremony.slide." + line.kind().name());
                if (!line.category().isEmpty()) slide += "\n" + line.category();
                table.addCell(new PdfPCell(new Phrase(safe(slide), BODY)));
                table.addCell(new PdfPCell(new Phrase(safe(line.speaker()), BOLD)));
                Phrase say = new Phrase(safe(line.say()), BODY);
                if (!line.asWritten().isEmpty()) {
                    say.add(new Phrase(
                            "\n" + safe(Messages.get(locale, "ceremony.script.asWritten", line.asWritten())), BOLD));
                }
                table.addCell(new PdfPCell(say));
            }
            document.add(table);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The announcer script could not be written", e);
        }
        return out.toByteArray();
    }

    /** The standard PDF fonts know Latin-1: typographic signs outside it are spelt plainly. */
    static String safe(String text) {
        return text.replace("’", "'")
                .replace("“", "\"")
                .replace("”", "\"")
                .replace("…", "...")
                .replace("–", "-")
                .replace("—", "-")
                .replace("\u202f", " ");
    }
}
