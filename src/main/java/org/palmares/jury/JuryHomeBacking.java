package org.palmares.jury;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;

/** The juror's landing page: their assignments in the current edition, and nothing of anyone else's. */
@Named
@RequestScoped
public class JuryHomeBacking {
    @Inject
    EditionService editions;

    @Inject
    JurorService jurors;

    private Edition edition;
    private Juror juror;
    private List<Assignment> assignments;

    public void onLoad() {
        edition = editions.getCurrent();
        juror = jurors.ofCaller(edition).orElse(null);
        assignments = juror == null ? List.of() : jurors.assignmentsOfCaller(edition);
    }

    public Edition getEdition() {
        return edition;
    }

    public Juror getJuror() {
        return juror;
    }

    public List<Assignment> getAssignments() {
        return assignments;
    }
}
