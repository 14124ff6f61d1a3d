package org.palmares.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.palmares.nomination.JurorReading;
import org.palmares.nomination.Nomination;

/**
 * The one rule of what a juror may read: a dossier of a current assignment of theirs that no conflict keeps them
 * from, once they have accepted the edition's confidentiality charter. Pages, REST, downloads and sheets ask it.
 */
@ApplicationScoped
public class JurorReadingRule implements JurorReading {
    @PersistenceContext
    EntityManager em;

    @Inject
    JurorService jurors;

    @Override
    public Verdict verdict(String jurorEmail, Nomination nomination) {
        List<Assignment> current = em.createQuery(
                        "select a from Assignment a where a.nomination = :n and a.juror.account.email = :e "
                                + "and a.recused = false",
                        Assignment.class)
                .setParameter("n", nomination)
                .setParameter("e", jurorEmail)
                .getResultList();
        return current.stream()
                .filter(a -> !jurors.inConflict(a.getJuror(), nomination))
                .findFirst()
                .map(a -> of(a.getJuror()))
                .orElse(Verdict.NONE);
    }

    /** What an assigned juror, free of conflict, may do: read, or accept the charter first. */
    static Verdict of(Juror juror) {
        return juror.hasAcceptedConfidentiality() ? Verdict.READ : Verdict.CHARTER_FIRST;
    }

    /** Refuses a juror who has not accepted the charter. */
    static Juror requireCharter(Juror juror) {
        if (of(juror) == Verdict.CHARTER_FIRST) throw JurorReading.charterFirst();
        return juror;
    }
}
