package org.palmares.nomination;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.edition.Category;
import org.palmares.edition.Deadline;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.DomainException;
import org.palmares.platform.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;

/**
 * The territory's nomination form: a new one in a category ({@code ?category=}) or an existing one
 * ({@code ?id=}). The form saves itself as the user types; what the user typed stays in this bean whatever
 * the server answers, so a refused save (deadline, another tab's change) loses nothing.
 */
@Named
@ViewScoped
public class NominationBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient NominationService nominations;

    @Inject
    transient AttachmentService attachments;

    @Inject
    transient EditionService editions;

    @Inject
    transient Clock clock;

    private Long id;
    private long categoryId;
    private Long version;

    /** Refused with a message beside the field when too long, never cut (the page counts as the user types). */
    @Size(max = NominationService.MAX_TITLE, message = "{nomination.title.size}")
    private String title;

    @Size(max = NominationService.MAX_SUMMARY, message = "{nomination.summary.size}")
    private String summary;

    private Map<Long, String> answers = new HashMap<>();
    private Instant savedAt;
    private String savedFingerprint = "";
    private boolean stale;

    private transient Nomination nomination;
    private transient Category category;
    private transient List<Question> questions;

    @PostConstruct
    void load() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String idParam = params.get("id");
        String categoryParam = params.get("category");
        try {
            if (idParam != null) {
                id = Long.valueOf(idParam);
                refresh();
                title = nomination.getTitle();
                summary = nomination.getSummary();
                for (Answer answer : nomination.getAnswers()) {
                    answers.put(answer.getQuestion().getId(), answer.getValue());
                }
                savedFingerprint = fingerprint();
            } else if (categoryParam != null) {
                categoryId = Long.parseLong(categoryParam);
                category = editions.getCategory(categoryId);
                if (!category.getEdition().isCurrent()) throw DomainException.notFound("category");
            } else {
                throw DomainException.notFound("nomination");
            }
        } catch (NumberFormatException e) {
            throw DomainException.notFound("nomination");
        }
    }

    private void refresh() {
        nomination = nominations.getChangeable(id);
        category = nomination.getCategory();
        categoryId = category.getId();
        version = nomination.getVersion();
        questions = null;
    }

    private Nomination current() {
        if (nomination == null && id != null) nomination = nominations.getChangeable(id);
        return nomination;
    }

    /**
     * Saves what the user typed so far; called by the page as the user types. Does nothing (and leaves the page's
     * messages alone) when nothing changed since the last save.
     */
    public void autosave() {
        if (id != null && fingerprint().equals(savedFingerprint) && !stale) {
            saved();
            return;
        }
        if (store(false)) saved();
        PrimeFaces.current().ajax().update("form:status", "head");
    }

    /** Tells the page that what its request carried is stored (nomination.js then stops warning before leaving). */
    private static void saved() {
        PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }

    /** What the form holds, to tell whether it changed since it was last saved. */
    private String fingerprint() {
        return String.valueOf(title) + '\u0000' + summary + '\u0000' + new java.util.TreeMap<>(nonNull(answers));
    }

    /** Saves on request, and says so. */
    public void save() {
        if (store(true)) {
            saved();
            info("nomination.saved");
        }
    }

    /**
     * The step before submission: saves, then opens the review page (the dossier as the jury will read it, what is
     * missing, the confirmation). An empty new form says so instead of doing nothing.
     */
    public String review() {
        if (id == null && (title == null || title.isBlank())) {
            error("nomination.empty.submit");
            List<String> missing = new java.util.ArrayList<>();
            missing.add(Messages.get(locale(), "nomination.title"));
            if (summary == null || summary.isBlank()) missing.add(Messages.get(locale(), "nomination.summary"));
            getQuestions().stream()
                    .filter(Question::isRequired)
                    .filter(q -> answers.getOrDefault(q.getId(), "").isBlank())
                    .forEach(q -> missing.add(q.label(locale())));
            missing.forEach(m -> error("nomination.missing.item", m));
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        if (!store(true)) return null;
        saved();
        return "/territory/review?faces-redirect=true&id=" + id;
    }

    private boolean store(boolean loud) {
        if (title == null || title.isBlank()) {
            if (loud || id != null) warn("nomination.title.neededToSave");
            return false;
        }
        try {
            if (id == null) {
                Nomination created = nominations.createForCaller(categoryId, title);
                id = created.getId();
                version = created.getVersion();
                PrimeFaces.current().executeScript("history.replaceState(null, '', '?id=" + id + "');");
            }
            Nomination saved = nominations.save(id, version, title, summary, nonNull(answers));
            version = saved.getVersion();
            nomination = saved;
            savedAt = clock.instant();
            savedFingerprint = fingerprint();
            stale = false;
            return true;
        } catch (DomainException e) {
            if (e.status() == 412) {
                stale = true;
                error("nomination.stale.page");
            } else {
                error(e.messageKey(), e.arguments());
            }
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    /** After another tab's change: keeps what this page holds, saved over the other version. */
    public void keepMine() {
        version = nominations.getChangeable(id).getVersion();
        save();
    }

    /** After another tab's change: drops this page's text and shows the stored version. */
    public void takeTheirs() {
        answers.clear();
        refresh();
        title = nomination.getTitle();
        summary = nomination.getSummary();
        nomination.getAnswers().forEach(a -> answers.put(a.getQuestion().getId(), a.getValue()));
        savedFingerprint = fingerprint();
        stale = false;
        info("nomination.reloaded");
    }

    public void withdraw() {
        act(() -> nominations.withdraw(id), "nomination.withdrawn");
    }

    public void reopen() {
        act(() -> nominations.reopen(id), "nomination.reopened");
        answers.clear();
        title = current().getTitle();
        summary = current().getSummary();
        current().getAnswers().forEach(a -> answers.put(a.getQuestion().getId(), a.getValue()));
        savedFingerprint = fingerprint();
    }

    private void act(java.util.function.Supplier<Nomination> action, String done) {
        try {
            Nomination changed = action.get();
            nomination = changed;
            version = changed.getVersion();
            info(done);
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
        }
    }

    public void upload(FileUploadEvent event) {
        if (id == null && !store(true)) return;
        try (InputStream in = event.getFile().getInputStream()) {
            if (current().getVersion() != version) {
                stale = true;
                error("nomination.stale.page");
                return;
            }
            Attachment added = attachments.add(id, event.getFile().getFileName(), in);
            nomination = nominations.getChangeable(id);
            version = nomination.getVersion();
            info("attachment.added", added.getOriginalName());
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void removeAttachment(long attachmentId) {
        try {
            attachments.remove(id, attachmentId);
            nomination = nominations.getChangeable(id);
            version = nomination.getVersion();
            info("attachment.removed");
        } catch (DomainException e) {
            error(e.messageKey(), e.arguments());
        }
    }

    // --- what the page shows

    public Category getCategory() {
        if (category == null) category = editions.getCategory(categoryId);
        return category;
    }

    public Edition getEdition() {
        return getCategory().getEdition();
    }

    public Nomination getNomination() {
        return current();
    }

    public boolean isExisting() {
        return id != null;
    }

    public List<Question> getQuestions() {
        if (questions == null) questions = nominations.questions(getCategory());
        return questions;
    }

    public List<Attachment> getAttachments() {
        return id == null ? List.of() : current().getAttachments();
    }

    public List<String> getMissing() {
        return id == null ? List.of() : nominations.missing(current(), locale());
    }

    /**
     * The form can be typed in: the deadline has not passed and the nomination is new or a draft. A submitted one
     * is read-only; it is taken back as a draft to be changed ({@link #reopen}).
     */
    public boolean isOpen() {
        return getEdition().acceptsNominations(clock)
                && (id == null || current().getStatus() == NominationStatus.DRAFT);
    }

    /** Submitted, as the jury will receive it: shown read-only with a link to its receipt. */
    public boolean isSubmittedReadOnly() {
        return id != null && current().getStatus() == NominationStatus.SUBMITTED;
    }

    /** Withdrawn (back as a draft) or submitted (back as a draft to change it), before the deadline. */
    public boolean isReopenable() {
        return id != null
                && (current().getStatus() == NominationStatus.WITHDRAWN
                        || current().getStatus() == NominationStatus.SUBMITTED)
                && getEdition().acceptsNominations(clock);
    }

    /** Only a submitted dossier is withdrawn (a draft goes nowhere until submitted), before the deadline. */
    public boolean isWithdrawable() {
        return id != null
                && current().getStatus() == NominationStatus.SUBMITTED
                && getEdition().acceptsNominations(clock);
    }

    public int getMaxTitle() {
        return NominationService.MAX_TITLE;
    }

    public int getMaxSummary() {
        return NominationService.MAX_SUMMARY;
    }

    /** "At most N nomination(s) per territory in this category; your territory has started M." */
    public String getLimitText() {
        return Messages.get(locale(), "nomination.limit.text", getCategory().getLimitPerTerritory());
    }

    public String getAttachmentRules() {
        return Messages.get(locale(), "attachment.rules", getMaxFileMegabytes(), getMaxNominationMegabytes());
    }

    public String getTooLargeText() {
        return Messages.get(locale(), "attachment.tooLarge", getMaxFileMegabytes());
    }

    public boolean isStale() {
        return stale;
    }

    public String getDeadline() {
        return getEdition()
                .nominationDeadline()
                .map(d -> new org.palmares.platform.Formats().fullDateTime(d.local(), locale()) + " ("
                        + d.zone().getId() + ")")
                .orElse("—");
    }

    /** Time left before the deadline, e.g. "Il reste 12 jours et 4 heures."; "closed" once passed. */
    public String getTimeLeft() {
        return getEdition()
                .nominationDeadline()
                .map(d -> timeLeft(d, clock, locale()))
                .orElse("");
    }

    static String timeLeft(Deadline deadline, Clock clock, Locale locale) {
        if (deadline.isPassed(clock)) return Messages.get(locale, "nomination.deadline.passed");
        return org.palmares.platform.Countdown.text(deadline.remaining(clock), locale) + ".";
    }

    public String getSavedAt() {
        return savedAt == null
                ? ""
                : Messages.get(
                        locale(),
                        "nomination.savedAt",
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                                .withZone(getEdition().zone())
                                .format(savedAt));
    }

    public String getSummaryHtml() {
        return SafeMarkdown.html(summary);
    }

    public long getMaxFileBytes() {
        return attachments.maxFileBytes();
    }

    public long getMaxFileMegabytes() {
        return attachments.maxFileBytes() / (1024 * 1024);
    }

    public long getMaxNominationMegabytes() {
        return attachments.maxNominationBytes() / (1024 * 1024);
    }

    public boolean previewable(Attachment attachment) {
        return AttachmentType.ofMediaType(attachment.getContentType())
                .map(AttachmentType::previewable)
                .orElse(false);
    }

    public boolean image(Attachment attachment) {
        return AttachmentType.ofMediaType(attachment.getContentType())
                .map(AttachmentType::isImage)
                .orElse(false);
    }

    public String size(Attachment attachment) {
        return Messages.get(locale(), "receipt.pdf.kb", Math.max(1, (attachment.getSize() + 1023) / 1024));
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Map<Long, String> getAnswers() {
        return answers;
    }

    private static Map<Long, String> nonNull(Map<Long, String> answers) {
        Map<Long, String> copy = new HashMap<>();
        answers.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return copy;
    }

    private static Locale locale() {
        var root = FacesContext.getCurrentInstance().getViewRoot();
        return root == null ? Messages.DEFAULT : root.getLocale();
    }

    private static void info(String key, Object... args) {
        message(FacesMessage.SEVERITY_INFO, key, args);
    }

    private static void warn(String key, Object... args) {
        message(FacesMessage.SEVERITY_WARN, key, args);
    }

    private static void error(String key, Object... args) {
        message(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private static void message(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(severity, Messages.get(locale(), key, args), null));
    }
}
