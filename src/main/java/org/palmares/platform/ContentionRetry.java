package org.palmares.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The interceptor of {@link RetryOnContention}. Its priority puts it outside {@code @Transactional} (200), so each
 * attempt is a transaction of its own; when the call joins a transaction already running it does not retry (the
 * caller's transaction is lost anyway and only the caller may start again).
 */
@RetryOnContention
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ContentionRetry {
    private static final Logger LOG = Logger.getLogger(ContentionRetry.class.getName());
    static final int ATTEMPTS = 3;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) return call.proceed();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || !isContention(e)) throw e;
                final int failed = attempt;
                LOG.info(() -> call.getMethod().getDeclaringClass().getSimpleName() + "."
                        + call.getMethod().getName()
                        + ": the database refused attempt " + failed + " for contention (" + sqlState(e)
                        + "); trying again");
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
            }
        }
    }

    /**
     * Whether a failure is the database's refusal for contention alone: an SQL state of class 40 (transaction
     * rollback: serialization failure, deadlock, Derby's lock time-out 40XL1) anywhere in the causes, or a transient
     * SQL exception. Anything else (a constraint, a bad value, an optimistic lock) is an answer, not an accident.
     */
    static boolean isContention(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException || t instanceof SQLTransientException) return true;
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("40")) return true;
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) return sql.getSQLState();
        }
        return "?";
    }
}
