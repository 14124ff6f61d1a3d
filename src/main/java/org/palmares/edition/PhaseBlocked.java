package org.palmares.edition;

import java.util.List;
import org.palmares.platform.DomainException;

/** The edition cannot move to its next phase yet; {@link #missing()} says why, as message keys. */
public class PhaseBlocked extends DomainException {
    private final List<String> missing;

    public PhaseBlocked(List<String> missing) {
        super(409, "phase.blocked");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
