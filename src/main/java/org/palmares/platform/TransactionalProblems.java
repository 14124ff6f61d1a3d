package org.palmares.platform;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The failures of a {@code @Transactional} service's commit, as {@link ProblemMappers} answers them. Without it
 * Jersey's own mapper for {@code TransactionalException} (nearer than our {@code Throwable} one) takes them and, for
 * anything but a {@code WebApplicationException}, throws them on: a write the storage refused at commit time (the disk
 * filled between the service's reads and its commit) answered 500 instead of 503.
 */
@Provider
public class TransactionalProblems implements ExceptionMapper<TransactionalException> {
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(TransactionalException failure) {
        ProblemMappers problems = new ProblemMappers();
        problems.headers = headers;
        return problems.toResponse(failure);
    }
}
