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

    /** A juror who has not accepted the confidentiality charter goes there first. */
    public void onLoad() throws java.io.IOException {
        edition = editions.getCurrent();
        juror = jurors.ofCaller(edition).orElse(null);
        if (juror != null && !juror.hasAcceptedConfidentiality()) {
            var external =
                    jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/jury/charter.xhtml");
            return;
        }
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
