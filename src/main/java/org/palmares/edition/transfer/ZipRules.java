package org.palmares.edition.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an edition ZIP may hold: {@code edition.json} first, then {@code attachments/<id>} files, nothing else — no
 * folders, no path that climbs out ({@code ..}, absolute, backslashes), no entry twice, no more entries or bytes than
 * the limits (a zip bomb stops at the first byte over).
 */
public final class ZipRules {
    public static final String FORMAT = "palmares-edition/1";
    public static final String EDITION_JSON = "edition.json";
    private static final Pattern ATTACHMENT = Pattern.compile("attachments/([1-9][0-9]{0,17})");

    private final Limits limits;
    private final Set<String> seen = new HashSet<>();

    /** Entries at most, bytes of edition.json, bytes of one attachment, bytes uncompressed in all. */
    public record Limits(int maxEntries, long maxJsonBytes, long maxFileBytes, long maxTotalBytes) {}

    public ZipRules(Limits limits) {
        this.limits = limits;
    }

    /**
     * Checks the next entry's name; returns the attachment id it carries, or empty for edition.json. The first
     * entry must be edition.json, the file every other entry is checked against.
     */
    public OptionalLong entry(String name) {
        if (name == null || name.isEmpty()) throw new TransferException.Invalid("transfer.zip.entryName", "");
        if (seen.size() >= limits.maxEntries()) {
            throw new TransferException.Invalid("transfer.zip.tooManyEntries", limits.maxEntries());
        }
        if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            throw new TransferException.Invalid("transfer.zip.entryName", shorten(name));
        }
        if (!seen.add(name)) throw new TransferException.Invalid("transfer.zip.duplicate", shorten(name));
        if (seen.size() == 1) {
            if (!EDITION_JSON.equals(name)) throw new TransferException.Invalid("transfer.zip.jsonFirst");
            return OptionalLong.empty();
        }
        var matcher = ATTACHMENT.matcher(name);
        if (!matcher.matches()) throw new TransferException.Invalid("transfer.zip.entryName", shorten(name));
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    /** Checks the format marker of edition.json. */
    public static void format(String format) {
        if (!FORMAT.equals(format)) {
            throw new TransferException.Invalid(
                    "transfer.format.unknown", format == null ? "?" : shorten(format), FORMAT);
        }
    }

    public Limits limits() {
        return limits;
    }

    static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }

    /**
     * A stream that refuses to give more than {@code limit} bytes: reading byte limit + 1 throws the given
     * refusal, so a lying or exploding entry is stopped while it is read.
     */
    public static InputStream bounded(InputStream in, long limit, RuntimeException refusal) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) count(n);
                return n;
            }

            @Override
            public void close() {
                // The ZIP stream underneath stays open for the next entry.
            }

            private void count(long n) {
                count += n;
                if (count > limit) throw refusal;
            }
        };
    }
}
