package org.palmares.ceremony;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The address of the client a request comes from: the connection's, or behind a proxy that sets it (configured
 * with {@code palmares.vote.client-ip-header}, e.g. X-Forwarded-For) the first address of that header.
 */
final class ClientAddress {
    private ClientAddress() {}

    static String of(HttpServletRequest request, Optional<String> header) {
        if (header.isPresent()) {
            String value = request.getHeader(header.get());
            if (value != null && !value.isBlank()) {
                String first = value.split(",")[0].strip();
                if (!first.isEmpty() && first.length() <= 45) return first;
            }
        }
        return request.getRemoteAddr();
    }
}
