package org.palmares.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON-P request body of the API ({@code JsonObject body} and its kin) through {@link JsonInput}, in place
 * of the JSON-P provider of Jersey: a body nested too deeply, too large, not UTF-8, with a key twice or of the wrong
 * shape is a 400 (413 when too large) problem naming the reason, never a 500. One reader per JSON-P type: Jersey
 * prefers the reader of the closest type, and Parsson's (registered by Jersey's JSON-P feature) reads {@code
 * JsonValue}, so a reader of {@code JsonValue} alone would be a coin toss between the two.
 */
public abstract class JsonBodies<T extends JsonValue> implements MessageBodyReader<T> {
    /** A nomination with a long summary and all its answers is some tens of kilobytes; this is far above. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Bodies read as {@code JsonObject}, the type of nearly every body of the API. */
    @Provider
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
    public static class Objects extends JsonBodies<JsonObject> {}

    /** Bodies read as {@code JsonArray}. */
    @Provider
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
    public static class Arrays extends JsonBodies<JsonArray> {}

    /** Bodies read as {@code JsonStructure}. */
    @Provider
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
    public static class Structures extends JsonBodies<JsonStructure> {}

    /** Bodies read as any {@code JsonValue}. */
    @Provider
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
    public static class Values extends JsonBodies<JsonValue> {}

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public T readFrom(
            Class<T> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) {
        JsonValue value = read(entityStream);
        if (!type.isInstance(value)) throw DomainException.invalid("error.json.shape", JsonFields.kind(type));
        return type.cast(value);
    }

    /**
     * One JSON value of a request body within {@link #MAX_BYTES}, or the problem that says why not: 413 when too
     * large, 400 for the other reasons of {@link JsonInput}. The one way the API reads JSON, JSON-B bodies included.
     */
    static JsonValue read(InputStream entityStream) {
        try {
            return JsonInput.read(entityStream, MAX_BYTES);
        } catch (JsonInput.Refused refused) {
            int status = refused.reason() == JsonInput.Reason.TOO_LARGE ? 413 : 400;
            throw refused.argument() == null
                    ? new DomainException(status, refused.reason().messageKey())
                    : new DomainException(status, refused.reason().messageKey(), refused.argument());
        }
    }
}
