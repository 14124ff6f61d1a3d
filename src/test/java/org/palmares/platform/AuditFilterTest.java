package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFilterTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void the_export_link_carries_the_same_filter_as_the_page() {
        AuditFilter filter = new AuditFilter(
                " orga@x ",
                "ApiToken",
                "42",
                "token.create",
                LocalDateTime.of(2026, 11, 26, 9, 0),
                LocalDateTime.of(2026, 11, 26, 9, 30, 15));
        String qs = filter.queryString();
        assertEquals(
                "actor=orga%40x&type=ApiToken&object=42&action=token.create&from=2026-11-26T09%3A00&to=2026-11-26T09%3A30",
                qs);
        Map<String, String> params = new HashMap<>();
        for (String pair : qs.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        AuditFilter back = AuditFilter.of(params::get);
        assertEquals("orga@x", back.actor());
        assertEquals(LocalDateTime.of(2026, 11, 26, 9, 30), back.to());
        assertEquals("", AuditFilter.none().queryString());
    }

    @Test
    void times_are_read_in_the_editions_zone_and_the_end_minute_is_included() {
        AuditFilter filter = new AuditFilter(
                null, null, null, null, LocalDateTime.of(2026, 7, 1, 9, 0), LocalDateTime.of(2026, 7, 1, 9, 30));
        assertEquals(Instant.parse("2026-07-01T07:00:00Z"), filter.fromInstant(PARIS));
        assertEquals(Instant.parse("2026-07-01T07:31:00Z"), filter.untilInstant(PARIS));
        assertNull(AuditFilter.none().fromInstant(PARIS));
    }

    @Test
    void the_actor_text_is_a_contains_pattern_with_like_wildcards_escaped() {
        assertEquals("%100\\%\\_a%", new AuditFilter("100%_A", null, null, null, null, null).actorPattern());
        assertNull(new AuditFilter("  ", null, null, null, null, null).actorPattern());
    }

    @Test
    void a_malformed_time_in_the_link_is_refused_with_a_message() {
        DomainException e =
                assertThrows(DomainException.class, () -> AuditFilter.of(k -> k.equals("from") ? "hier" : null));
        assertEquals(400, e.status());
        assertEquals("audit.error.time", e.messageKey());
    }

    @Test
    void an_export_row_holds_the_event_with_its_time_in_the_editions_zone() {
        AuditExport export = new AuditExport(Locale.ENGLISH, PARIS);
        assertEquals("Date and time", export.header().get(0));
        AuditEvent event = new AuditEvent(
                Instant.parse("2026-11-26T08:00:00Z"), "orga@x", "token.create", "ApiToken", "7", null, "=cmd");
        assertEquals(
                java.util.List.of("2026-11-26 09:00:00", "orga@x", "token.create", "ApiToken", "7", "", "=cmd"),
                export.row(event));
    }
}
