package org.palmares.platform;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the audit log viewer filters on; every part optional. Times are local to a zone (the edition's) and the
 * range is inclusive of {@code from} and exclusive of the minute after {@code to}, as people read "from 9:00 to 9:30".
 */
public record AuditFilter(
        String actor, String objectType, String objectId, String action, LocalDateTime from, LocalDateTime to)
        implements Serializable {
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    /** The actor text as a lower-case LIKE pattern (who contains it), or null when there is none. */
    public String actorPattern() {
        if (blank(actor)) return null;
        String escaped = actor.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public String objectTypeOrNull() {
        return blank(objectType) ? null : objectType.strip();
    }

    public String objectIdOrNull() {
        return blank(objectId) ? null : objectId.strip();
    }

    public String actionOrNull() {
        return blank(action) ? null : action.strip();
    }

    /** The first instant shown, or null. */
    public Instant fromInstant(ZoneId zone) {
        return from == null ? null : from.atZone(zone).toInstant();
    }

    /** The first instant no longer shown (the minute after {@code to}), or null. */
    public Instant untilInstant(ZoneId zone) {
        return to == null
                ? null
                : to.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).atZone(zone).toInstant();
    }

    /** The filter as the export link's query string (without "?"), parameters in a fixed order. */
    public String queryString() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "actor", actor);
        put(params, "type", objectType);
        put(params, "object", objectId);
        put(params, "action", action);
        put(
                params,
                "from",
                from == null ? null : from.truncatedTo(ChronoUnit.MINUTES).toString());
        put(params, "to", to == null ? null : to.truncatedTo(ChronoUnit.MINUTES).toString());
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Reads the query string parameters of {@link #queryString()}; a malformed time is refused. */
    public static AuditFilter of(Function<String, String> param) {
        return new AuditFilter(
                clip(param.apply("actor")),
                clip(param.apply("type")),
                clip(param.apply("object")),
                clip(param.apply("action")),
                time(param.apply("from")),
                time(param.apply("to")));
    }

    private static LocalDateTime time(String value) {
        if (blank(value)) return null;
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("audit.error.time", value);
        }
    }

    private static String clip(String value) {
        if (blank(value)) return null;
        String v = value.strip();
        return v.length() <= 200 ? v : v.substring(0, 200);
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (!blank(value)) params.put(key, value.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
