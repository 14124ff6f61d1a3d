package org.palmares.nomination;

import com.lowagie.text.Document;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Real files that name their author in their metadata, made in the test (nothing checked in): a PDF, a JPEG, a
 * PNG, a DOCX and an ODT, each with the name where the application that made it would put it. Public for the
 * integration tests.
 */
public final class MetadataFixtures {
    /** The body text of the documents; it names no one. */
    public static final String BODY = "Bilan d'activite 2025 : 42 personnes accompagnees vers l'emploi.";

    private MetadataFixtures() {}

    /**
     * A two-page PDF whose document information (Author, Creator, Title, Subject, Keywords and a key of its own), XMP
     * metadata, sticky-note author and embedded photo's EXIF all name {@code author}.
     */
    public static byte[] pdf(String author) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document();
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addAuthor(author);
            document.addCreator("Traitement de texte de " + author);
            document.addTitle("Dossier de " + author);
            document.addSubject("Candidature de " + author);
            document.addKeywords(author + ", trophées");
            writer.getInfo().put(new PdfName("Territoire"), new PdfString(author));
            writer.createXmpMetadata();
            document.open();
            document.add(new Paragraph(BODY));
            writer.addAnnotation(PdfAnnotation.createText(
                    writer, new Rectangle(400, 700, 420, 720), author, "Relu", false, "Comment"));
            document.newPage();
            document.add(new Paragraph("Page 2"));
            document.add(Image.getInstance(jpeg(author, 1)));
            document.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bigger PDF, about {@code megabytes} MB of photos over many pages, for a timing. */
    public static byte[] bigPdf(String author, int megabytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document();
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addAuthor(author);
            writer.createXmpMetadata();
            document.open();
            java.util.Random random = new java.util.Random(7);
            int page = 0;
            while (out.size() < megabytes * 1024 * 1024) {
                document.add(new Paragraph(BODY + " Page " + ++page));
                document.add(Image.getInstance(noise(random, author)));
                document.newPage();
            }
            document.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] noise(java.util.Random random, String author) throws IOException {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) for (int x = 0; x < 400; x++) image.setRGB(x, y, random.nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return withExif(out.toByteArray(), author, 1);
    }

