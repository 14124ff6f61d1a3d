package org.palmares.platform;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Runs the method's transaction again, up to three times, when the database refused it for contention alone (a lock
 * time-out, a deadlock, a serialization failure; Derby's "too much contention" on an identity range): the work was
 * rolled back, nothing of it was kept, so the same call may simply be made again. Only for a method that starts its
 * own transaction and has no effect outside it but a message to the outbox: see {@link ContentionRetry}.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RetryOnContention {}
