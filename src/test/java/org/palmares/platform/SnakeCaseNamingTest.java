package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseNamingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "nameFr, name_fr",
        "howToTakePartFr, how_to_take_part_fr",
        "ScoreSheet, score_sheet",
        "AccountToken, account_token",
        "Edition, edition",
        "id, id",
        "tokenHash, token_hash",
        "scaleMin, scale_min",
        "year2019Value, year2019_value"
    })
    void camel_case_names_become_snake_case(String javaName, String column) {
        assertEquals(column, SnakeCaseNaming.snake(javaName));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"score_value, score_value", "SORT_ORDER, sort_order", "Anchor_Value, anchor_value"})
    void names_already_in_snake_case_only_lose_their_capitals(String javaName, String column) {
        assertEquals(column, SnakeCaseNaming.snake(javaName));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ID, id", "EDITION, edition", "URL, url"})
    void upper_case_names_are_lower_cased_without_underscores(String javaName, String column) {
        assertEquals(column, SnakeCaseNaming.snake(javaName));
    }

    @Test
    void null_stays_null() {
        assertNull(SnakeCaseNaming.snake(null));
    }

    @Test
    void an_empty_name_stays_empty() {
        assertEquals("", SnakeCaseNaming.snake(""));
    }
}
