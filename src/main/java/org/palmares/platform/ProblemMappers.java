package org.palmares.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.palmares.edition.PhaseBlocked;

/** Maps every exception a REST call can end with to problem details; nothing else ever leaves the API. */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Locale locale = locale();
        if (!(e instanceof DomainException)) {
            // A write the storage could not take (a full disk, the database gone or read-only after one), whatever
            // wraps it: a 503 the caller may retry, not a 500.
            Optional<StorageUnavailable> storage = StorageStatus.failureIn(e);
            // StorageStatus logs the first failure of each kind; one line per refused call would flood the log.
            if (storage.isPresent()) e = storage.get();
        }
        if (e instanceof DomainException d) {
            // A rule may name its own title ("<key>.title"), e.g. a wrong vote code is no "incomplete nomination".
            String titleKey = d.messageKey() + ".title";
            String title = Messages.get(locale, titleKey);
            if (title.equals(titleKey)) title = Messages.get(locale, "error.status." + d.status());
            var body = ProblemDetails.of(d.status(), title, Messages.get(locale, d.messageKey(), d.arguments()))
                    // What went wrong in words a program can test, whatever the caller's language.
                    .add("code", d.messageKey());
            if (d instanceof PhaseBlocked blocked) {
                var missing = JsonSupport.JSON.createArrayBuilder();
                blocked.missing().forEach(key -> missing.add(Messages.get(locale, key)));
                body.add("missing", missing);
            }
            Response response = ProblemDetails.response(d.status(), body.build());
            if (d instanceof RetryAfter later) {
                return Response.fromResponse(response)
                        .header("Retry-After", later.retryAfterSeconds())
                        .build();
            }
            return response;
        }
        if (e instanceof ConstraintViolationException cve) {
            var errors = JsonSupport.JSON.createArrayBuilder();
            cve.getConstraintViolations()
                    .forEach(v -> errors.add(JsonSupport.JSON
                            .createObjectBuilder()
                            .add("field", leaf(v.getPropertyPath().toString()))
                            .add("message", v.getMessage())));
            return ProblemDetails.response(
                    400,
                    ProblemDetails.of(
                                    400,
                                    Messages.get(locale, "error.status.400"),
                                    Messages.get(locale, "error.validation"))
                            .add("errors", errors)
                            .build());
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            return ProblemDetails.response(
                    status,
                    ProblemDetails.of(status, Messages.get(locale, "error.status." + status), null)
                            .build());
        }
        if (malformedBody(e)) {
            // A body that is not the JSON the method reads (truncated, not UTF-8, an array for an object): the
            // caller's mistake, found by the fuzzer (SecurityIT), not a server error.
            return ProblemDetails.response(
                    400,
                    ProblemDetails.of(400, Messages.get(locale, "error.status.400"), Messages.get(locale, "error.json"))
                            .build());
        }
        LOG.log(Level.SEVERE, "Unexpected error in a REST call", e);
        return ProblemDetails.response(
                500,
                ProblemDetails.of(
                                500, Messages.get(locale, "error.status.500"), Messages.get(locale, "error.unexpected"))
                        .build());
    }

    private static boolean malformedBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean reading = t instanceof jakarta.ws.rs.ProcessingException
                    && String.valueOf(t.getMessage()).contains("deserializ");
            if (reading || t instanceof jakarta.json.JsonException || t instanceof jakarta.json.bind.JsonbException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof jakarta.ejb.EJBException
                        || current instanceof jakarta.transaction.RollbackException
                        || current.getClass().getName().endsWith("TransactionalException"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private Locale locale() {
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return Messages.supported(accepted.isEmpty() ? null : accepted.get(0));
    }
}
