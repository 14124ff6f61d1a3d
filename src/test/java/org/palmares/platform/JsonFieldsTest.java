package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {
    private static JsonObject body(String json) {
        return JsonSupport.JSON.createReader(new StringReader(json)).readObject();
    }

    private static void refused(String key, Runnable read, String field) {
        DomainException e = assertThrows(DomainException.class, read::run);
        assertEquals(400, e.status());
        assertEquals(key, e.messageKey());
        assertEquals(field, e.arguments()[0], "the message names the field");
    }

    @ParameterizedTest(name = "id {0} is {1}")
    @CsvSource({"12, 12", "\"12\", 12", "1.0, 1", "1e2, 100", "9223372036854775807, 9223372036854775807", "null, "})
    void an_id_is_a_whole_number_from_one_as_a_number_or_a_text_of_digits(String json, Long id) {
        assertEquals(id, JsonFields.id(body("{\"territoryId\":" + json + "}"), "territoryId"));
    }

    @ParameterizedTest(name = "id {0} is refused")
    @ValueSource(
            strings = {
                "\"abc\"",
                "\"12a\"",
                "\" 12\"",
                "\"-1\"",
                "0",
                "-1",
                "1.5",
                "33.7",
                "1e-1",
                "1e999",
                "1e999999999",
                "-1e999999999",
                "9223372036854775808",
                "99999999999999999999",
                "true",
                "{}",
                "[]",
                "[12]",
                "\"\""
            })
    void anything_else_as_an_id_is_refused_naming_the_field(String json) {
        refused(
                "error.json.id",
                () -> JsonFields.id(body("{\"territoryId\":" + json + "}"), "territoryId"),
                "territoryId");
    }

    @Test
    void an_absent_field_and_a_json_null_are_alike() {
        JsonObject empty = body("{\"a\":null}");
        assertNull(JsonFields.text(empty, "a"));
        assertNull(JsonFields.text(empty, "b"));
        assertNull(JsonFields.id(empty, "a"));
        assertNull(JsonFields.object(empty, "a"));
        assertNull(JsonFields.integer(empty, "a", 1, 5));
        assertTrue(JsonFields.bool(empty, "a", true));
        assertFalse(JsonFields.bool(empty, "b", false));
        assertNull(JsonFields.text(null, "a"), "no body: no field");
    }

    @ParameterizedTest(name = "text {0} is refused")
    @ValueSource(strings = {"5", "true", "{}", "[\"x\"]"})
    void a_text_field_of_another_type_is_refused_not_turned_into_text(String json) {
        refused("error.json.text", () -> JsonFields.text(body("{\"email\":" + json + "}"), "email"), "email");
    }

    @ParameterizedTest(name = "boolean {0} is refused")
    @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "0", "{}"})
    void a_boolean_field_of_another_type_is_refused_not_taken_as_the_default(String json) {
        refused(
                "error.json.boolean",
                () -> JsonFields.bool(body("{\"required\":" + json + "}"), "required", false),
                "required");
    }

    @ParameterizedTest(name = "object {0} is refused")
    @ValueSource(strings = {"[1]", "\"x\"", "1", "true"})
    void an_object_field_of_another_type_is_refused(String json) {
        refused("error.json.object", () -> JsonFields.object(body("{\"answers\":" + json + "}"), "answers"), "answers");
    }

    @ParameterizedTest(name = "integer {0} is refused")
    @ValueSource(strings = {"0", "11", "2.5", "1e999", "\"3\"", "-2147483649"})
    void an_integer_field_out_of_bounds_or_of_another_type_is_refused(String json) {
        refused("error.json.integer", () -> JsonFields.integer(body("{\"days\":" + json + "}"), "days", 1, 10), "days");
    }

    @Test
    void values_of_the_right_type_are_read() {
        JsonObject b = body("{\"t\":\"x\",\"b\":true,\"o\":{\"k\":1},\"i\":7}");
        assertEquals("x", JsonFields.text(b, "t"));
        assertTrue(JsonFields.bool(b, "b", false));
        assertEquals(1, JsonFields.object(b, "o").getInt("k"));
        assertEquals(7, JsonFields.integer(b, "i", 1, 10));
    }

    @Test
    void a_missing_body_is_refused() {
        DomainException e = assertThrows(DomainException.class, () -> JsonFields.required(null));
        assertEquals("error.json.empty", e.messageKey());
    }
}
