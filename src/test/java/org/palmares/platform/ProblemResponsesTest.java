package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {
    @Test
    void paths_are_compared_without_application_path_and_extra_slashes() {
        assertEquals("editions/{edition}/votes", ProblemResponses.normalise("/api/v1/editions/{edition}/votes"));
        assertEquals("editions/{edition}/votes", ProblemResponses.normalise("//editions/{edition}/votes/"));
        assertEquals("me", ProblemResponses.normalise("me/"));
    }

    @Test
    void every_resource_method_is_found_with_its_http_method_and_path() {
        var methods = ProblemResponses.javaMethods();
        assertNotNull(methods.get(new ProblemResponses.Endpoint("POST", "editions/{edition}/votes")));
        assertNotNull(methods.get(new ProblemResponses.Endpoint("PUT", "scoresheets/{id}")));
        assertNotNull(methods.get(new ProblemResponses.Endpoint("GET", "me")));
        long resourceMethods = ApiResources.ALL.stream()
                .flatMap(c -> java.util.Arrays.stream(c.getMethods()))
                .filter(m -> ProblemResponses.httpMethod(m) != null)
                .count();
        assertEquals(resourceMethods, methods.size(), "two methods share an HTTP method and path");
    }

    @Test
    void only_the_public_vote_and_the_public_edition_are_open_without_login() {
        String open = ProblemResponses.javaMethods().entrySet().stream()
                .filter(e -> e.getValue().isAnnotationPresent(PublicEndpoint.class))
                .map(e -> e.getKey().method() + " " + e.getKey().path())
                .sorted()
                .collect(Collectors.joining(", "));
        assertEquals(
                "GET editions/{edition}/palmares, GET editions/{edition}/votes, GET public/edition,"
                        + " POST editions/{edition}/votes, POST editions/{edition}/votes/verify",
                open);
    }

    @Test
    void the_openapi_settings_scan_every_listed_resource() {
        String scanned = new OpenApiSettings().getValue("mp.openapi.scan.classes");
        ApiResources.ALL.forEach(c -> assertTrue(scanned.contains(c.getName()), c.getName()));
        assertEquals(ProblemResponses.class.getName(), new OpenApiSettings().getValue("mp.openapi.filter"));
    }
}
