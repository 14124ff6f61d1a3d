package org.palmares.nomination;

import java.util.Map;

/** The columns the organisers' list may be sorted on, mapped to JPQL paths so no request text reaches a query. */
public enum NominationSort {
    REFERENCE("n.reference"),
    TITLE("n.title"),
    CATEGORY("n.category.position"),
    TERRITORY("n.territory.name"),
    REGION("n.territory.region"),
    STATUS("n.status"),
    UPDATED("n.updatedAt");

    private static final Map<String, NominationSort> BY_FIELD = Map.of(
            "reference", REFERENCE,
            "title", TITLE,
            "category", CATEGORY,
            "territory", TERRITORY,
            "region", REGION,
            "status", STATUS,
            "updatedAt", UPDATED);

    private final String path;

    NominationSort(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    /** The sort for a table column's field name; unknown names fall back to the reference. */
    public static NominationSort ofField(String field) {
        return field == null ? REFERENCE : BY_FIELD.getOrDefault(field, REFERENCE);
    }
}
