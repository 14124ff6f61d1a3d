package org.palmares.jury.assignment;

/**
 * An assignment instance that cannot be read: its one-line message names the field and, where there is one, the id at
 * fault, so that it can be shown as is to whoever wrote the file.
 */
public class InvalidInstanceException extends RuntimeException {
    public InvalidInstanceException(String message) {
        super(message);
    }
}
