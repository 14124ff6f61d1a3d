package org.palmares.nomination;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a nomination accepts, recognised from their first bytes (and for the ZIP-based office
 * formats, their entries), never from their name or what the browser claims.
 */
public enum AttachmentType {
    PDF("application/pdf", "pdf", true),
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    ODT("application/vnd.oasis.opendocument.text", "odt", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false);

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";
    /** ZIP entries looked at before giving up: enough for any real document, bounded against ZIP bombs. */
    private static final int MAX_ENTRIES = 2_000;

    private final String mediaType;
    private final String extension;
    private final boolean previewable;

    AttachmentType(String mediaType, String extension, boolean previewable) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.previewable = previewable;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** A PDF or an image, which the browser may show inside the page. */
    public boolean previewable() {
        return previewable;
    }

    public boolean isImage() {
        return this == JPEG || this == PNG;
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(mediaType))
                .findFirst();
    }

    /** The type of a stored file. */
    public static Optional<AttachmentType> detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<AttachmentType> detect(byte[] content) {
        try {
            return detect(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type of the content, read from the stream's start; empty when it is none of the accepted ones. */
    public static Optional<AttachmentType> detect(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(16);
        byte[] head = buffered.readNBytes(8);
        buffered.reset();
        if (startsWith(head, PDF_MAGIC)) return Optional.of(PDF);
        if (startsWith(head, JPEG_MAGIC)) return Optional.of(JPEG);
        if (startsWith(head, PNG_MAGIC)) return Optional.of(PNG);
        if (startsWith(head, ZIP_MAGIC)) return office(buffered);
        return Optional.empty();
    }

    private static Optional<AttachmentType> office(InputStream in) throws IOException {
        boolean contentTypes = false;
        boolean word = false;
        try (var zip = new ZipInputStream(in)) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ENTRIES) {
                String name = entry.getName();
                if (seen == 1 && name.equals("mimetype")) {
                    byte[] mime = zip.readNBytes(ODT_MIMETYPE.length() + 1);
                    return new String(mime, StandardCharsets.US_ASCII).equals(ODT_MIMETYPE)
                            ? Optional.of(ODT)
                            : Optional.empty();
                }
                if (name.equals("[Content_Types].xml")) contentTypes = true;
                if (name.startsWith("word/")) word = true;
                if (contentTypes && word) return Optional.of(DOCX);
            }
        } catch (java.util.zip.ZipException broken) {
            // Starts like a ZIP but is not one: not an accepted document.
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) return false;
        }
        return true;
    }
}
