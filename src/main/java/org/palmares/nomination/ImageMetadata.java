package org.palmares.nomination;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import org.palmares.nomination.MetadataScrubber.Unreadable;

/**
 * Copies a JPEG or a PNG without the parts that describe who made it, its pixels untouched (no re-encoding: the
 * copy is the same image, bit for bit). Both work on the container, segment by segment or chunk by chunk, with an
 * allow-list: what is kept is what a viewer needs to draw the image (and its colours), everything else goes,
 * including kinds no list of "metadata" names — a JPEG's EXIF (Artist, Copyright, camera serial number, GPS), XMP,
 * IPTC, comments, any other APPn segment, and the images a phone appends after the end of the first (MPF), which
 * carry an EXIF of their own; a PNG's tEXt, iTXt, zTXt, eXIf, tIME and any private chunk. One streaming pass with a
 * fixed buffer, whatever the size.
 */
final class ImageMetadata {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final int EXIF_ORIENTATION = 0x0112;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /**
     * The PNG chunks a viewer needs: the critical ones, transparency, colour (gamma, chromaticities, ICC profile,
     * sRGB, HDR), pixel size, background, histogram, and the frames of an animated PNG.
     */
    private static final Set<String> PNG_KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCv", "cLLi",
            "bKGD", "hIST", "pHYs", "acTL", "fcTL", "fdAT");

    /** PNG chunks may be up to 2^31 - 1 bytes; a stored file is at most the upload limit, so this is a sanity bound. */
    private static final long PNG_MAX_CHUNK = Integer.MAX_VALUE;

    private ImageMetadata() {}

    /**
     * Copies a JPEG keeping only what decodes it: SOI, the frame, tables, scans and EOI, the JFIF header, the ICC
     * colour profile and Adobe's colour transform. The EXIF's orientation, and nothing else of it, is written back,
     * so that a portrait photo still stands upright. Whatever follows the end of the image is dropped.
     */
    static void jpeg(InputStream source, OutputStream out) throws IOException {
        Reader in = new Reader(source);
        if (in.read() != 0xFF || in.read() != SOI) throw new Unreadable("not a JPEG");
        out.write(0xFF);
        out.write(SOI);
        boolean orientationWritten = false;
        int marker = nextMarker(in);
        while (true) {
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
                return;
            }
            if (standalone(marker)) {
                out.write(0xFF);
                out.write(marker);
                marker = nextMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) throw new Unreadable("JPEG segment of length " + length);
            byte[] head = in.readExactly(Math.min(length - 2, 32));
            if (marker == APP1 && startsWith(head, "Exif\0\0")) {
                byte[] exif = concat(head, in.readExactly(length - 2 - head.length));
                int orientation = orientation(exif);
                if (!orientationWritten && orientation > 1 && orientation <= 8) {
                    writeOrientation(out, orientation);
                    orientationWritten = true;
                }
            } else if (kept(marker, head)) {
                out.write(0xFF);
                out.write(marker);
                out.write(length >> 8);
                out.write(length & 0xFF);
                out.write(head);
                in.copy(length - 2 - head.length, out);
            } else {
                in.skip(length - 2 - head.length);
            }
            marker = marker == SOS ? copyScan(in, out) : nextMarker(in);
        }
    }

    /**
     * Copies the entropy-coded data after a start of scan, up to the next marker (returned). A file that ends inside
     * the scan, as a truncated upload does, is closed with EOI: decoders show what there is, and nothing can hide in
     * entropy-coded data.
     */
    private static int copyScan(Reader in, OutputStream out) throws IOException {
        while (true) {
            int b = in.readOrEnd();
            if (b < 0) return EOI;
            if (b != 0xFF) {
                out.write(b);
                continue;
            }
            int next = in.readOrEnd();
            while (next == 0xFF) next = in.readOrEnd(); // fill bytes before a marker
            if (next < 0) return EOI;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                // A stuffed 0xFF in the data, or a restart marker: both part of the scan.
                out.write(0xFF);
                out.write(next);
                continue;
            }
            return next;
        }
    }

    private static int nextMarker(Reader in) throws IOException {
        int b = in.read();
        if (b != 0xFF) throw new Unreadable("JPEG marker expected");
        int marker;
        do marker = in.read();
        while (marker == 0xFF);
        return marker;
    }

    /** Markers without a length: restarts and TEM. */
    private static boolean standalone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
    }

    private static boolean kept(int marker, byte[] head) {
        if (marker == COM) return false;
        if (marker < APP0 || marker > APP15) return true; // frame, tables, scan header, restart interval…
        return switch (marker) {
            case APP0 -> startsWith(head, "JFIF\0");
            case APP2 -> startsWith(head, "ICC_PROFILE\0");
            case APP14 -> startsWith(head, "Adobe");
            default -> false;
        };
    }

    /** The orientation tag of an EXIF segment's first directory; 0 when there is none or it cannot be read. */
    static int orientation(byte[] exif) {
        int tiff = 6;
        if (exif.length < tiff + 8) return 0;
        boolean little = exif[tiff] == 'I' && exif[tiff + 1] == 'I';
        if (!little && !(exif[tiff] == 'M' && exif[tiff + 1] == 'M')) return 0;
        long ifd = tiff + uint32(exif, tiff + 4, little);
        if (ifd + 2 > exif.length) return 0;
        int entries = uint16(exif, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > exif.length) return 0;
            if (uint16(exif, entry, little) == EXIF_ORIENTATION && uint16(exif, entry + 2, little) == 3) {
                return uint16(exif, entry + 8, little);
            }
        }
        return 0;
    }

    /** An EXIF segment that says only how the image is turned: big-endian TIFF, one directory, one entry. */
    private static void writeOrientation(OutputStream out, int orientation) throws IOException {
        byte[] segment = {
            (byte) 0xFF,
            (byte) APP1,
            0,
            34,
            'E',
            'x',
            'i',
            'f',
            0,
            0, // marker, length, identifier
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // TIFF header, first directory at 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0 // no next directory
        };
        out.write(segment);
    }

    /**
     * Copies a PNG keeping only the chunks a viewer needs ({@link #PNG_KEPT}), each checked against its CRC, and
     * stopping at IEND.
     */
    static void png(InputStream source, OutputStream out) throws IOException {
        Reader in = new Reader(source);
        byte[] signature = in.readExactly(PNG_SIGNATURE.length);
        if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) throw new Unreadable("not a PNG");
        out.write(signature);
        boolean first = true;
        while (true) {
            long length = in.readUnsignedInt();
            if (length > PNG_MAX_CHUNK) throw new Unreadable("PNG chunk too long");
            byte[] typeBytes = in.readExactly(4);
            String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new Unreadable("PNG chunk type " + type);
            }
            if (first && !type.equals("IHDR")) throw new Unreadable("PNG without IHDR first");
            first = false;
            boolean keep = PNG_KEPT.contains(type);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            if (keep) {
                writeInt(out, length);
                out.write(typeBytes);
            }
            in.copy(length, keep ? out : OutputStream.nullOutputStream(), crc);
            long stored = in.readUnsignedInt();
            if (stored != crc.getValue()) throw new Unreadable("PNG chunk " + type + " fails its CRC");
            if (keep) writeInt(out, stored);
            if (type.equals("IEND")) return;
        }
    }

    private static void writeInt(OutputStream out, long value) throws IOException {
        out.write((int) (value >>> 24) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (data.length < p.length) return false;
        for (int i = 0; i < p.length; i++) if (data[i] != p[i]) return false;
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int uint16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? x | y << 8 : x << 8 | y;
    }

    private static long uint32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (long) (b[at + i] & 0xFF) << shift;
        }
        return v;
    }

    /** A buffered reader without locks (a 10 MB scan is read a byte at a time) that says when the file ends early. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Reader(InputStream in) {
            this.in = in;
        }

        int readOrEnd() throws IOException {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xFF;
        }

        int read() throws IOException {
            int b = readOrEnd();
            if (b < 0) throw new Unreadable("the file ends too early");
            return b;
        }

        int readUnsignedShort() throws IOException {
            return read() << 8 | read();
        }

        long readUnsignedInt() throws IOException {
            return (long) readUnsignedShort() << 16 | readUnsignedShort();
        }

        byte[] readExactly(int n) throws IOException {
            if (n < 0) throw new Unreadable("negative length");
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) bytes[i] = (byte) read();
            return bytes;
        }

        void skip(long n) throws IOException {
            copy(n, OutputStream.nullOutputStream(), null);
        }

        void copy(long n, OutputStream out) throws IOException {
            copy(n, out, null);
        }

        void copy(long n, OutputStream out, CRC32 crc) throws IOException {
            long left = n;
            while (left > 0) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        throw new Unreadable("the file ends too early");
                    }
                }
                int run = (int) Math.min(left, limit - position);
                out.write(buffer, position, run);
                if (crc != null) crc.update(buffer, position, run);
                position += run;
                left -= run;
            }
        }
    }
}
