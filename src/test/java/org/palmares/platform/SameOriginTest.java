package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SameOriginTest {
    private static final Optional<String> BASE = Optional.of("https://palmares.example.org");

    /**
     * Columns: method, Sec-Fetch-Site, Origin, Host, bearer token, session cookie, X-Requested-With, refused. An empty
     * cell is a header not sent.
     */
    @ParameterizedTest(name = "{0} site={1} origin={2} host={3} bearer={4} cookie={5} xrw={6} -> refused {7}")
    @CsvSource({
        // Reading is never refused, whoever asks.
        "GET, cross-site, https://evil.example, localhost:8080, false, true, false, false",
        "HEAD, cross-site, https://evil.example, localhost:8080, false, true, false, false",
        // A browser says the request comes from another site: refused, with or without a session.
        "POST, cross-site, , localhost:8080, false, true, false, true",
        "POST, same-site, , localhost:8080, false, true, false, true",
        "POST, cross-site, , localhost:8080, false, false, false, true",
        "PUT, , https://evil.example, localhost:8080, false, true, false, true",
        "DELETE, , null, localhost:8080, false, true, false, true",
        "POST, , http://localhost:8081, localhost:8080, false, true, false, true",
        "POST, , http://localhost.evil.example:8080, localhost:8080, false, true, false, true",
        // A foreign Origin is refused even with the custom header (a CORS preflight would have failed anyway).
        "POST, , https://evil.example, localhost:8080, false, true, true, true",
        // The browser's own pages: allowed.
        "POST, same-origin, http://localhost:8080, localhost:8080, false, true, false, false",
        "POST, same-origin, , localhost:8080, false, true, false, false",
        "POST, , http://localhost:8080, localhost:8080, false, true, false, false",
        "POST, , HTTP://LOCALHOST:8080, localhost:8080, false, true, false, false",
        // Behind a proxy that ends TLS: the public origin, by the Host it forwards or by the configured address.
        "POST, , https://palmares.example.org, palmares.example.org, false, true, false, false",
        "POST, , https://palmares.example.org, 10.0.0.5:8080, false, true, false, false",
        // A session request must prove where it comes from; a script's custom header is a proof.
        "POST, , , localhost:8080, false, true, false, true",
        "PATCH, , , localhost:8080, false, true, false, true",
        "POST, , , localhost:8080, false, true, true, false",
        // No session, no browser header: a script with a password (curl -u), nothing ambient to abuse.
        "POST, , , localhost:8080, false, false, false, false",
        // A bearer token is never sent by a browser on its own: no proof needed, even from elsewhere.
        "POST, cross-site, https://evil.example, localhost:8080, true, true, false, false",
    })
    void a_change_is_refused_unless_it_comes_from_palmares_own_pages(
            String method,
            String site,
            String origin,
            String host,
            boolean bearer,
            boolean cookie,
            boolean requestedWith,
            boolean refused) {
        var request = new SameOrigin.Request(method, site, origin, host, bearer, cookie, requestedWith);
        assertEquals(refused, SameOrigin.refusal(request, BASE).isPresent(), () -> String.valueOf(request));
    }
}
