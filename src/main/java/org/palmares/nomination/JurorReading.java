package org.palmares.nomination;

import org.palmares.platform.DomainException;

/**
 * The jury's answer to "may this juror read this dossier?", which {@link NominationAccess} asks for every page, REST
 * answer and download. The jury feature implements it, so the rule lives where assignments, conflicts and the
 * charter are, and nomination/ does not depend on jury/.
 */
public interface JurorReading {
    /** What a juror may do with a dossier. */
    enum Verdict {
        /** Not assigned to it, recused, or in conflict with it: the dossier does not exist for them. */
        NONE,
        /** Assigned, but the confidentiality charter is not accepted yet: nothing of the dossier before it. */
        CHARTER_FIRST,
        /** Assigned, free of conflict, charter accepted. */
        READ
    }

    Verdict verdict(String jurorEmail, Nomination nomination);

    /** The refusal a juror meets on any dossier before accepting the charter (403, the pages send them to it). */
    static DomainException charterFirst() {
        return new DomainException(403, "jury.charterFirst");
    }

    /** Whether an error is {@link #charterFirst()}, so a page can send the juror to the charter. */
    static boolean isCharterFirst(DomainException e) {
        return "jury.charterFirst".equals(e.messageKey());
    }
}
