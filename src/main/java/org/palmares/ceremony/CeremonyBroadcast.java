package org.palmares.ceremony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.palmares.platform.ClusterTopic;

/**
 * Passes each committed change of a ceremony to the screens connected to this instance, and through the cluster
 * topic to those connected to the other instances (the presenter on one node follows a remote on another). The
 * screens also poll the state every 2 s, so a lost message costs at most that.
 */
@ApplicationScoped
public class CeremonyBroadcast {
    @Inject
    ClusterTopic cluster;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        ClusterTopic.on("ceremony", text -> CeremonySocket.push(CeremonyChanged.parse(text)));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CeremonyChanged change) {
        CeremonySocket.push(change);
        cluster.publish("ceremony", change.text());
    }
}
