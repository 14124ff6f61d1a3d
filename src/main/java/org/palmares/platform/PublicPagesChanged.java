package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * What the public may see has changed (a category published or unpublished, a published decision reopened, the
 * ceremony's place): fire it in the transaction that changes it; once that transaction commits, the public pages kept
 * in memory ({@link PublicPageCache}) are dropped.
 */
public record PublicPagesChanged(String why) {
    /** Empties the page cache after a successful commit (never before: a page rendered meanwhile would be stale). */
    @ApplicationScoped
    public static class Invalidator {
        void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicPagesChanged change) {
            PublicPageCache.clear();
        }
    }
}
