package org.palmares.scoring;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.palmares.platform.JsonSupport;

/**
 * What changed in a sheet once it had been submitted, read from its snapshots: who, when, which criterion, the value
 * or comment before and after; reopenings and new submissions are lines too. Changes of a draft never submitted are
 * the juror's own work in progress and are left out.
 */
public final class SheetChanges {
    private SheetChanges() {}

    /** A snapshot as stored: when, and the JSON the scoring service wrote. */
    public record Snapshot(Instant at, String json) {}

    /**
     * One change: {@code field} is "value", "comment" or "overall" (then {@code criterion} is null for "overall"),
     * or "submit"/"reopen" for a change of state (no before/after).
     */
    public record Change(Instant at, String by, String field, Long criterion, String before, String after) {
        public boolean isStateChange() {
            return "submit".equals(field) || "reopen".equals(field);
        }
    }

    private record State(Map<Long, String> values, Map<Long, String> comments, String overall) {}

    public static List<Change> afterFirstSubmission(List<Snapshot> snapshots) {
        List<Change> changes = new ArrayList<>();
        State previous = new State(Map.of(), Map.of(), null);
        boolean submitted = false;
        for (Snapshot s : snapshots) {
            JsonObject o =
                    JsonSupport.JSON.createReader(new StringReader(s.json())).readObject();
            String action = o.getString("action", "save");
            String by = o.getString("by", "?");
            State current = state(o);
            if (submitted) {
                Set<Long> criteria = new LinkedHashSet<>(previous.values().keySet());
                criteria.addAll(current.values().keySet());
                criteria.addAll(previous.comments().keySet());
                criteria.addAll(current.comments().keySet());
                for (Long c : criteria) {
                    String before = previous.values().get(c),
                            after = current.values().get(c);
                    if (!Objects.equals(before, after)) changes.add(new Change(s.at(), by, "value", c, before, after));
                    before = previous.comments().get(c);
                    after = current.comments().get(c);
                    if (!Objects.equals(before, after)) {
                        changes.add(new Change(s.at(), by, "comment", c, before, after));
                    }
                }
                if (!Objects.equals(previous.overall(), current.overall())) {
                    changes.add(new Change(s.at(), by, "overall", null, previous.overall(), current.overall()));
                }
                if (!"save".equals(action)) changes.add(new Change(s.at(), by, action, null, null, null));
            } else if ("submit".equals(action)) {
                submitted = true;
                changes.add(new Change(s.at(), by, "submit", null, null, null));
            }
            previous = current;
        }
        return changes;
    }

    private static State state(JsonObject o) {
        Map<Long, String> values = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        if (o.containsKey("scores")) {
            for (JsonValue v : o.getJsonArray("scores")) {
                JsonObject score = v.asJsonObject();
                long criterion = score.getJsonNumber("criterion").longValue();
                if (score.containsKey("value") && !score.isNull("value")) {
                    values.put(criterion, score.get("value").toString());
                }
                if (score.containsKey("comment") && !score.isNull("comment")) {
                    comments.put(criterion, score.getString("comment"));
                }
            }
        }
        String overall = o.containsKey("overall") && !o.isNull("overall") ? o.getString("overall") : null;
        return new State(values, comments, overall);
    }
}
