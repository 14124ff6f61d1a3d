package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ApiCatalogueTest {
    private static final String DOCUMENT = """
            {"openapi":"3.0.0",
             "tags":[{"name":"Scoring","description":"Sheets"},{"name":"Public vote","description":"Votes"}],
             "paths":{
               "/api/v1/scoresheets/{id}":{
                 "put":{"tags":["Scoring"],"summary":"Changes values","security":[{"basic":[]}],
                        "responses":{"200":{},"428":{},"400":{},"412":{}}},
                 "get":{"tags":["Scoring"],"summary":"One sheet","security":[{"basic":[]}],
                        "responses":{"200":{},"404":{}}}},
               "/api/v1/editions/{edition}/votes":{
                 "post":{"tags":["Public vote"],"summary":"Casts a vote","responses":{"202":{},"429":{}}}}}}
            """;

    @Test
    void operations_are_grouped_by_tag_sorted_with_their_error_statuses() {
        var groups = ApiCatalogue.of(
                JsonSupport.JSON.createReader(new StringReader(DOCUMENT)).readObject());
        assertEquals(2, groups.size());
        assertEquals("Public vote", groups.get(0).name());
        assertEquals("Votes", groups.get(0).description());
        var scoring = groups.get(1).operations();
        assertEquals("GET", scoring.get(0).method(), "by path, then GET before PUT");
        assertEquals("PUT", scoring.get(1).method());
        assertEquals("400 412 428", scoring.get(1).getErrors());
        assertFalse(scoring.get(1).open());
    }

    @Test
    void an_operation_without_a_security_requirement_needs_no_login() {
        var groups = ApiCatalogue.of(
                JsonSupport.JSON.createReader(new StringReader(DOCUMENT)).readObject());
        assertTrue(groups.get(0).operations().get(0).open());
    }

    @Test
    void an_empty_document_gives_no_group() {
        assertTrue(ApiCatalogue.of(jakarta.json.JsonValue.EMPTY_JSON_OBJECT).isEmpty());
    }
}
