package org.palmares.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the text bodies of the API ({@code String}, e.g. a jury guide's Markdown) as {@link JsonBodies} reads JSON:
 * at most {@link JsonBodies#MAX_BYTES} (413), strict UTF-8 (400; Jersey's reader put U+FFFD in place of bad bytes and
 * saved them), and only UTF-8 or its subset US-ASCII as the declared charset (415; Jersey's reader threw an
 * UnsupportedCharsetException for {@code charset=x-unknown}: a 500).
 */
@Provider
@Consumes({MediaType.TEXT_PLAIN, "text/markdown"})
public class TextBodies implements MessageBodyReader<String> {
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public String readFrom(
            Class<String> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return read(entityStream, charset, JsonBodies.MAX_BYTES);
    }

    /** The text of at most {@code maxBytes} bytes of UTF-8 ({@code charset} as the Content-Type names it, or null). */
    static String read(InputStream in, String charset, long maxBytes) throws IOException {
        if (charset != null) {
            String name = charset.strip().toUpperCase(Locale.ROOT);
            if (!name.equals("UTF-8") && !name.equals("UTF8") && !name.equals("US-ASCII")) {
                throw new DomainException(415, "error.charset", charset);
            }
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) throw new DomainException(413, "error.json.size", maxBytes / 1024);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw DomainException.invalid("error.json.encoding");
        }
    }
}
