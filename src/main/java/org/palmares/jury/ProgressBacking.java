package org.palmares.jury;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Messages;

/** The organisers' dashboard of the scoring: who has finished, what is missing, and reminders. */
@Named
@ViewScoped
public class ProgressBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @Inject
    transient ProgressService progress;

    @Inject
    transient AssignmentService assignments;

    /** ALL, UNFINISHED or NOT_STARTED for jurors; nominations with missing sheets only when true. */
    private String jurorFilter = "ALL";

    private boolean missingOnly;

    private transient List<JurorProgress> jurors;
    private transient List<ProgressService.NominationProgress> nominations;

    public List<JurorProgress> getJurors() {
        if (jurors == null) jurors = progress.jurors(editions.getCurrent());
        return switch (jurorFilter) {
            case "UNFINISHED" ->
                jurors.stream().filter(JurorProgress::unfinished).toList();
            case "NOT_STARTED" ->
                jurors.stream()
                        .filter(j -> j.assigned() > 0 && j.started() == 0 && j.submitted() == 0)
                        .toList();
            default -> jurors;
        };
    }

    private List<ProgressService.NominationProgress> allNominations() {
        if (nominations == null) nominations = progress.nominations(editions.getCurrent());
        return nominations;
    }

    public List<ProgressService.NominationProgress> getNominations() {
        return missingOnly
                ? allNominations().stream().filter(n -> n.missingSheets() > 0).toList()
                : allNominations();
    }

    public List<ProgressService.CategoryProgress> getCategories() {
        return progress.categories(editions.getCurrent(), allNominations());
    }

    public int getReminderDays() {
        return assignments.settings(editions.getCurrent()).getReminderDays();
    }

    public Edition getEdition() {
        return editions.getCurrent();
    }

    public void remind(long jurorId) {
        boolean sent = progress.remind(editions.getCurrent(), jurorId);
        info(sent ? "progress.reminded" : "progress.nothingToRemind");
    }

    public void remindAll() {
        int count = progress.remindAll(editions.getCurrent());
        info("progress.remindedAll", count);
    }

    public void filter() {
        // The lists are filtered when read; this only re-renders them.
    }

    private static void info(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context.getViewRoot().getLocale();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale, key, args), null));
    }

    public String getJurorFilter() {
        return jurorFilter;
    }

    public void setJurorFilter(String jurorFilter) {
        this.jurorFilter = jurorFilter == null ? "ALL" : jurorFilter;
    }

    public boolean isMissingOnly() {
        return missingOnly;
    }

    public void setMissingOnly(boolean missingOnly) {
        this.missingOnly = missingOnly;
    }
}
