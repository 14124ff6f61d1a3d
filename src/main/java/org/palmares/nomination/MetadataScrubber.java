package org.palmares.nomination;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes a copy of an attachment without the metadata that often names its author or territory, for a juror who
 * reviews blind; the content is left as it is and still opens in its application. One method per {@link
 * AttachmentType}:
 *
 * <ul>
 *   <li>PDF (OpenPDF): the document information (Author, Creator, Producer, Title, Subject, Keywords and any other
 *       key) emptied, every XMP metadata stream removed (the catalog's and those of pages, images and fonts), the
 *       private data of the application that made it ({@code /PieceInfo}), the authors of comments, the EXIF of
 *       embedded JPEG images, and the objects nothing refers to any more, earlier revisions included;
 *   <li>JPEG and PNG: see {@link ImageMetadata} (lossless, allow-list);
 *   <li>DOCX: the core, extended and custom properties parts (found through the package relationships) replaced by
 *       empty but valid ones, embedded images through {@link ImageMetadata};
 *   <li>ODT: {@code meta.xml} and {@code settings.xml} (the printer's name) replaced by empty but valid ones, the
 *       {@code mimetype} entry kept first and stored, embedded images through {@link ImageMetadata}.
 * </ul>
 *
 * A file it cannot follow throws: the caller then sends nothing rather than the original.
 */
public final class MetadataScrubber {
    private static final PdfName PIECE_INFO = new PdfName("PieceInfo");

    private static final String OOXML_CORE = "/metadata/core-properties";
    private static final String OOXML_EXTENDED = "/extended-properties";
    private static final String OOXML_CUSTOM = "/custom-properties";

    private static final String EMPTY_CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<cp:coreProperties"
            + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>";
    private static final String EMPTY_EXTENDED = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>";
    private static final String EMPTY_CUSTOM = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>";
    private static final String ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    /** A file whose structure cannot be followed: it is not copied at all rather than copied with what it hides. */
    public static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why);
        }
    }

    private MetadataScrubber() {}

    /** Writes the scrubbed copy of {@code source}, a stored file of that type, to {@code out}. */
    public static void copy(AttachmentType type, Path source, OutputStream out) throws IOException {
        switch (type) {
            case PDF -> pdf(source, out);
            case JPEG -> image(source, out, ImageMetadata::jpeg);
            case PNG -> image(source, out, ImageMetadata::png);
            case DOCX -> docx(source, out);
            case ODT -> odt(source, out);
        }
    }

    private interface ImageCopy {
        void copy(InputStream in, OutputStream out) throws IOException;
    }

    private static void image(Path source, OutputStream out, ImageCopy copy) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(source)) {
            copy.copy(in, out);
        }
    }

    // --- PDF ---

    static void pdf(Path source, OutputStream out) throws IOException {
        // A protected PDF cannot be rewritten without its owner's password, and its metadata may be encrypted; asked
        // before OpenPDF reads it, as decrypting needs BouncyCastle, which the application does not ship.
        if (encrypted(source)) throw new Unreadable("encrypted PDF");
        PdfReader reader;
        try {
            reader = new PdfReader(source.toString());
        } catch (RuntimeException e) {
            throw new Unreadable("PDF: " + e);
        }
        try {
            if (reader.isEncrypted()) throw new Unreadable("encrypted PDF");
            PdfDictionary info = reader.getTrailer().getAsDict(PdfName.INFO);
            if (info != null) new ArrayList<>(info.getKeys()).forEach(info::remove);
            for (int k = 1; k < reader.getXrefSize(); k++) {
                PdfObject object = reader.getPdfObject(k);
                if (object instanceof PdfDictionary dictionary) {
                    // XMP may hang from any dictionary (pages, images, fonts), and /PieceInfo holds the private data
                    // of the application that made the file (an Illustrator PDF keeps its whole source there).
                    dictionary.remove(PdfName.METADATA);
                    dictionary.remove(PIECE_INFO);
                }
                if (object instanceof PRStream stream && onlyDct(stream)) scrubJpegStream(stream);
            }
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                removeCommentAuthors(reader.getPageN(page));
            }
            // What nothing refers to any more (the XMP streams, an earlier revision's information) is not written.
            reader.removeUnusedObjects();
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.close();
        } catch (RuntimeException e) {
            throw new Unreadable("PDF: " + e);
        } finally {
            reader.close();
        }
    }

    /**
     * Whether the PDF names an encryption dictionary: the trailer's {@code /Encrypt}, which is never compressed (an
     * xref stream's dictionary is plain text), searched a window at a time.
     */
    static boolean encrypted(Path source) throws IOException {
        byte[] name = "/Encrypt".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[64 * 1024 + name.length];
        int carried = 0;
        try (InputStream in = java.nio.file.Files.newInputStream(source)) {
            int read;
            while ((read = in.read(buffer, carried, buffer.length - carried)) > 0) {
                int end = carried + read;
                for (int i = 0; i + name.length < end; i++) {
                    if (matches(buffer, i, name) && !Character.isLetterOrDigit(buffer[i + name.length])) return true;
                }
                carried = Math.min(name.length, end);
                System.arraycopy(buffer, end - carried, buffer, 0, carried);
            }
        }
        return false;
    }

    private static boolean matches(byte[] buffer, int at, byte[] name) {
        for (int j = 0; j < name.length; j++) if (buffer[at + j] != name[j]) return false;
        return true;
    }

    /** An image stream that is a JPEG file as it is (its only filter DCTDecode): it carries the JPEG's EXIF too. */
    private static boolean onlyDct(PRStream stream) {
        PdfObject filter = PdfReader.getPdfObject(stream.get(PdfName.FILTER));
        if (PdfName.DCTDECODE.equals(filter)) return true;
        return filter instanceof PdfArray array
                && array.size() == 1
                && PdfName.DCTDECODE.equals(PdfReader.getPdfObject(array.getPdfObject(0)));
    }

    private static void scrubJpegStream(PRStream stream) throws IOException {
        byte[] raw = PdfReader.getStreamBytesRaw(stream);
        ByteArrayOutputStream clean = new ByteArrayOutputStream(raw.length);
        ImageMetadata.jpeg(new ByteArrayInputStream(raw), clean);
        PdfObject filter = stream.get(PdfName.FILTER);
        // setData drops the filter; the bytes are still DCT-encoded, so it is put back.
        stream.setData(clean.toByteArray(), false);
        stream.put(PdfName.FILTER, filter);
    }

    /** A markup annotation's title is its author's name; a form field's widget uses /T for the field's name. */
    private static void removeCommentAuthors(PdfDictionary page) {
        PdfArray annotations = page.getAsArray(PdfName.ANNOTS);
        if (annotations == null) return;
        for (int i = 0; i < annotations.size(); i++) {
            if (PdfReader.getPdfObject(annotations.getPdfObject(i)) instanceof PdfDictionary annotation
                    && !PdfName.WIDGET.equals(annotation.getAsName(PdfName.SUBTYPE))) {
                annotation.remove(PdfName.T);
            }
        }
    }

    // --- DOCX and ODT ---

    static void docx(Path source, OutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            Map<String, String> replaced = new HashMap<>();
            replaced.put("docProps/core.xml", EMPTY_CORE);
            replaced.put("docProps/app.xml", EMPTY_EXTENDED);
            replaced.put("docProps/custom.xml", EMPTY_CUSTOM);
            replaced.putAll(ooxmlPropertyParts(zip));
            rewrite(zip, out, replaced, false);
        }
    }

    static void odt(Path source, OutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            Map<String, String> replaced = new HashMap<>();
            String version = odfVersion(zip);
            replaced.put("meta.xml", odfDocument("document-meta", "meta", version));
            replaced.put("settings.xml", odfDocument("document-settings", "settings", version));
            rewrite(zip, out, replaced, true);
        }
    }

    /**
     * Copies every entry, in the same order and under the same name, replacing the named parts and the embedded
     * images. Entries are written compressed (their extra fields and comments, which may name a machine or a person,
     * are not copied), except an ODT's {@code mimetype}, which must come first and stored for the format to be
     * recognised.
     */
    private static void rewrite(ZipFile zip, OutputStream out, Map<String, String> replaced, boolean odf)
            throws IOException {
        try (ZipOutputStream copy = new ZipOutputStream(out)) {
            if (odf) {
                ZipEntry mimetype = zip.getEntry("mimetype");
                if (mimetype == null) throw new Unreadable("ODT without mimetype");
                byte[] content;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    content = in.readAllBytes();
                }
                ZipEntry stored = new ZipEntry("mimetype");
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(content.length);
                stored.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                stored.setCrc(crc.getValue());
                stored.setTime(mimetype.getTime());
                copy.putNextEntry(stored);
                copy.write(content);
                copy.closeEntry();
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (odf && entry.getName().equals("mimetype")) continue;
                ZipEntry next = new ZipEntry(entry.getName());
                next.setTime(entry.getTime());
                copy.putNextEntry(next);
                String replacement = replaced.get(entry.getName());
                if (replacement != null) {
                    copy.write(replacement.getBytes(StandardCharsets.UTF_8));
                } else if (!entry.isDirectory()) {
                    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
                        copyPart(in, copy);
                    }
                }
                copy.closeEntry();
            }
        }
    }

    /** A part as it is, unless it is a JPEG or PNG image (a photo pasted in keeps its EXIF, GPS included). */
    private static void copyPart(InputStream in, OutputStream out) throws IOException {
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        var type = AttachmentType.detect(head);
        if (type.filter(t -> t == AttachmentType.JPEG).isPresent()) ImageMetadata.jpeg(in, out);
        else if (type.filter(t -> t == AttachmentType.PNG).isPresent()) ImageMetadata.png(in, out);
        else in.transferTo(out);
    }

    /**
     * The property parts the package's relationships name, with their empty replacement: usually {@code
     * docProps/core.xml}, {@code app.xml} and {@code custom.xml}, but a package may put them elsewhere.
     */
    private static Map<String, String> ooxmlPropertyParts(ZipFile zip) throws IOException {
        Map<String, String> parts = new HashMap<>();
        ZipEntry rels = zip.getEntry("_rels/.rels");
        if (rels == null) return parts;
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader xml = xmlReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT
                        || !xml.getLocalName().equals("Relationship")) continue;
                String type = xml.getAttributeValue(null, "Type");
                String target = xml.getAttributeValue(null, "Target");
                if (type == null || target == null) continue;
                String part = target.startsWith("/") ? target.substring(1) : target;
                if (type.endsWith(OOXML_CORE)) parts.put(part, EMPTY_CORE);
                else if (type.endsWith(OOXML_EXTENDED)) parts.put(part, EMPTY_EXTENDED);
                else if (type.endsWith(OOXML_CUSTOM)) parts.put(part, EMPTY_CUSTOM);
            }
        } catch (XMLStreamException e) {
            throw new Unreadable("DOCX relationships: " + e.getMessage());
        }
        return parts;
    }

    /** The ODF version the document declares in its content (so the empty parts declare the same); 1.2 if none. */
    private static String odfVersion(ZipFile zip) throws IOException {
        ZipEntry content = zip.getEntry("content.xml");
        if (content == null) return "1.2";
        try (InputStream in = zip.getInputStream(content)) {
            XMLStreamReader xml = xmlReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    String version = xml.getAttributeValue(ODF_OFFICE, "version");
                    return version == null || !version.matches("[0-9.]{1,8}") ? "1.2" : version;
                }
            }
        } catch (XMLStreamException e) {
            throw new Unreadable("ODT content: " + e.getMessage());
        }
        return "1.2";
    }

    private static String odfDocument(String root, String body, String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:" + root + " xmlns:office=\"" + ODF_OFFICE
                + "\" office:version=\"" + version + "\"><office:" + body + "/></office:" + root + ">";
    }

    /** A StAX reader that reads no DTD and resolves no external entity: these parts come from the uploader. */
    private static XMLStreamReader xmlReader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(in);
    }
}
