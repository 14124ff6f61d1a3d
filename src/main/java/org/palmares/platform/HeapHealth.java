package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM is not running out of memory: the heap left used by the last collections stays below
 * {@code palmares.health.heap-max-ratio} (0.95) of its maximum. What the Dockerfile's HEALTHCHECK asks.
 */
@Liveness
@ApplicationScoped
public class HeapHealth implements HealthCheck {
    @Inject
    @ConfigProperty(name = "palmares.health.heap-max-ratio", defaultValue = "0.95")
    double maxRatio;

    @Override
    public HealthCheckResponse call() {
        HeapUse heap = measure();
        return HealthCheckResponse.named("heap")
                .status(heap.healthy(maxRatio))
                .withData("used", heap.used())
                .withData("usedAfterGc", heap.usedAfterGc())
                .withData("max", heap.max())
                .withData("ratio", String.format(java.util.Locale.ROOT, "%.3f", heap.ratio()))
                .withData("maxRatio", String.valueOf(maxRatio))
                .build();
    }

    static HeapUse measure() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) continue;
            MemoryUsage collected = pool.getCollectionUsage();
            // After a collection the young pools are empty and the old one holds the live data; a pool without
            // the figure counts with its current use.
            afterGc += collected != null ? collected.getUsed() : pool.getUsage().getUsed();
        }
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        return new HeapUse(heap.getUsed(), afterGc, max);
    }
}
