package org.palmares.nomination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The checks a file passes after its type is recognised from its first bytes: it must be that type and nothing
 * else. Refused: a file that is also a ZIP archive (a PDF or an image with an archive appended: a polyglot), a PDF
 * or an image that carries HTML or script in its first kilobyte, a PDF that does not end with {@code %%EOF} or that
 * asks the reader to run JavaScript or launch a program, a PNG with data after its end, a DOCX or ODT that is not a
 * complete package or that expands beyond the limits (a ZIP bomb: checked by decompressing in memory, counting,
 * never writing anything out). The limits come from the configuration, see {@link Limits}.
 */
public final class AttachmentInspection {
    /** Why a file is refused; each has a message key {@code attachment.refused.<name in lower camel case>}. */
    public enum Refusal {
        POLYGLOT("attachment.refused.polyglot"),
        ACTIVE_CONTENT("attachment.refused.activeContent"),
        TRUNCATED("attachment.refused.truncated"),
        INVALID_PACKAGE("attachment.refused.invalidPackage"),
        ZIP_BOMB("attachment.refused.zipBomb");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * How far a DOCX or ODT may expand: total bytes once decompressed, number of entries, and the ratio of the
     * expanded size to the file's size (checked once the expanded size passes {@code ratioFromBytes}).
     */
    public record Limits(long maxExpandedBytes, int maxEntries, long maxRatio, long ratioFromBytes) {
        public static final Limits DEFAULT = new Limits(100L * 1024 * 1024, 1_000, 100, 10L * 1024 * 1024);
    }

    /** Bytes at each end of a file that are searched for markup, {@code %%EOF} and an archive's end record. */
    private static final int HEAD = 1024;

    private static final int ZIP_END_RECORD = 22;
    private static final int ZIP_MAX_COMMENT = 0xFFFF;

    private static final String[] ACTIVE_MARKUP = {
        "<html", "<script", "<body", "<iframe", "<svg", "<!doctype", "<?xml-stylesheet", "javascript:"
    };
    private static final String[] PDF_ACTIONS = {"/JavaScript", "/Launch", "/EmbeddedFile", "/RichMedia"};

    private AttachmentInspection() {}

    /** Why this file, recognised as {@code type}, is refused; empty when it is clean. */
    public static Optional<Refusal> inspect(Path file, AttachmentType type, Limits limits) {
        try {
            long size = Files.size(file);
            return switch (type) {
                case DOCX, ODT -> office(file, type, size, limits);
                case PDF, JPEG, PNG -> flat(file, type, size);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP-like file that is not a DOCX or an ODT: it starts as an archive, so it can only be a broken package. */
    public static boolean looksLikeArchive(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Refusal> flat(Path file, AttachmentType type, long size) throws IOException {
        if (endsLikeZip(file, size)) return Optional.of(Refusal.POLYGLOT);
        byte[] head = read(file, 0, (int) Math.min(HEAD, size));
        if (containsAny(lower(head), ACTIVE_MARKUP)) return Optional.of(Refusal.ACTIVE_CONTENT);
        if (type == AttachmentType.PDF) {
            byte[] tail = read(file, Math.max(0, size - HEAD), (int) Math.min(HEAD, size));
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) return Optional.of(Refusal.TRUNCATED);
            if (pdfHasActions(file)) return Optional.of(Refusal.ACTIVE_CONTENT);
        }
        if (type == AttachmentType.PNG) {
            // A PNG ends with its IEND chunk: "IEND" and a 4-byte CRC. Anything after it is something else.
            byte[] tail = read(file, Math.max(0, size - 8), (int) Math.min(8, size));
            if (tail.length < 8 || !new String(tail, 0, 4, StandardCharsets.ISO_8859_1).equals("IEND")) {
                return Optional.of(Refusal.POLYGLOT);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the file ends with a ZIP end-of-central-directory record whose comment runs exactly to the end of the
     * file: where every ZIP reader looks for it, so whatever the file starts with, it also opens as an archive.
     */
    static boolean endsLikeZip(Path file, long size) throws IOException {
        if (size < ZIP_END_RECORD) return false;
        int window = (int) Math.min(size, ZIP_END_RECORD + ZIP_MAX_COMMENT);
        byte[] tail = read(file, size - window, window);
        for (int i = tail.length - ZIP_END_RECORD; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                int comment = (tail[i + 20] & 0xFF) | (tail[i + 21] & 0xFF) << 8;
                if (i + ZIP_END_RECORD + comment == tail.length) return true;
            }
        }
        return false;
    }

    /**
     * PDF names that make a reader run something, searched in the whole file a window at a time. Only long names:
     * a short one ("/JS") turns up by chance in compressed streams, while a script action always names its type
     * "/JavaScript".
     */
    private static boolean pdfHasActions(Path file) throws IOException {
        int overlap = 16;
        byte[] buffer = new byte[64 * 1024];
        String carry = "";
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                String window = carry + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                for (String action : PDF_ACTIONS) {
                    int at = window.indexOf(action);
                    while (at >= 0) {
                        int after = at + action.length();
                        // A name ends at a delimiter: "/Launch" is the action, "/LaunchPad" would not be.
                        if (after < window.length() && !Character.isLetterOrDigit(window.charAt(after))) return true;
                        at = window.indexOf(action, at + 1);
                    }
                }
                carry = window.substring(Math.max(0, window.length() - overlap));
            }
        }
        return false;
    }

    private static Optional<Refusal> office(Path file, AttachmentType type, long size, Limits limits)
            throws IOException {
        Set<String> names = new HashSet<>();
        long expanded = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) return Optional.of(Refusal.ZIP_BOMB);
                if (!names.add(entry.getName())) return Optional.of(Refusal.INVALID_PACKAGE);
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > limits.maxExpandedBytes()) return Optional.of(Refusal.ZIP_BOMB);
                    if (expanded > limits.ratioFromBytes() && expanded > limits.maxRatio() * Math.max(1, size)) {
                        return Optional.of(Refusal.ZIP_BOMB);
                    }
                }
            }
        } catch (ZipException | IllegalArgumentException broken) {
            // Entries that do not decompress, or names that are not text: not a document we can accept.
            return Optional.of(Refusal.INVALID_PACKAGE);
        }
        boolean complete = type == AttachmentType.DOCX
                ? names.contains("[Content_Types].xml") && names.contains("word/document.xml")
                : names.contains("mimetype")
                        && names.contains("content.xml")
                        && names.contains("META-INF/manifest.xml");
        return complete ? Optional.empty() : Optional.of(Refusal.INVALID_PACKAGE);
    }

    private static byte[] read(Path file, long from, int length) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(from);
            var buffer = java.nio.ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the window is full or the file ends
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip();
            buffer.get(bytes);
            return bytes;
        }
    }

    private static String lower(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String text, String[] needles) {
        for (String needle : needles) {
            if (text.contains(needle)) return true;
        }
        return false;
    }
}
