package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataScrubberTest {
    private static final String NAME = "Maison de l'Emploi de Test";
    /** Also looked for alone: a part of the name is as telling as the whole. */
    private static final String PART = "Emploi de Test";

    @TempDir
    Path dir;

    private byte[] scrub(AttachmentType type, byte[] original) throws IOException {
        Path file = Files.createTempFile(dir, "stored", ".bin");
        Files.write(file, original);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetadataScrubber.copy(type, file, out);
        return out.toByteArray();
    }

    @Test
    void a_blind_copy_of_a_pdf_keeps_its_pages_and_text_but_names_no_author() throws Exception {
        byte[] original = MetadataFixtures.pdf(NAME);
        assertTrue(holdsName(original), "the fixture names its author in plain bytes");

        byte[] copy = scrub(AttachmentType.PDF, original);

        assertFalse(holdsName(copy), "the copy's bytes name the author");
        PdfReader before = new PdfReader(original);
        PdfReader after = new PdfReader(copy);
        assertEquals(before.getNumberOfPages(), after.getNumberOfPages());
        for (int page = 1; page <= before.getNumberOfPages(); page++) {
            assertEquals(
                    new PdfTextExtractor(before).getTextFromPage(page),
                    new PdfTextExtractor(after).getTextFromPage(page),
                    "page " + page);
        }
        assertTrue(new PdfTextExtractor(after).getTextFromPage(1).contains("Bilan d'activite"));
        assertNull(after.getMetadata(), "no XMP in the catalog");
        for (String key : List.of("Author", "Creator", "Title", "Subject", "Keywords", "Territoire")) {
            assertNull(after.getInfo().get(key), key);
        }
        assertFalse(String.valueOf(after.getInfo().get("Producer")).contains(PART));
        List<byte[]> streams = decodedStreams(after);
        assertTrue(streams.stream().noneMatch(MetadataScrubberTest::holdsName), "a decoded stream names the author");
        assertEquals(dctImages(before), dctImages(after), "the photo is still there, as a JPEG (without its EXIF)");
        assertTrue(
                decodedStreams(before).stream().anyMatch(MetadataScrubberTest::holdsName),
                "the fixture's photo and XMP name the author once decoded");
    }

    @Test
    void a_blind_copy_of_a_jpeg_is_the_same_image_without_exif_xmp_iptc_comment_or_appended_image() throws Exception {
        byte[] original = MetadataFixtures.jpeg(NAME, 1);
        assertTrue(holdsName(original));

        byte[] copy = scrub(AttachmentType.JPEG, original);

        assertFalse(holdsName(copy), "the copy names the artist");
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(copy));
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        assertArrayEquals(pixels(a), pixels(b), "the pixels are not re-encoded");
        assertEquals(0xD9, copy[copy.length - 1] & 0xFF, "the copy ends with the image's EOI, nothing after");
        assertEquals(1, count(copy, new byte[] {(byte) 0xFF, (byte) 0xD8}), "one image, the appended one dropped");
        assertEquals(List.of(0xE0), appSegments(copy), "only JFIF is left of the APP segments");
    }

    @Test
    void a_blind_copy_of_a_progressive_jpeg_keeps_every_scan() throws Exception {
        byte[] original = MetadataFixtures.jpeg(NAME, 1, true);
        assertTrue(count(original, new byte[] {(byte) 0xFF, (byte) 0xDA}) > 1, "the fixture has several scans");

        byte[] copy = scrub(AttachmentType.JPEG, original);

        assertFalse(holdsName(copy));
        assertArrayEquals(
                pixels(ImageIO.read(new ByteArrayInputStream(original))),
                pixels(ImageIO.read(new ByteArrayInputStream(copy))));
    }

    @Test
    void a_blind_copy_of_a_jpeg_keeps_its_orientation_and_nothing_else_of_its_exif() throws Exception {
        byte[] copy = scrub(AttachmentType.JPEG, MetadataFixtures.jpeg(NAME, 6));

        assertFalse(holdsName(copy));
        assertEquals(List.of(0xE1, 0xE0), appSegments(copy), "a new, minimal EXIF, then JFIF");
        int at = indexOf(copy, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] exif = java.util.Arrays.copyOfRange(copy, at, at + 32);
        assertEquals(6, ImageMetadata.orientation(exif), "a portrait photo still stands upright");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(copy)));
    }

    @Test
    void a_blind_copy_of_a_png_is_the_same_image_with_only_the_chunks_that_draw_it() throws Exception {
        byte[] original = MetadataFixtures.png(NAME);
        assertTrue(holdsName(original));
        assertTrue(chunks(original).containsAll(List.of("tEXt", "iTXt", "zTXt", "eXIf", "tIME")));

        byte[] copy = scrub(AttachmentType.PNG, original);

        assertFalse(holdsName(copy));
        List<String> chunks = chunks(copy);
        assertEquals("IHDR", chunks.get(0));
        assertEquals("IEND", chunks.get(chunks.size() - 1));
        assertTrue(
                chunks.stream().noneMatch(List.of("tEXt", "iTXt", "zTXt", "eXIf", "tIME")::contains),
                chunks.toString());
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(copy));
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        assertArrayEquals(pixels(a), pixels(b));
    }

    @Test
    void a_blind_copy_of_a_docx_has_the_same_entries_and_names_no_creator_even_inflated() throws Exception {
        byte[] original = MetadataFixtures.docx(NAME);
        assertTrue(entries(original).values().stream().anyMatch(MetadataScrubberTest::holdsName));

        byte[] copy = scrub(AttachmentType.DOCX, original);

        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(copy);
        assertEquals(new ArrayList<>(before.keySet()), new ArrayList<>(after.keySet()), "same entries, same order");
        after.forEach((name, content) -> assertFalse(holdsName(content), name + " names the creator"));
        assertArrayEquals(before.get("word/document.xml"), after.get("word/document.xml"), "the text is untouched");
        for (String part : List.of("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")) {
            parseXml(after.get(part));
        }
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(copy))) {
            assertEquals(MetadataFixtures.BODY, word.getParagraphs().get(0).getText());
            var core = word.getProperties().getCoreProperties();
            assertNull(core.getCreator());
            assertNull(core.getLastModifiedByUser());
            assertNull(word.getProperties().getExtendedProperties().getCompany());
        }
        assertNotNull(ImageIO.read(new ByteArrayInputStream(after.get("word/media/image1.jpeg"))));
    }

    @Test
    void a_blind_copy_of_an_odt_keeps_its_mimetype_first_and_stored_and_names_no_creator() throws Exception {
        byte[] original = MetadataFixtures.odt(NAME);
        assertTrue(entries(original).values().stream().anyMatch(MetadataScrubberTest::holdsName));

        byte[] copy = scrub(AttachmentType.ODT, original);

        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(copy);
        assertEquals(new ArrayList<>(before.keySet()), new ArrayList<>(after.keySet()));
        after.forEach((name, content) -> assertFalse(holdsName(content), name + " names the creator"));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(copy))) {
            ZipEntry first = zip.getNextEntry();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod());
        }
        assertEquals(
                "application/vnd.oasis.opendocument.text",
                new String(copy, 38, 39, StandardCharsets.US_ASCII),
                "the media type readable at byte 38, where the format is sniffed");
        assertEquals(java.util.Optional.of(AttachmentType.ODT), AttachmentType.detect(copy));
        assertArrayEquals(before.get("content.xml"), after.get("content.xml"));
        var meta = parseXml(after.get("meta.xml"));
        assertEquals("office:document-meta", meta.getDocumentElement().getNodeName());
        assertEquals("1.3", meta.getDocumentElement().getAttribute("office:version"));
        parseXml(after.get("settings.xml"));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(after.get("Pictures/photo.png"))));
    }

    @Test
    void a_file_that_cannot_be_followed_is_not_copied() {
        byte[] png = MetadataFixtures.png(NAME);
        png[40] ^= 0x55; // inside the tEXt chunk: its CRC no longer matches
        byte[] jpeg = MetadataFixtures.jpeg(NAME, 1);
        byte[] truncatedJpeg = java.util.Arrays.copyOf(jpeg, 30); // ends inside the EXIF segment
        assertThrows(IOException.class, () -> scrub(AttachmentType.PDF, "%PDF-1.4\n%%EOF\n".getBytes()));
        assertThrows(IOException.class, () -> scrub(AttachmentType.PNG, png));
        assertThrows(IOException.class, () -> scrub(AttachmentType.JPEG, truncatedJpeg));
        assertThrows(IOException.class, () -> scrub(AttachmentType.DOCX, "PK\3\4 not a zip".getBytes()));
        assertThrows(IOException.class, () -> scrub(AttachmentType.ODT, MetadataFixtures.docx(NAME)));
    }

    @Test
    void a_password_protected_pdf_is_not_copied() {
        // As a PDF writer leaves one: the trailer names its encryption dictionary (OpenPDF needs BouncyCastle to write
        // one, so it is written by hand).
        String pdf =
                "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                        + "3 0 obj<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>endobj\n"
                        + "trailer<</Root 1 0 R/Encrypt 3 0 R/Size 4>>\n%%EOF\n";
        IOException refused = assertThrows(
                IOException.class, () -> scrub(AttachmentType.PDF, pdf.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(refused.getMessage().contains("encrypted"), refused.getMessage());
    }

    @Test
    void a_pdf_is_seen_as_protected_only_when_it_names_an_encryption_dictionary() throws Exception {
        Path plain = Files.write(dir.resolve("plain.pdf"), MetadataFixtures.pdf(NAME));
        Path named = Files.write(dir.resolve("named.pdf"), "%PDF-1.4 /EncryptMetadata false".getBytes());
        // Across the end of the first window read (64 KB and the name's length).
        byte[] far = new byte[64 * 1024 + 4];
        java.util.Arrays.fill(far, (byte) ' ');
        Path split = Files.write(dir.resolve("split.pdf"), MetadataFixtures.concat(far, "/Encrypt 3 0 R>>".getBytes()));
        assertFalse(MetadataScrubber.encrypted(plain));
        assertFalse(MetadataScrubber.encrypted(named));
        assertTrue(MetadataScrubber.encrypted(split));
    }

    // --- helpers ---

    private static boolean holdsName(byte[] bytes) {
        for (var charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            if (indexOf(bytes, PART.getBytes(charset)) >= 0) return true;
        }
        // Once inflated too: a zTXt chunk or a compressed stream hides its text from a plain search.
        return inflatedAnywhere(bytes);
    }

    /** Whether a zlib stream starting anywhere in the bytes inflates to something naming the author. */
    private static boolean inflatedAnywhere(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] != 0x78) continue;
            int second = bytes[i + 1] & 0xFF;
            if (((0x78 << 8) | second) % 31 != 0) continue;
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, i, bytes.length - i))) {
                byte[] inflated = in.readNBytes(1 << 20);
                if (indexOf(inflated, PART.getBytes(StandardCharsets.ISO_8859_1)) >= 0) return true;
                if (indexOf(inflated, PART.getBytes(StandardCharsets.UTF_16BE)) >= 0) return true;
            } catch (IOException notZlib) {
                // Not a zlib stream after all: keep looking.
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static int count(byte[] haystack, byte[] needle) {
        int n = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) match = haystack[i + j] == needle[j];
            if (match) n++;
        }
        return n;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The APPn markers before the first scan, in order. */
    private static List<Integer> appSegments(byte[] jpeg) {
        List<Integer> found = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA) break;
            if (marker >= 0xE0 && marker <= 0xEF || marker == 0xFE) found.add(marker);
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return found;
    }

    private static List<String> chunks(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.remaining() >= 12) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            types.add(new String(type, StandardCharsets.ISO_8859_1));
            b.position(b.position() + length + 4);
        }
        return types;
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    private static org.w3c.dom.Document parseXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<byte[]> decodedStreams(PdfReader reader) throws IOException {
        List<byte[]> streams = new ArrayList<>();
        for (int k = 1; k < reader.getXrefSize(); k++) {
            if (reader.getPdfObject(k) instanceof PRStream stream) {
                streams.add(isDct(stream) ? PdfReader.getStreamBytesRaw(stream) : PdfReader.getStreamBytes(stream));
            }
        }
        return streams;
    }

    private static int dctImages(PdfReader reader) {
        int n = 0;
        for (int k = 1; k < reader.getXrefSize(); k++) {
            if (reader.getPdfObject(k) instanceof PRStream stream && isDct(stream)) n++;
        }
        return n;
    }

    private static boolean isDct(PdfDictionary stream) {
        PdfObject filter = PdfReader.getPdfObject(stream.get(PdfName.FILTER));
        return PdfName.DCTDECODE.equals(filter)
                || (filter instanceof PdfArray a && a.size() == 1 && PdfName.DCTDECODE.equals(a.getPdfObject(0)));
    }
}
