package org.palmares.platform;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule against cross-site request forgery, pure so that it is tested alone: a request that changes something
 * (any method but GET, HEAD, OPTIONS) is refused when the browser says it comes from another site, and, when it rides
 * on a session cookie, unless it proves it comes from this one. Proofs: {@code Sec-Fetch-Site: same-origin}, an
 * {@code Origin} of this server, or an {@code X-Requested-With} header (a header another site's page cannot add
 * without a CORS preflight, which Palmarès never grants). A bearer token is no ambient credential: a browser never
 * sends one by itself, so it needs no proof.
 */
public final class SameOrigin {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private SameOrigin() {}

    /** What one request says about where it comes from. */
    public record Request(
            String method,
            String secFetchSite,
            String origin,
            String host,
            boolean bearer,
            boolean sessionCookie,
            boolean requestedWith) {}

    /** Why a request is refused, or empty when it may go on. */
    public static Optional<String> refusal(Request r, Optional<String> baseUrl) {
        if (SAFE.contains(r.method().toUpperCase(Locale.ROOT)) || r.bearer()) return Optional.empty();
        String site = r.secFetchSite() == null ? null : r.secFetchSite().strip().toLowerCase(Locale.ROOT);
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return Optional.of("Sec-Fetch-Site: " + site);
        }
        boolean originSent = r.origin() != null && !r.origin().isBlank();
        boolean ownOrigin = originSent && isOwn(r.origin(), r.host(), baseUrl);
        if (originSent && !ownOrigin) return Optional.of("Origin: " + r.origin());
        if (!r.sessionCookie()) return Optional.empty();
        boolean proven = "same-origin".equals(site) || ownOrigin || r.requestedWith();
        return proven ? Optional.empty() : Optional.of("a session request with no proof of its origin");
    }

    /**
     * Whether an Origin header names this server: the host (and port, when both give one) of the request's Host
     * header, or of the configured public address (behind a proxy that rewrites Host). The scheme is not compared:
     * behind a proxy that ends TLS the server itself sees plain HTTP.
     */
    public static boolean isOwn(String origin, String host, Optional<String> baseUrl) {
        Optional<String[]> claimed = authority(origin.strip());
        if (claimed.isEmpty()) return false;
        if (host != null && sameAuthority(claimed.get(), splitHost(host.strip()))) return true;
        return baseUrl.flatMap(SameOrigin::authority)
                .map(base -> sameAuthority(claimed.get(), base))
                .orElse(false);
    }

    private static Optional<String[]> authority(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getScheme() == null) return Optional.empty();
            String port = uri.getPort() < 0 ? null : String.valueOf(uri.getPort());
            return Optional.of(new String[] {uri.getHost().toLowerCase(Locale.ROOT), port});
        } catch (java.net.URISyntaxException notAnOrigin) {
            return Optional.empty();
        }
    }

    private static String[] splitHost(String host) {
        int colon = host.lastIndexOf(':');
        boolean ipv6 = host.startsWith("[");
        if (colon < 0 || (ipv6 && !host.substring(colon).matches(":\\d+"))) {
            return new String[] {host.toLowerCase(Locale.ROOT), null};
        }
        return new String[] {host.substring(0, colon).toLowerCase(Locale.ROOT), host.substring(colon + 1)};
    }

    private static boolean sameAuthority(String[] a, String[] b) {
        if (!a[0].equals(b[0])) return false;
        return a[1] == null || b[1] == null || a[1].equals(b[1]);
    }
}
