package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBindBodiesTest {
    public record Pair(Long juror, Long nomination) {}

    private final JsonBindBodies reader = new JsonBindBodies();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String text) {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return reader.readFrom(
                (Class) Pair.class,
                Pair.class,
                new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE,
                null,
                in);
    }

    @Test
    void binds_a_well_formed_body_and_ignores_unknown_properties() {
        assertEquals(new Pair(12L, 34L), read("{\"juror\":12,\"nomination\":34,\"extra\":{\"a\":[1,{}]}}"));
    }

    // The first one held a thread for good when Yasson read the stream itself (Parsson's skipObject at the end of
    // the text); a bound in time keeps this test from hanging should it come back. Not a timing assertion: a
    // correct reader answers in microseconds.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"scores\":{\"1\":{\"value\":3,\"comment\":\"x\"}",
                "{\"extra\":[1,2",
                "{\"extra\":{\"a\":{\"b\":",
                "{\"juror\":",
                "{\"juror\":\"abc\"}",
                "{\"juror\":1,\"juror\":2}",
                "[1]"
            })
    void refuses_a_cut_short_or_ill_typed_body_with_a_400_at_once(String body) {
        DomainException refused = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> assertThrows(DomainException.class, () -> read(body)));
        assertEquals(400, refused.status());
    }

    @Test
    void leaves_json_p_types_and_text_to_their_own_readers() {
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertFalse(reader.isReadable(JsonObject.class, JsonObject.class, null, json));
        assertFalse(reader.isReadable(String.class, String.class, null, json));
        assertFalse(reader.isReadable(InputStream.class, InputStream.class, null, json));
        assertTrue(reader.isReadable(Pair.class, Pair.class, null, json));
    }
}
