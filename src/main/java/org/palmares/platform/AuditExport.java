package org.palmares.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The columns and rows of the audit log's CSV export: one event a row, times in the edition's zone. */
public final class AuditExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> COLUMNS =
            List.of("when", "actor", "action", "objectType", "objectId", "before", "after");

    private final Locale locale;
    private final ZoneId zone;

    public AuditExport(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) header.add(Messages.get(locale, "audit.column." + column));
        return header;
    }

    public List<String> row(AuditEvent e) {
        return List.of(
                when(e.getAt()),
                text(e.getActor()),
                text(e.getAction()),
                text(e.getObjectType()),
                text(e.getObjectId()),
                text(e.getBefore()),
                text(e.getAfter()));
    }

    private String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
