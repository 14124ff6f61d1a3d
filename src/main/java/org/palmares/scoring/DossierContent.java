package org.palmares.scoring;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Formats;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;

/**
 * The read-only part of the dossier page, built for one request and then dropped, so sessions stay small: the
 * nomination as the juror reads it, the jury guides and the deadline.
 */
@Named
@RequestScoped
public class DossierContent {
    @Inject
    ScoringService scoring;

    @Inject
    DossierBacking page;

    @Inject
    JuryGuides guides;

    @Inject
    EditionService editions;

    @Inject
    Language language;

    @Inject
    Formats formats;

    @Inject
    Clock clock;

    private Dossier dossier;

    public Dossier getDossier() {
        if (dossier == null) dossier = scoring.dossier(page.getAssignmentId(), language.getLocale());
        return dossier;
    }

    public String getGeneralGuide() {
        return guides.html(JuryGuides.GENERAL, language.getLocale());
    }

    public String getCategoryGuide() {
        return guides.html(getDossier().categoryCode(), language.getLocale());
    }

    private Edition edition;

    /** The dossier's own edition (not necessarily the current one): its rules and deadline apply. */
    private Edition edition() {
        if (edition == null) edition = editions.get(getDossier().editionId());
        return edition;
    }

    public boolean isOverallRequired() {
        return edition().isOverallCommentRequired();
    }

    public String getDeadline() {
        Edition edition = edition();
        return edition.scoringDeadline()
                .map(d -> {
                    String when = formats.fullDateTime(d.local(), language.getLocale());
                    if (d.isPassed(clock)) return when + " — " + Messages.get(language.getLocale(), "jury.list.closed");
                    return when + " — "
                            + org.palmares.platform.Countdown.text(d.remaining(clock), language.getLocale());
                })
                .orElseGet(() -> Messages.get(language.getLocale(), "jury.list.noDeadline"));
    }
}
