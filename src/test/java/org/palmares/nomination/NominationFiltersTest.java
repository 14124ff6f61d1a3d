package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NominationFiltersTest {
    @Test
    void a_filter_survives_its_round_trip_through_a_link() {
        var filter = new NominationFilter(3L, NominationStatus.ELIGIBLE, "Île-de-France", null, "clause & co");
        String qs = NominationFilters.queryString(filter);
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : qs.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(filter, NominationFilters.of(params::get));
    }

    @Test
    void malformed_parameters_are_left_out_rather_than_failing() {
        Map<String, String> params = Map.of("category", "abc", "status", "WINNER", "q", "  ");
        assertEquals(NominationFilter.none(), NominationFilters.of(params::get));
    }

    @Test
    void the_text_search_escapes_like_wildcards() {
        assertEquals("%100\\% \\_ok%", new NominationFilter(null, null, null, null, " 100% _OK ").likePattern());
        assertNull(NominationFilter.none().likePattern());
    }
}
