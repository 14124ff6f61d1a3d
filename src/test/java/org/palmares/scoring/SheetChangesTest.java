package org.palmares.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history organisers read: only what changed after a first submission, criterion by criterion, old → new. */
class SheetChangesTest {
    private static SheetChanges.Snapshot at(int minute, String json) {
        return new SheetChanges.Snapshot(Instant.parse("2019-09-10T08:00:00Z").plusSeconds(60L * minute), json);
    }

    @Test
    void drafts_before_the_first_submission_are_not_history_but_every_later_change_is() {
        var changes = SheetChanges.afterFirstSubmission(List.of(
                at(0, "{\"action\":\"save\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":2}]}"),
                at(1, "{\"action\":\"save\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":3}]}"),
                at(2, "{\"action\":\"submit\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":3}]}"),
                at(3, "{\"action\":\"reopen\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":3}]}"),
                at(
                        4,
                        "{\"action\":\"save\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":5,"
                                + "\"comment\":\"Revu\"}],\"overall\":\"Bien\"}"),
                at(
                        5,
                        "{\"action\":\"submit\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":5,"
                                + "\"comment\":\"Revu\"}],\"overall\":\"Bien\"}")));
        assertEquals(
                List.of("submit", "reopen", "value", "comment", "overall", "submit"),
                changes.stream().map(SheetChanges.Change::field).toList());
        SheetChanges.Change value = changes.get(2);
        assertEquals(1L, value.criterion());
        assertEquals("3", value.before());
        assertEquals("5", value.after());
        assertEquals("j@x", value.by());
        assertEquals(Instant.parse("2019-09-10T08:04:00Z"), value.at());
        assertEquals(null, changes.get(4).before());
        assertEquals("Bien", changes.get(4).after());
        assertTrue(changes.get(0).isStateChange());
    }

    @Test
    void a_sheet_never_submitted_has_no_history() {
        assertEquals(
                List.of(),
                SheetChanges.afterFirstSubmission(List.of(
                        at(0, "{\"action\":\"save\",\"by\":\"j@x\",\"scores\":[{\"criterion\":1,\"value\":2}]}"))));
    }
}
