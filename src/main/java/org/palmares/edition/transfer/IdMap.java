package org.palmares.edition.transfer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ids an import gave: old id of a table's row in the file → id of the row it became here. */
public final class IdMap {
    private final Map<String, Map<Long, Long>> ids = new HashMap<>();

    public void put(String table, long oldId, long newId) {
        Long before = ids.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(oldId, newId);
        if (before != null) throw new TransferException.Invalid("transfer.row.duplicate", table, oldId);
    }

    public Optional<Long> find(String table, long oldId) {
        return Optional.ofNullable(ids.getOrDefault(table, Map.of()).get(oldId));
    }

    /** The new id of a reference; a reference to a row the file does not hold refuses the whole file. */
    public long remap(String table, long oldId) {
        return find(table, oldId)
                .orElseThrow(() -> new TransferException.Invalid("transfer.row.dangling", table, oldId));
    }

    public int size(String table) {
        return ids.getOrDefault(table, Map.of()).size();
    }
}
