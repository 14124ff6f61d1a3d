package org.palmares.platform;

/**
 * A rule of the domain said no. The message is a key of the message bundles, so pages and problem details can
 * tell the user what went wrong in their language; {@link #status()} is the HTTP status REST answers with.
 */
public class DomainException extends RuntimeException {
    private final int status;
    private final transient Object[] arguments;

    public DomainException(int status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.arguments = arguments;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Something asked for does not exist (or may not be seen by this caller, which looks the same). */
    public static DomainException notFound(String what) {
        return new DomainException(404, "error.notFound", what);
    }

    /** The object's state refuses the change (e.g. a deadline has passed). */
    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(409, messageKey, args);
    }

    public static DomainException forbidden() {
        return new DomainException(403, "error.forbidden");
    }

    public static DomainException invalid(String messageKey, Object... args) {
        return new DomainException(400, messageKey, args);
    }
}
