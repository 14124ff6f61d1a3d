package org.palmares.nomination;

import java.util.Locale;
import java.util.function.Function;

/** Reads a nominations filter from request parameters, and writes one back as a query string. */
public final class NominationFilters {
    private NominationFilters() {}

    /** Unknown or malformed values are left out rather than refused: a filter link never ends in an error page. */
    public static NominationFilter of(Function<String, String> parameter) {
        return new NominationFilter(
                number(parameter.apply("category")),
                status(parameter.apply("status")),
                blankToNull(parameter.apply("region")),
                number(parameter.apply("territory")),
                blankToNull(parameter.apply("q")));
    }

    public static String queryString(NominationFilter f) {
        StringBuilder qs = new StringBuilder();
        append(qs, "category", f.categoryId());
        append(qs, "status", f.status() == null ? null : f.status().name());
        append(qs, "region", f.region());
        append(qs, "territory", f.territoryId());
        append(qs, "q", f.text());
        return qs.toString();
    }

    private static void append(StringBuilder qs, String name, Object value) {
        if (value == null || value.toString().isBlank()) return;
        if (!qs.isEmpty()) qs.append('&');
        qs.append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Long number(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static NominationStatus status(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return NominationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
