package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonInputTest {
    private static final long LIMIT = 64 * 1024;

    private static JsonValue read(String text) {
        return JsonInput.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LIMIT);
    }

    private static JsonValue read(byte[] bytes) {
        return JsonInput.read(new ByteArrayInputStream(bytes), LIMIT);
    }

    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    /** Texts and bytes that are no JSON value within the limits, and the reason each is refused. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty", new byte[0], JsonInput.Reason.EMPTY),
                Arguments.of("white space only", bytes(" \n\t "), JsonInput.Reason.EMPTY),
                Arguments.of("65 levels", bytes(nested(JsonInput.MAX_DEPTH + 1)), JsonInput.Reason.TOO_DEEP),
                Arguments.of("1,500 arrays", bytes("{\"a\":" + nested(1500) + "}"), JsonInput.Reason.TOO_DEEP),
                Arguments.of("100,000 objects", bytes("{\"a\":".repeat(100_000)), JsonInput.Reason.TOO_DEEP),
                Arguments.of("truncated", bytes("{\"a\":"), JsonInput.Reason.MALFORMED),
                Arguments.of("two values", bytes("{} {}"), JsonInput.Reason.MALFORMED),
                Arguments.of("text after", bytes("{}x"), JsonInput.Reason.MALFORMED),
                Arguments.of("NaN", bytes("{\"a\":NaN}"), JsonInput.Reason.MALFORMED),
                Arguments.of("single quotes", bytes("{'a':1}"), JsonInput.Reason.MALFORMED),
                Arguments.of("trailing comma", bytes("{\"a\":1,}"), JsonInput.Reason.MALFORMED),
                Arguments.of("a byte order mark", bytes("\ufeff{}"), JsonInput.Reason.MALFORMED),
                Arguments.of(
                        "a 5,000-digit number", bytes("{\"a\":" + "9".repeat(5000) + "}"), JsonInput.Reason.MALFORMED),
                Arguments.of(
                        "a key twice",
                        bytes("{\"email\":\"a@x.fr\",\"email\":\"b@x.fr\"}"),
                        JsonInput.Reason.DUPLICATE_KEY),
                Arguments.of("a key twice, deeper", bytes("{\"a\":{\"b\":1,\"b\":2}}"), JsonInput.Reason.DUPLICATE_KEY),
                Arguments.of(
                        "bad UTF-8",
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'},
                        JsonInput.Reason.NOT_UTF8),
                Arguments.of(
                        "overlong UTF-8", new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, JsonInput.Reason.NOT_UTF8),
                Arguments.of(
                        "Latin-1", "{\"a\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1), JsonInput.Reason.NOT_UTF8),
                Arguments.of(
                        "over the byte limit",
                        bytes("\"" + "x".repeat((int) LIMIT) + "\""),
                        JsonInput.Reason.TOO_LARGE));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refused")
    void a_text_that_is_not_one_json_value_within_the_limits_is_refused_with_its_reason(
            String what, byte[] body, JsonInput.Reason reason) {
        JsonInput.Refused refused = assertThrows(JsonInput.Refused.class, () -> read(body));
        assertEquals(reason, refused.reason(), what);
    }

    @Test
    void sixty_four_levels_are_read() {
        assertEquals(
                JsonValue.ValueType.ARRAY, read(nested(JsonInput.MAX_DEPTH)).getValueType());
    }

    @Test
    void what_is_read_is_what_the_json_p_reader_reads() {
        String text = "{\"a\":[1,-2.5,1e999,{\"b\":null,\"c\":[true,false]}],\"d\":\"é\\u0000\",\"e\":{},\"f\":[]}";
        JsonValue expected =
                JsonSupport.JSON.createReader(new StringReader(text)).readValue();
        assertEquals(expected, read(text));
        assertEquals(JsonSupport.JSON.createValue("x"), read("\"x\""));
        assertEquals(JsonValue.NULL, read("null"));
    }

    @Test
    void the_limits_message_names_the_limit() {
        assertEquals(
                JsonInput.MAX_DEPTH,
                assertThrows(JsonInput.Refused.class, () -> read(nested(100))).argument());
        assertEquals(
                LIMIT / 1024,
                assertThrows(JsonInput.Refused.class, () -> read("\"" + "x".repeat((int) LIMIT) + "\""))
                        .argument());
    }

    @Test
    void a_limit_of_the_callers_stream_goes_through_unchanged() {
        InputStream refusing = new InputStream() {
            @Override
            public int read() {
                throw DomainException.invalid("transfer.zip.jsonTooLarge", 1);
            }
        };
        DomainException e = assertThrows(DomainException.class, () -> JsonInput.read(refusing, LIMIT));
        assertEquals("transfer.zip.jsonTooLarge", e.messageKey());
    }
}
