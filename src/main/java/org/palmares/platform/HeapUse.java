package org.palmares.platform;

/**
 * How full the heap is, judged on what the last garbage collections left (live data), not on the current use,
 * which climbs to the top before every collection and would make a healthy JVM look out of memory.
 */
public record HeapUse(long used, long usedAfterGc, long max) {
    /** The share of the heap still used after collection, 0 when the maximum is unknown. */
    public double ratio() {
        return max <= 0 ? 0 : (double) usedAfterGc / max;
    }

    /** Alive while the live data stays at or below {@code maxRatio} of the heap. */
    public boolean healthy(double maxRatio) {
        return ratio() <= maxRatio;
    }
}