    /** A drawing, 64 × 48, that decodes to something recognisable (a band of colour, a square). */
    static BufferedImage drawing() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1F77B4));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.ORANGE);
        g.fillRect(10, 10, 20, 20);
        g.dispose();
        return image;
    }

    /**
     * A JPEG as a camera and a photo editor leave it: EXIF (Orientation, Artist, Copyright), XMP (dc:creator), a
     * Photoshop IPTC segment and a comment naming {@code artist}, and a second image appended after its end (as
     * phones do) with an EXIF of its own.
     */
    public static byte[] jpeg(String artist, int orientation) {
        return jpeg(artist, orientation, false);
    }

    /** The same, progressive if asked: several scans, with tables between them. */
    public static byte[] jpeg(String artist, int orientation, boolean progressive) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            var writer = ImageIO.getImageWritersByFormatName("jpg").next();
            try (var out = ImageIO.createImageOutputStream(plain)) {
                writer.setOutput(out);
                var param = writer.getDefaultWriteParam();
                if (progressive) param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
                writer.write(null, new javax.imageio.IIOImage(drawing(), null, null), param);
            } finally {
                writer.dispose();
            }
            byte[] withMetadata = withExif(plain.toByteArray(), artist, orientation);
            ByteArrayOutputStream appended = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", appended);
            return concat(withMetadata, withExif(appended.toByteArray(), artist, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withExif(byte[] jpeg, String artist, int orientation) {
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(artist, orientation));
        byte[] xmp = concat(
                "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                                + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>"
                                + artist + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
                        .getBytes(StandardCharsets.UTF_8));
        byte[] iptc = concat(
                "Photoshop 3.0\08BIM\4\4\0\0".getBytes(StandardCharsets.ISO_8859_1),
                artist.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.writeBytes(segment(0xE1, exif));
        out.writeBytes(segment(0xE1, xmp));
        out.writeBytes(segment(0xED, iptc));
        out.writeBytes(segment(0xFE, ("Photo : " + artist).getBytes(StandardCharsets.UTF_8)));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A little-endian TIFF directory: Orientation, Artist, Copyright. */
    private static byte[] tiff(String artist, int orientation) {
        byte[] name = (artist + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int strings = 8 + 2 + 3 * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(strings + 2 * name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 3);
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        b.putShort((short) 0x013B).putShort((short) 2).putInt(name.length).putInt(strings);
        b.putShort((short) 0x8298).putShort((short) 2).putInt(name.length).putInt(strings + name.length);
        b.putInt(0);
        b.put(name).put(name);
        return b.array();
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] head = {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length};
        return concat(head, payload);
    }

    /** A PNG whose tEXt, iTXt and zTXt chunks, eXIf and tIME name or date {@code author}'s work. */
    public static byte[] png(String author) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(drawing(), "png", plain);
            byte[] png = plain.toByteArray();
            int afterHeader = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(png, 0, afterHeader);
            out.writeBytes(chunk("tEXt", latin1("Author\0" + author)));
            out.writeBytes(chunk("iTXt", concat(latin1("Copyright\0\0\0fr\0\0"), utf8("© " + author))));
            out.writeBytes(chunk("zTXt", concat(latin1("Comment\0\0"), deflate(utf8("Fait par " + author)))));
            out.writeBytes(chunk("eXIf", tiff(author, 1)));
            out.writeBytes(chunk("tIME", new byte[] {0x07, (byte) 0xE9, 3, 14, 9, 30, 0}));
            out.write(png, afterHeader, png.length - afterHeader);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(latin1(type)).put(data);
        CRC32 crc = new CRC32();
        crc.update(latin1(type));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * A DOCX as Word leaves it: core properties (dc:creator, cp:lastModifiedBy, title), extended ones (Company,
     * Manager), a custom property, and a photo with its EXIF in word/media.
     */
    public static byte[] docx(String creator) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(
                "[Content_Types].xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                        + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
                        + "</Types>"));
        entries.put(
                "_rels/.rels",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
                        + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"
                        + "</Relationships>"));
        entries.put(
                "word/document.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>" + BODY + "</w:t></w:r></w:p></w:body></w:document>"));
        entries.put(
                "word/_rels/document.xml.rels",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.jpeg\"/>"
                        + "</Relationships>"));
        entries.put("word/media/image1.jpeg", jpeg(creator, 1));
        entries.put(
                "docProps/core.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "<dc:title>Dossier</dc:title><dc:creator>" + creator + "</dc:creator>"
                        + "<cp:lastModifiedBy>" + creator + "</cp:lastModifiedBy>"
                        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-03-14T09:30:00Z</dcterms:created>"
                        + "</cp:coreProperties>"));
        entries.put(
                "docProps/app.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                        + "<Application>Microsoft Office Word</Application><Company>" + creator + "</Company>"
                        + "<Manager>Directrice de " + creator + "</Manager></Properties>"));
        entries.put(
                "docProps/custom.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
                        + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                        + "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"Territoire\">"
                        + "<vt:lpwstr>" + creator + "</vt:lpwstr></property></Properties>"));
        return zip(entries, null);
    }

    /**
     * An ODT as LibreOffice leaves it: the {@code mimetype} first and stored, meta.xml (meta:initial-creator,
     * dc:creator), settings.xml naming the printer after the office, and a picture with its text chunks.
     */
    public static byte[] odt(String creator) {
        String office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", latin1("application/vnd.oasis.opendocument.text"));
        entries.put(
                "content.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<office:document-content xmlns:office=\"" + office + "\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
                        + "<office:body><office:text><text:p>" + BODY + "</text:p></office:text></office:body>"
                        + "</office:document-content>"));
        entries.put(
                "styles.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles xmlns:office=\"" + office
                        + "\" office:version=\"1.3\"/>"));
        entries.put(
                "meta.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<office:document-meta xmlns:office=\"" + office + "\""
                        + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:meta>"
                        + "<meta:initial-creator>" + creator + "</meta:initial-creator>"
                        + "<dc:creator>" + creator + "</dc:creator>"
                        + "<meta:generator>LibreOffice/24.2</meta:generator></office:meta></office:document-meta>"));
        entries.put(
                "settings.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<office:document-settings xmlns:office=\"" + office + "\""
                        + " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"1.3\">"
                        + "<office:settings><config:config-item-set config:name=\"ooo:configuration-settings\">"
                        + "<config:config-item config:name=\"PrinterName\" config:type=\"string\">Imprimante "
                        + creator + "</config:config-item></config:config-item-set></office:settings>"
                        + "</office:document-settings>"));
        entries.put("Pictures/photo.png", png(creator));
        entries.put(
                "META-INF/manifest.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                        + " manifest:version=\"1.3\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
                        + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                        + "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>"
                        + "<manifest:file-entry manifest:full-path=\"Pictures/photo.png\" manifest:media-type=\"image/png\"/>"
                        + "</manifest:manifest>"));
        return zip(entries, "mimetype");
    }

    /** A ZIP of the entries in order, {@code stored} (if any) without compression, as ODF wants its mimetype. */
    static byte[] zip(Map<String, byte[]> entries, String stored) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    if (e.getKey().equals(stored)) {
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(e.getValue().length);
                        CRC32 crc = new CRC32();
                        crc.update(e.getValue());
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater())) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
