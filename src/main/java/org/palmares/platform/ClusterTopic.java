package org.palmares.platform;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells the other Palmarès instances of a cluster what this one has just done that they must follow at once: drop
 * the public pages they keep, push a ceremony move to the screens connected to them. It uses a topic of the
 * Hazelcast that Payara runs ({@code payara/Hazelcast}); an instance alone ({@code --nocluster}, or no Hazelcast at
 * all) only does it locally. Each kind of message has one handler on every instance; a message is handled on the
 * other instances only, the sender having done it already.
 */
@ApplicationScoped
public class ClusterTopic {
    private static final Logger LOG = Logger.getLogger(ClusterTopic.class.getName());
    private static final String NAME = "palmares.events";
    private static final Map<String, Consumer<String>> HANDLERS = new ConcurrentHashMap<>();

    private ITopic<String> topic;
    private UUID listener;

    /** What to do here when another instance says {@code kind} (e.g. "public-pages"); payload as it was sent. */
    public static void on(String kind, Consumer<String> handler) {
        HANDLERS.put(kind, handler);
    }

    /** The Hazelcast that Payara runs, when it runs one ({@code --nocluster} or {@code --nohazelcast}: none). */
    public static Optional<HazelcastInstance> hazelcast() {
        try {
            HazelcastInstance hazelcast = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            return hazelcast != null && hazelcast.getLifecycleService().isRunning()
                    ? Optional.of(hazelcast)
                    : Optional.empty();
        } catch (NamingException | ClassCastException | NoClassDefFoundError none) {
            return Optional.empty();
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        HazelcastInstance hazelcast = hazelcast().orElse(null);
        if (hazelcast == null) {
            LOG.info("No Hazelcast here: cache drops and ceremony moves stay on this instance");
            return;
        }
        topic = hazelcast.getTopic(NAME);
        listener = topic.addMessageListener(message -> {
            if (message.getPublishingMember() != null
                    && message.getPublishingMember().localMember()) return;
            String text = message.getMessageObject();
            int tab = text.indexOf('\t');
            String kind = tab < 0 ? text : text.substring(0, tab);
            Consumer<String> handler = HANDLERS.get(kind);
            if (handler == null) return;
            try {
                handler.accept(tab < 0 ? "" : text.substring(tab + 1));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cluster message " + kind + " failed here", e);
            }
        });
        LOG.info(() -> "Cluster topic " + NAME + " joined; members: "
                + hazelcast.getCluster().getMembers().size());
    }

    /** Says {@code kind} with its payload to the other instances (nothing when this one is alone). */
    public void publish(String kind, String payload) {
        if (topic == null) return;
        try {
            topic.publish(kind + "\t" + payload);
        } catch (RuntimeException e) {
            // The other instances follow by their own means (page cache expiry, screens' poll): log, don't fail.
            LOG.log(Level.WARNING, "Cluster message " + kind + " not sent", e);
        }
    }

    @PreDestroy
    void stop() {
        if (topic != null && listener != null) {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException ignored) {
                // Hazelcast is shutting down with the instance.
            }
        }
    }
}
