package org.palmares.nomination;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.palmares.platform.Messages;

/**
 * The organisers' export of nominations: one row per nomination with every answer, written by
 * {@link org.palmares.platform.TableExport} (CSV with commas or for French Excel, or XLSX).
 */
public final class NominationExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Locale locale;
    private final ZoneId zone;
    private final List<Question> questions;

    /** Questions are the export's extra columns, one per question of the exported categories, in their order. */
    public NominationExport(Locale locale, ZoneId zone, List<Question> questions) {
        this.locale = locale;
        this.zone = zone;
        this.questions = List.copyOf(questions);
    }

    public List<String> header() {
        List<String> header = new ArrayList<>();
        for (String key : List.of(
                "reference",
                "category",
                "territory",
                "kind",
                "region",
                "departement",
                "title",
                "summary",
                "status",
                "reason",
                "submittedAt",
                "updatedAt")) {
            header.add(Messages.get(locale, "export.column." + key));
        }
        for (Question q : questions) {
            header.add(q.getCategory().getCode() + " · " + Messages.pick(locale, q.getLabelFr(), q.getLabelEn()));
        }
        return header;
    }

    public List<String> row(Nomination n, List<Answer> answers) {
        Territory t = n.getTerritory();
        List<String> row = new ArrayList<>(List.of(
                nullToEmpty(n.getReference()),
                n.getCategory().getCode(),
                t.getName(),
                Messages.get(locale, "territory.kind." + t.getKind().name()),
                nullToEmpty(t.getRegion()),
                nullToEmpty(t.getDepartement()),
                n.getTitle(),
                nullToEmpty(n.getSummary()),
                Messages.get(locale, "nomination.status." + n.getStatus().name()),
                nullToEmpty(n.getEligibilityReason()),
                when(n.getSubmittedAt()),
                when(n.getUpdatedAt())));
        Map<Long, String> byQuestion = answers.stream()
                .filter(a -> a.getValue() != null)
                .collect(Collectors.toMap(a -> a.getQuestion().getId(), Answer::getValue, (a, b) -> a));
        for (Question q : questions) {
            row.add(
                    q.getCategory().getId().equals(n.getCategory().getId())
                            ? byQuestion.getOrDefault(q.getId(), "")
                            : "");
        }
        return row;
    }

    private String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
