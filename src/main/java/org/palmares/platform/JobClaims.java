package org.palmares.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Cluster-safe claims on scheduled jobs: the instance whose insert of the job's key succeeds does the job, the
 * others see the unique key refuse theirs and skip it. The insert commits on its own, outside any caller's
 * transaction, so the claim holds even if the job's own work fails later.
 */
@ApplicationScoped
public class JobClaims {
    private static final Logger LOG = Logger.getLogger(JobClaims.class.getName());

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Claims the job of this key; true for exactly one caller over the whole cluster, ever. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean claim(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO job_claim (claim_key, claimed_at, claimed_by) VALUES (?, ?, ?)")) {
            insert.setString(1, key);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setString(3, node());
            insert.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            return true;
        } catch (SQLException e) {
            // 23505: the unique key says another instance (or an earlier run of this one) has the job.
            if ("23505".equals(e.getSQLState())) {
                LOG.fine(() -> "Job " + key + " claimed elsewhere");
                return false;
            }
            throw new IllegalStateException("Cannot claim job " + key, e);
        }
    }

    private static String node() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
