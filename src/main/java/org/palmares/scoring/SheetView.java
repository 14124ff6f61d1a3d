package org.palmares.scoring;

import java.time.Instant;
import java.util.Map;

/** A sheet as its juror sees it: values and comments by criterion id, state, version (the ETag) and result. */
public record SheetView(
        long id,
        long assignment,
        long version,
        String status,
        String overallComment,
        Map<Long, Integer> values,
        Map<Long, String> comments,
        Double result,
        Instant updatedAt,
        Instant submittedAt,
        boolean changeable,
        boolean reopenable) {}
