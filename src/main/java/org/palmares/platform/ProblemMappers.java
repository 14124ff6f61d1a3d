package org.palmares.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
            String title = title(locale, d.messageKey(), d.status());
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
        if (e instanceof JsonInput.Refused refused) {
            int status = refused.reason() == JsonInput.Reason.TOO_LARGE ? 413 : 400;
            Object[] args = refused.argument() == null ? new Object[0] : new Object[] {refused.argument()};
            return problem(locale, status, refused.reason().messageKey(), args);
        }
        String parameter = badParameter(e);
        if (parameter != null) {
            // A query, header, form or cookie parameter that is no value of its type (?page=abc, ?page=99999999999):
            // JAX-RS says 404, as if no resource matched; the caller's mistake is a 400. A bad path segment
            // (/nominations/abc) stays a 404: no such nomination.
            return problem(locale, 400, "error.param", parameter);
        }
        String header = badHeader(e);
        if (header != null) {
            // A request header Jersey parses only when asked (If-None-Match by evaluatePreconditions, Accept or
            // Content-Type while matching): the caller's mistake, a 400 naming it, not a 500.
            return problem(locale, 400, "error.header", header);
        }
        if (e instanceof java.nio.charset.UnsupportedCharsetException
                || e instanceof java.nio.charset.IllegalCharsetNameException) {
            // Content-Type: …; charset=x-unknown, met by a reader of Jersey's: the body is of no type we read.
            String charset = e instanceof java.nio.charset.UnsupportedCharsetException u
                    ? u.getCharsetName()
                    : ((java.nio.charset.IllegalCharsetNameException) e).getCharsetName();
            return problem(locale, 415, "error.charset", charset);
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            // Jersey's 415: a body of a type the operation does not read (error.status.415 speaks of files).
            if (status == 415) return problem(locale, 415, "error.contentType");
            return ProblemDetails.response(
                    status,
                    ProblemDetails.of(status, Messages.get(locale, "error.status." + status), null)
                            .build());
        }
        if (malformedBody(e) || unreadJsonValue(e)) {
            // A body that is not the JSON the method reads (truncated, not UTF-8, an array for an object): the
            // caller's mistake, found by the fuzzer (SecurityIT), not a server error.
            return problem(locale, 400, "error.json");
        }
        if (unparsedInput(e)) {
            return problem(locale, 400, "error.input");
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

    /** A problem whose detail is the message {@code key}, titled and named in "code" as a DomainException's is. */
    private static Response problem(Locale locale, int status, String key, Object... args) {
        return ProblemDetails.response(
                status,
                ProblemDetails.of(status, title(locale, key, status), Messages.get(locale, key, args))
                        .add("code", key)
                        .build());
    }

    /** The message's own title ("<key>.title") if it has one, else the status's. */
    private static String title(Locale locale, String key, int status) {
        String titleKey = key + ".title";
        String title = Messages.get(locale, titleKey);
        return title.equals(titleKey) ? Messages.get(locale, "error.status." + status) : title;
    }

    /** The name of the parameter Jersey could not convert, unless it is a path segment; null for anything else. */
    private static String badParameter(Throwable e) {
        if (!(e instanceof WebApplicationException)) return null;
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            if (!c.getName().equals("org.glassfish.jersey.server.ParamException")) continue;
            if (e.getClass().getSimpleName().equals("PathParamException")) return null;
            try {
                return String.valueOf(c.getMethod("getParameterName").invoke(e));
            } catch (ReflectiveOperationException notJersey) {
                return "?";
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern HEADER_NAME =
            java.util.regex.Pattern.compile("\"([\\w-]{1,64})\" header");

    /**
     * The name of the request header Jersey could not parse (its HeaderValueException, in the exception or as a
     * cause, says so in its message), "?" when it does not say which; null for anything else, and for a header of
     * our own answer (the exception's context OUTBOUND), which would be our bug.
     */
    static String badHeader(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!t.getClass().getName().equals("org.glassfish.jersey.message.internal.HeaderValueException")) continue;
            try {
                if (String.valueOf(t.getClass().getMethod("getContext").invoke(t))
                        .equals("OUTBOUND")) return null;
            } catch (ReflectiveOperationException notThatJersey) {
                // An older or newer Jersey: the header is then taken to be the caller's, as nearly all are.
            }
            var m = HEADER_NAME.matcher(String.valueOf(t.getMessage()));
            return m.find() ? m.group(1) : "?";
        }
        return null;
    }

    /**
     * A ClassCastException thrown by JSON-P itself: a resource asked a value of the caller's body for another type
     * ({@code getJsonNumber} on a text). {@link JsonFields} is the way; this keeps any call left over a 400.
     */
    static boolean unreadJsonValue(Throwable e) {
        if (!(e instanceof ClassCastException) || e.getStackTrace().length == 0) return false;
        String thrower = e.getStackTrace()[0].getClassName();
        return thrower.startsWith("org.eclipse.parsson.") || thrower.startsWith("jakarta.json.");
    }

    /**
     * A parse of the caller's text that failed in the JDK, called by a resource: a number, a percent-encoded header
     * (URLDecoder: IllegalArgumentException), a date, an enum name. Failing inside a service it would be our bug, a
     * 500; read by the resource from the request, it is the caller's mistake.
     */
    static boolean unparsedInput(Throwable e) {
        boolean parsing = e instanceof IllegalArgumentException // NumberFormatException too
                || e instanceof java.time.format.DateTimeParseException;
        if (!parsing) return false;
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length == 0 || !frames[0].getClassName().startsWith("java.")) return false;
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("org.palmares."))
                return frame.getClassName().endsWith("Resource");
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
        return Language.of(headers);
    }
}
