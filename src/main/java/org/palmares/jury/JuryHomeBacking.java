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

    @Inject
    org.palmares.scoring.ScoringService scoring;

    @Inject
    org.palmares.platform.Language language;

    @Inject
    org.palmares.platform.Formats formats;

    @Inject
    java.time.Clock clock;

    private Edition edition;
    private Juror juror;
    private List<org.palmares.scoring.MyAssignment> assignments;

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
        assignments = juror == null ? List.of() : scoring.mine(edition, language.getLocale());
    }

    public Edition getEdition() {
        return edition;
    }

    public Juror getJuror() {
        return juror;
    }

    /** The caller's dossiers, what needs doing first, with where each sheet stands. */
    public List<org.palmares.scoring.MyAssignment> getAssignments() {
        return assignments;
    }

    public long getSubmitted() {
        return assignments.stream().filter(a -> "SUBMITTED".equals(a.state())).count();
    }

    /** The scoring deadline and the time left, in the edition's time zone and the reader's language. */
    public String getDeadline() {
        java.util.Locale locale = language.getLocale();
        return edition.scoringDeadline()
                .map(d -> {
                    String when = org.palmares.platform.Messages.get(
                            locale, "jury.list.deadline", formats.fullDateTime(d.local(), locale));
                    if (d.isPassed(clock)) {
                        return when + " — " + org.palmares.platform.Messages.get(locale, "jury.list.closed");
                    }
                    return when + " — " + org.palmares.platform.Countdown.text(d.remaining(clock), locale) + ".";
                })
                .orElseGet(() -> org.palmares.platform.Messages.get(locale, "jury.list.noDeadline"));
    }
}
