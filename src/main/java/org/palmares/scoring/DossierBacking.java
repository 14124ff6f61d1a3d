package org.palmares.scoring;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.nomination.JurorReading;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonSupport;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;
import org.primefaces.PrimeFaces;

/**
 * The juror's score sheet beside the dossier ({@code ?assignment=} or {@code ?nomination=}). Holds only ids, the
 * values typed and the small list of criteria: the dossier and the guides are read per request by
 * {@link DossierContent}. What the juror typed stays here whatever the server answers, so a refused save loses
 * nothing.
 */
@Named
@ViewScoped
public class DossierBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ScoringService scoring;

    @Inject
    transient Language language;

    @Inject
    transient Clock clock;

    private long assignmentId;
    private long sheetId;
    private long version;
    private String zone;
    private SheetForm form;
    private Map<Long, Integer> values = new HashMap<>();
    private Map<Long, String> comments = new HashMap<>();
    private String overall;
    private String status;
    private boolean changeable;
    private boolean reopenable;
    private String lockReason;
    private Double result;
    private Instant savedAt;
    private boolean stale;
    private boolean recused;
    private String recuseReason;
    private List<String> missing = List.of();

    @PostConstruct
    void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> params = external.getRequestParameterMap();
        try {
            if (params.get("assignment") != null) {
                assignmentId = Long.parseLong(params.get("assignment"));
            } else if (params.get("nomination") != null) {
                assignmentId = scoring.ownAssignmentTo(Long.parseLong(params.get("nomination")))
                        .getId();
            } else {
                redirect(external, "/jury/index.xhtml");
                return;
            }
            ScoreSheet sheet = scoring.open(assignmentId);
            form = scoring.form(assignmentId, locale());
            zone = sheet.getAssignment()
                    .getNomination()
                    .getCategory()
                    .getEdition()
                    .getTimeZone();
            take(scoring.view(sheet));
        } catch (NumberFormatException e) {
            throw DomainException.notFound("assignment");
        } catch (DomainException e) {
            if (JurorReading.isCharterFirst(e)) {
                redirect(external, "/jury/charter.xhtml");
                return;
            }
            throw e;
        }
    }

    private static void redirect(ExternalContext external, String page) {
        try {
            external.redirect(external.getRequestContextPath() + page);
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the stored sheet as this page's state: values, comments, version. */
    private void take(SheetView view) {
        sheetId = view.id();
        values = new HashMap<>(view.values());
        comments = new HashMap<>(view.comments());
        overall = view.overallComment();
        remember(view);
    }

    /** Takes the stored sheet's state but keeps what the juror typed. */
    private void remember(SheetView view) {
        version = view.version();
        status = view.status();
        changeable = view.changeable();
        reopenable = view.reopenable();
        result = view.result();
        lockReason = changeable || reopenable ? null : scoring.lockReason(view.id());
    }

    /**
     * Saves what the juror chose so far; called by the page as they go. Quiet when all goes well; tells the page the
     * save went through ({@code args.saved}) so it can drop its backup copy of the inputs.
     */
    public void autosave() {
        store();
    }

    public void save() {
        if (store()) info("dossier.savedAt", savedAtTime());
    }

    private boolean store() {
        if (!changeable) return true;
        Map<Long, ScoringService.Entry> entries = new HashMap<>();
        for (SheetForm.CriterionLine c : form.criteria()) {
            entries.put(c.id(), new ScoringService.Entry(values.get(c.id()), comments.get(c.id())));
        }
        try {
            ScoreSheet saved = scoring.save(sheetId, version, entries, overall == null ? "" : overall);
            remember(scoring.view(saved));
            savedAt = clock.instant();
            stale = false;
            PrimeFaces.current().ajax().addCallbackParam("saved", version);
            return true;
        } catch (StaleSheet e) {
            // The page's own autosave may have stored these very values a moment before (a save and an autosave
            // crossing): nothing to choose between then, the page simply moves to the stored version.
            SheetView current = scoring.view(scoring.ownSheet(sheetId));
            if (holds(current)) {
                remember(current);
                savedAt = clock.instant();
                stale = false;
                PrimeFaces.current().ajax().addCallbackParam("saved", version);
                return true;
            }
            stale = true;
            error(e.messageKey(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    /** Whether the stored sheet holds exactly what this page shows. */
    private boolean holds(SheetView stored) {
        for (SheetForm.CriterionLine c : form.criteria()) {
            if (!java.util.Objects.equals(stored.values().get(c.id()), values.get(c.id()))) return false;
            if (!java.util.Objects.equals(stored.comments().get(c.id()), clean(comments.get(c.id())))) return false;
        }
        return java.util.Objects.equals(stored.overallComment(), clean(overall));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** After another tab's save: this page's values replace the stored ones. */
    public void keepMine() {
        remember(scoring.view(scoring.ownSheet(sheetId)));
        save();
    }

    /** After another tab's save: drops this page's values and shows the stored ones. */
    public void takeTheirs() {
        take(scoring.view(scoring.ownSheet(sheetId)));
        stale = false;
        reloaded();
    }

    /** Tells the page its form now shows the stored sheet (nothing unsaved in it). */
    private static void reloaded() {
        PrimeFaces.current().ajax().addCallbackParam("saved", true);
        PrimeFaces.current().ajax().addCallbackParam("reloaded", true);
    }

    public void submit() {
        if (!store()) return;
        try {
            remember(scoring.view(scoring.submit(sheetId)));
            missing = List.of();
            info("dossier.submitted");
        } catch (IncompleteSheet e) {
            missing = e.missing(locale());
            error(e.messageKey(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void reopen() {
        try {
            take(scoring.view(scoring.reopen(sheetId)));
            reloaded();
            info("dossier.reopened");
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
        }
    }

    /** The juror cannot judge this dossier after all. */
    public void recuse() {
        try {
            scoring.recuse(assignmentId, recuseReason);
            recused = true;
            changeable = false;
            reopenable = false;
            info("dossier.recused");
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** The result as the juror scores, before saving: the page shows it at once. */
    public String getResultText() {
        if (form == null) return "";
        var parts =
                form.criteria().stream().map(c -> c.part(values.get(c.id()))).toList();
        var live = WeightedResult.of(parts);
        return live.isPresent()
                ? String.format(locale(), "%.1f / 100", live.getAsDouble())
                : Messages.get(locale(), "dossier.result.none");
    }

    public String savedAtTime() {
        return savedAt == null
                ? ""
                : DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(zone)).format(savedAt);
    }

    public String getSavedAtText() {
        return savedAt == null ? "" : Messages.get(locale(), "dossier.savedAt", savedAtTime());
    }

    private Locale locale() {
        return language.getLocale();
    }

    private void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key, args), null));
    }

    private void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(locale(), key, args), null));
    }

    public long getAssignmentId() {
        return assignmentId;
    }

    public long getSheetId() {
        return sheetId;
    }

    /** The sheet's version this page knows; the autosave script moves it on after each REST save. */
    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    /** The edition's time zone, in which the page says when the sheet was saved. */
    public String getZone() {
        return zone;
    }

    /** The words the autosave script shows, in the page's language, as a JSON object. */
    public String getScriptTexts() {
        Locale locale = locale();
        var states = JsonSupport.JSON.createObjectBuilder();
        for (SheetStatus s : SheetStatus.values()) {
            states.add(s.name(), Messages.get(locale, "sheet.state." + s.name()));
        }
        return JsonSupport.JSON
                .createObjectBuilder()
                .add("saving", Messages.get(locale, "dossier.saving"))
                .add("failed", Messages.get(locale, "dossier.saveFailed"))
                .add("restored", Messages.get(locale, "dossier.backup.restored"))
                .add("savedAt", Messages.get(locale, "dossier.savedAt", "{0}"))
                .add("none", Messages.get(locale, "dossier.result.none"))
                .add("leave", Messages.get(locale, "dossier.leave"))
                .add("states", states)
                .build()
                .toString();
    }

    public SheetForm getForm() {
        return form;
    }

    public Map<Long, Integer> getValues() {
        return values;
    }

    public Map<Long, String> getComments() {
        return comments;
    }

    public String getOverall() {
        return overall;
    }

    public void setOverall(String overall) {
        this.overall = overall;
    }

    public String getStatus() {
        return status;
    }

    public boolean isChangeable() {
        return changeable;
    }

    public boolean isReopenable() {
        return reopenable;
    }

    /** Why the sheet can change no more (message key), when it can neither be changed nor reopened. */
    public String getLockReason() {
        return lockReason == null ? "sheet.closed" : lockReason;
    }

    public Double getResult() {
        return result;
    }

    public boolean isStale() {
        return stale;
    }

    public boolean isRecused() {
        return recused;
    }

    public String getRecuseReason() {
        return recuseReason;
    }

    public void setRecuseReason(String recuseReason) {
        this.recuseReason = recuseReason;
    }

    public List<String> getMissing() {
        return missing;
    }
}
