package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * What the public may see has changed (a category published or unpublished, a published decision reopened, the
 * ceremony's place): fire it in the transaction that changes it; once that transaction commits, the public pages kept
 * in memory ({@link PublicPageCache}) are dropped, here and on the other instances of a cluster ({@link ClusterTopic}).
 */
public record PublicPagesChanged(String why) {
    /** Empties the page cache after a successful commit (never before: a page rendered meanwhile would be stale). */
    @ApplicationScoped
    public static class Invalidator {
        @Inject
        ClusterTopic cluster;

        void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
            ClusterTopic.on("public-pages", why -> PublicPageCache.clear());
        }

        void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicPagesChanged change) {
            PublicPageCache.clear();
            cluster.publish("public-pages", change.why());
        }
    }
}
