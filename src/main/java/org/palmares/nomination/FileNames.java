package org.palmares.nomination;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.palmares.platform.DomainException;

/** Attachment file names made safe to store, show and send back in a Content-Disposition header. */
public final class FileNames {
    static final int MAX_LENGTH = 150;

    private FileNames() {}

    /**
     * The name a user gave, without any path, control or bidirectional-override characters, without {@code ..},
     * characters that Windows refuses, or a leading dot, and ending with the extension of its real type.
     */
    public static String sanitise(String original, AttachmentType type) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]", "");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replace("..", "");
        name = name.replaceAll("[<>:\"|?*]", "_");
        name = name.strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        String lower = name.toLowerCase(Locale.ROOT);
        boolean rightExtension =
                lower.endsWith("." + type.extension()) || (type == AttachmentType.JPEG && lower.endsWith(".jpeg"));
        String base = name;
        if (!rightExtension) {
            base = name.isBlank() ? "document" : name;
        } else {
            base = name.substring(0, name.lastIndexOf('.'));
            if (base.isBlank()) base = "document";
        }
        String extension = rightExtension ? name.substring(name.lastIndexOf('.')) : "." + type.extension();
        if (base.length() + extension.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH - extension.length());
        }
        return base + extension;
    }

    /**
     * The name sent in an {@code X-Filename} header: URL-encoded UTF-8, {@code +} for a space as forms write it.
     * {@code URLDecoder} throws an IllegalArgumentException on {@code %zz} (a 500) and puts U+FFFD for bytes that
     * are no UTF-8; here both are the caller's mistake, said as such.
     */
    public static String fromHeader(String encoded) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (lo < 0) throw DomainException.invalid("attachment.nameEncoding");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw DomainException.invalid("attachment.nameEncoding");
        }
    }

    /** A Content-Disposition value with an ASCII fallback name and the exact name in RFC 5987 form. */
    public static String contentDisposition(boolean inline, String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "_")
                .replace("\\", "_")
                .replace("\"", "_");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
