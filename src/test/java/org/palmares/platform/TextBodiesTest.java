package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextBodiesTest {
    private static String read(byte[] bytes, String charset) throws Exception {
        return TextBodies.read(new ByteArrayInputStream(bytes), charset, 1024);
    }

    @ParameterizedTest(name = "charset {0} is read")
    @NullSource
    @ValueSource(strings = {"UTF-8", "utf-8", "utf8", "US-ASCII"})
    void a_text_in_utf_8_is_read_as_sent(String charset) throws Exception {
        assertEquals("# Guide du juré\n", read("# Guide du juré\n".getBytes(StandardCharsets.UTF_8), charset));
    }

    @ParameterizedTest(name = "charset {0}: 415")
    @ValueSource(strings = {"x-unknown", "ISO-8859-1", "UTF-16", "%zz", ""})
    void a_text_in_another_or_an_unknown_charset_is_refused_as_a_type_the_api_does_not_read(String charset) {
        DomainException refused = assertThrows(DomainException.class, () -> read(new byte[] {'a'}, charset));
        assertEquals(415, refused.status());
        assertEquals("error.charset", refused.messageKey());
    }

    @ParameterizedTest(name = "{0}: 400")
    @CsvSource({
        "a lone continuation byte, 80",
        "a truncated sequence, c328",
        "an overlong encoding, c0af",
        "a surrogate, eda080"
    })
    void bytes_that_are_no_utf_8_are_refused_rather_than_replaced(String what, String hex) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        DomainException refused = assertThrows(DomainException.class, () -> read(bytes, null));
        assertEquals(400, refused.status());
        assertEquals("error.json.encoding", refused.messageKey());
    }

    @Test
    void a_text_larger_than_the_limit_is_refused_with_413() throws Exception {
        assertEquals(
                1024,
                read("x".repeat(1024).getBytes(StandardCharsets.UTF_8), null).length());
        DomainException refused = assertThrows(
                DomainException.class, () -> read("x".repeat(1025).getBytes(StandardCharsets.UTF_8), null));
        assertEquals(413, refused.status());
    }
}
