package org.palmares.edition.transfer;

import org.palmares.platform.DomainException;

/** Why an edition file is refused: the file itself is wrong (422) or it cannot be read as a ZIP at all (400). */
public final class TransferException {
    private TransferException() {}

    /** The file is a ZIP, but not a Palmarès edition this version can take. */
    public static final class Invalid extends DomainException {
        private static final long serialVersionUID = 1L;

        public Invalid(String messageKey, Object... arguments) {
            super(422, messageKey, arguments);
        }
    }

    public static DomainException malformed() {
        return new DomainException(400, "transfer.zip.malformed");
    }

    public static DomainException tooLarge(long megabytes) {
        return new DomainException(413, "transfer.zip.tooLarge", megabytes);
    }
}
