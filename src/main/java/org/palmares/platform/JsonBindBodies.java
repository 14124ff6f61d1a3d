package org.palmares.platform;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the API's JSON-B bodies (records such as {@code NewAssignment}) in place of Jersey's JSON-B provider: the text
 * is first read by {@link JsonBodies#read} (depth, size, UTF-8, one value, no key twice), then bound from that
 * well-formed value. Yasson, handed the raw stream, skips an unknown property with Parsson's {@code skipObject}, which
 * never returns on a body that ends inside that property: {@code {"scores":{"1":{}}} (40 bytes, a closing brace
 * missing) held a server thread at full CPU for good, and the h2c connection it came on was lost (found by the
 * SecurityIT fuzzer). No operation of the API reads a JSON-B body any more (their fields are read with {@link
 * JsonFields}, which also refuses 1.5 where an identifier goes, when Yasson would take 1): this reader is the net for
 * any that comes.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonBindBodies implements MessageBodyReader<Object> {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !JsonValue.class.isAssignableFrom(type)
                && !type.isPrimitive()
                && !type.isArray()
                && type != String.class
                && !InputStream.class.isAssignableFrom(type)
                && !java.io.Reader.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) {
        String wellFormed = JsonBodies.read(entityStream).toString();
        try {
            return JSONB.fromJson(wellFormed, genericType);
        } catch (JsonbException wrongTypes) {
            throw DomainException.invalid("error.json");
        }
    }
}
