package org.palmares.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads JSON that callers send (request bodies, imported files) within limits, so that no text, however made, ends
 * in anything but a {@link Refused} naming what is wrong: at most {@value #MAX_DEPTH} levels of nesting (the JSON-P
 * reader builds values recursively and, past its own limit of 1,000, throws a bare RuntimeException: a 500), a
 * byte limit, strict UTF-8 (the reader would put U+FFFD in place of bad bytes), one value and nothing after it, and no
 * key twice in an object (parsers differ on which one wins).
 */
public final class JsonInput {
    /** Far more than any body of the API needs (a score sheet nests three levels). */
    public static final int MAX_DEPTH = 64;

    private JsonInput() {}

    /** Why a text was refused; each has a message key {@code error.json.<reason>} (MALFORMED: {@code error.json}). */
    public enum Reason {
        MALFORMED("error.json"),
        EMPTY("error.json.empty"),
        TOO_DEEP("error.json.depth"),
        TOO_LARGE("error.json.size"),
        NOT_UTF8("error.json.encoding"),
        DUPLICATE_KEY("error.json.duplicate"),
        /** The stream itself failed (a client gone, a truncated upload): not the text's fault. */
        UNREADABLE("error.json");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A text that is not one JSON value within the limits. */
    public static final class Refused extends RuntimeException {
        private final Reason reason;
        private final transient Object argument;

        Refused(Reason reason, Object argument) {
            super(reason + (argument == null ? "" : " " + argument), null, false, false);
            this.reason = reason;
            this.argument = argument;
        }

        public Reason reason() {
            return reason;
        }

        /** What the message shows: the limit passed, or the duplicated key; null for the others. */
        public Object argument() {
            return argument;
        }
    }

    /** Reads one JSON value of at most {@code maxBytes} bytes of UTF-8. */
    public static JsonValue read(InputStream in, long maxBytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Bounded bounded = new Bounded(in, maxBytes);
        try (JsonParser parser = JsonSupport.JSON.createParser(new InputStreamReader(bounded, decoder))) {
            JsonValue value = build(parser);
            if (parser.hasNext()) throw new Refused(Reason.MALFORMED, null);
            return value;
        } catch (Refused | DomainException ownOrCallers) {
            // The caller's own limit, thrown by the stream it gave (an import's bounded ZIP entry), goes through.
            throw ownOrCallers;
        } catch (RuntimeException e) {
            // Parsson's errors: JsonParsingException, a JsonException around a reading error, and bare
            // RuntimeExceptions for its own limits (nesting, number length).
            Reason reason = bounded.blank ? Reason.EMPTY : cause(e);
            throw new Refused(reason, reason == Reason.TOO_LARGE ? maxBytes / 1024 : null);
        }
    }

    /** The value at the parser, built with a stack of our own rather than by recursion, its depth counted. */
    private static JsonValue build(JsonParser parser) {
        Deque<Level> levels = new ArrayDeque<>();
        String key = null;
        while (parser.hasNext()) {
            JsonValue done = null;
            JsonParser.Event event = parser.next();
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (levels.size() >= MAX_DEPTH) throw new Refused(Reason.TOO_DEEP, MAX_DEPTH);
                    levels.push(new Level(event == JsonParser.Event.START_OBJECT, key));
                    key = null;
                }
                case KEY_NAME -> {
                    key = parser.getString();
                    if (!levels.peek().keys.add(key)) throw new Refused(Reason.DUPLICATE_KEY, key);
                }
                case END_OBJECT, END_ARRAY -> {
                    Level closed = levels.pop();
                    done = closed.build();
                    key = closed.keyInParent;
                }
                default -> done = parser.getValue();
            }
            if (done == null) continue;
            if (levels.isEmpty()) return done;
            levels.peek().add(key, done);
            key = null;
        }
        throw new Refused(Reason.MALFORMED, null);
    }

    private static Reason cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Bounded.TooLarge) return Reason.TOO_LARGE;
            if (t instanceof CharacterCodingException) return Reason.NOT_UTF8;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) return Reason.UNREADABLE;
        }
        return Reason.MALFORMED;
    }

    /** An object or array being built, with the key it has in the level above. */
    private static final class Level {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final String keyInParent;
        final Set<String> keys = new HashSet<>();

        Level(boolean isObject, String keyInParent) {
            this.object = isObject ? JsonSupport.JSON.createObjectBuilder() : null;
            this.array = isObject ? null : JsonSupport.JSON.createArrayBuilder();
            this.keyInParent = keyInParent;
        }

        void add(String key, JsonValue value) {
            if (object != null) object.add(key, value);
            else array.add(value);
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    /** Stops reading past the limit, so that a huge body is refused before it is held in memory. */
    private static final class Bounded extends FilterInputStream {
        private long left;
        /** Whether nothing but JSON white space came so far: the parser says "unexpected end" for an empty body. */
        boolean blank = true;

        Bounded(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) throw new TooLarge();
            if (b >= 0) see(b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) throw new TooLarge();
            for (int i = 0; blank && i < n; i++) see(buffer[offset + i]);
            return n;
        }

        private void see(int b) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') blank = false;
        }

        static final class TooLarge extends IOException {
            TooLarge() {
                super("too large", null);
            }
        }
    }
}
