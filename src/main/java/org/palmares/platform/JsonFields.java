package org.palmares.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * The typed fields of a JSON request body, as every resource reads them: absent and {@code null} are alike (the
 * methods answer null, or the default given); a value of another type is a 400 problem naming the field and what it
 * must be, never a ClassCastException (a 500) nor a silent default. JSON-P's own {@code getInt}, {@code getString(key,
 * default)} and {@code longValue()} are not to be used on callers' bodies: they throw, fall back quietly or truncate
 * ({@code 1.5} became 1, {@code 1e999} became 0).
 */
public final class JsonFields {
    private JsonFields() {}

    /** The body itself: a request without one is refused. */
    public static JsonObject required(JsonObject body) {
        if (body == null) throw DomainException.invalid("error.json.empty");
        return body;
    }

    /** A text field, or null. */
    public static String text(JsonObject body, String field) {
        JsonValue v = value(body, field);
        if (v == null) return null;
        if (v instanceof JsonString s) return s.getString();
        throw DomainException.invalid("error.json.text", field);
    }

    /**
     * An identifier (a whole number from 1), or null: a JSON number, or a text of digits as forms send them. Neither a
     * fraction, nor a negative, nor a number beyond a long is taken.
     */
    public static Long id(JsonObject body, String field) {
        JsonValue v = value(body, field);
        if (v == null) return null;
        Long id = null;
        if (v instanceof JsonNumber n) id = exactLong(n.bigDecimalValue());
        else if (v instanceof JsonString s && s.getString().matches("\\d{1,18}")) id = Long.valueOf(s.getString());
        if (id == null || id < 1) throw DomainException.invalid("error.json.id", field);
        return id;
    }

    /** A whole number from {@code min} to {@code max}, or null. */
    public static Integer integer(JsonObject body, String field, int min, int max) {
        JsonValue v = value(body, field);
        if (v == null) return null;
        Long n = v instanceof JsonNumber number ? exactLong(number.bigDecimalValue()) : null;
        if (n == null || n < min || n > max) throw DomainException.invalid("error.json.integer", field, min, max);
        return n.intValue();
    }

    /** A boolean field, or the default when it is absent or null. */
    public static boolean bool(JsonObject body, String field, boolean whenAbsent) {
        JsonValue v = value(body, field);
        if (v == null) return whenAbsent;
        if (v.getValueType() == JsonValue.ValueType.TRUE) return true;
        if (v.getValueType() == JsonValue.ValueType.FALSE) return false;
        throw DomainException.invalid("error.json.boolean", field);
    }

    /** An object field, or null. */
    public static JsonObject object(JsonObject body, String field) {
        JsonValue v = value(body, field);
        if (v == null) return null;
        if (v instanceof JsonObject o) return o;
        throw DomainException.invalid("error.json.object", field);
    }

    /** What a type is called in messages: the kind of JSON value the body must be. */
    static String kind(Class<?> type) {
        if (JsonObject.class.isAssignableFrom(type)) return "{…}";
        if (JsonArray.class.isAssignableFrom(type)) return "[…]";
        return type.getSimpleName();
    }

    private static JsonValue value(JsonObject body, String field) {
        if (body == null) return null;
        JsonValue v = body.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    /** The number as a long when it is one exactly; null for a fraction or a number out of range. */
    private static Long exactLong(BigDecimal d) {
        // Digits before the point, counted without expanding the number: 1e999999999 must not be computed.
        if (d.signum() != 0 && d.precision() - d.scale() > 19) return null;
        try {
            return d.longValueExact();
        } catch (ArithmeticException fractionOrTooLarge) {
            return null;
        }
    }
}
