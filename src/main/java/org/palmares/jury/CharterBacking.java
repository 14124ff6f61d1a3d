package org.palmares.jury;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.scoring.JuryGuides;

/** The confidentiality charter a juror accepts before seeing any dossier. */
@Named
@RequestScoped
public class CharterBacking {
    @Inject
    EditionService editions;

    @Inject
    JurorService jurors;

    @Inject
    JuryGuides guides;

    private Edition edition;
    private Juror juror;

    @jakarta.annotation.PostConstruct
    void load() {
        edition = editions.getCurrent();
        juror = jurors.ofCaller(edition).orElse(null);
    }

    public String getCharterHtml() {
        return guides.charterHtml(
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public void accept() throws IOException {
        jurors.acceptCharter(editions.getCurrent());
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/jury/conflicts.xhtml");
    }

    public Juror getJuror() {
        return juror;
    }

    public Edition getEdition() {
        return edition;
    }
}
