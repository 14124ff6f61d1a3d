package org.palmares.scoring;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.jury.Juror;
import org.palmares.jury.JurorService;
import org.palmares.nomination.Nomination;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;

/**
 * The organisers' sheets page ({@code ?nomination=} or {@code ?juror=}): scoring frozen or not per category, the
 * sheets' state, their values once the organiser chooses to see them, reminders and the history of changes. Keeps
 * only ids and the "show" choice; the lists are read per request.
 */
@Named
@ViewScoped
public class SheetsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ScoringOversight oversight;

    @Inject
    transient EditionService editions;

    @Inject
    transient JurorService jurors;

    @Inject
    transient Language language;

    private Long editionId;
    private Long nominationId;
    private Long jurorId;
    private boolean show;

    private transient List<ScoringOversight.SheetLine> sheets;

    @PostConstruct
    void load() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            if (params.get("nomination") != null && !params.get("nomination").isBlank()) {
                nominationId = Long.valueOf(params.get("nomination"));
                editionId = oversight
                        .nomination(nominationId)
                        .getCategory()
                        .getEdition()
                        .getId();
            } else if (params.get("juror") != null && !params.get("juror").isBlank()) {
                jurorId = Long.valueOf(params.get("juror"));
                editionId = oversight.juror(jurorId).getEdition().getId();
            }
        } catch (NumberFormatException e) {
            throw DomainException.notFound("nomination");
        }
    }

    /** The edition of the nomination or juror shown; the current one otherwise. */
    public Edition edition() {
        return editionId == null ? editions.getCurrent() : editions.get(editionId);
    }

    public List<ScoringOversight.CategoryState> getCategories() {
        return oversight.categories(edition(), locale());
    }

    public List<Nomination> getNominations() {
        return oversight.assignedNominations(edition());
    }

    public List<Juror> getJurors() {
        return jurors.ofEdition(edition());
    }

    public Nomination getNomination() {
        return nominationId == null ? null : oversight.nomination(edition(), nominationId);
    }

    public Juror getJuror() {
        return jurorId == null ? null : oversight.juror(edition(), jurorId);
    }

    public List<ScoringOversight.SheetLine> getSheets() {
        if (sheets == null) {
            if (nominationId != null) sheets = oversight.ofNomination(edition(), nominationId, show, locale());
            else if (jurorId != null) sheets = oversight.ofJuror(edition(), jurorId, show, locale());
            else sheets = List.of();
        }
        return sheets;
    }

    public List<ScoringOversight.ChangeLine> getHistory() {
        return nominationId == null ? List.of() : oversight.history(edition(), nominationId, locale());
    }

    public boolean isUnfinished() {
        return getSheets().stream().anyMatch(ScoringOversight.SheetLine::isUnfinished);
    }

    public void toggle() {
        show = !show;
        sheets = null;
    }

    public void remind() {
        int count = oversight.remind(edition(), nominationId);
        sheets = null;
        info(count == 0 ? "sheets.remind.none" : "sheets.remind.sent", count);
    }

    public void freeze(String category, boolean frozen) {
        oversight.freeze(edition(), category, frozen, locale());
        sheets = null;
        info(frozen ? "sheets.frozen" : "sheets.unfrozen", category);
    }

    private Locale locale() {
        return language.getLocale();
    }

    private void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key, args), null));
    }

    public Long getNominationId() {
        return nominationId;
    }

    public Long getJurorId() {
        return jurorId;
    }

    public boolean isShow() {
        return show;
    }
}
