package org.palmares.nomination;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.platform.DomainException;
import org.palmares.platform.Formats;
import org.palmares.platform.Messages;

/**
 * The submission step of a territory's nomination ({@code ?id=}): the review page (the whole dossier as the jury
 * will read it, what is still missing, the confirmation) and, once submitted, the receipt page.
 */
@Named
@ViewScoped
public class SubmissionBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient NominationService nominations;

    @Inject
    transient Clock clock;

    private long id;
    private transient Nomination nomination;
    private transient List<Question> questions;

    /** One answer as the jury reads it: the question and what was answered ("—" when nothing). */
    public record Answered(String label, String value, boolean required) {}

    @PostConstruct
    void load() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            id = Long.parseLong(String.valueOf(params.get("id")));
        } catch (NumberFormatException e) {
            throw DomainException.notFound("nomination");
        }
        nomination = nominations.getChangeable(id);
    }

    private Nomination current() {
        if (nomination == null) nomination = nominations.getChangeable(id);
        return nomination;
    }

    /** Submits once confirmed, then shows the receipt; a refusal (missing items, deadline) stays on the review. */
    public String submit() {
        try {
            nominations.submit(id);
            return "/territory/receipt?faces-redirect=true&id=" + id;
        } catch (NominationService.IncompleteNomination e) {
            nomination = null;
            error("nomination.incomplete.page");
            e.missing(locale()).forEach(m -> error("nomination.missing.item", m));
        } catch (DomainException e) {
            nomination = null;
            error(e.messageKey(), e.arguments());
        }
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    public Nomination getNomination() {
        return current();
    }

    public long getId() {
        return id;
    }

    public List<String> getMissing() {
        return nominations.missing(current(), locale());
    }

    /** A draft, complete, before the deadline: it may be submitted now. */
    public boolean isSubmittable() {
        return current().getStatus() == NominationStatus.DRAFT
                && current().getCategory().getEdition().acceptsNominations(clock)
                && getMissing().isEmpty();
    }

    public boolean isDraft() {
        return current().getStatus() == NominationStatus.DRAFT;
    }

    public boolean isSubmitted() {
        return current().hasReference() && current().getSubmittedAt() != null;
    }

    public String getCategoryName() {
        return current().getCategory().name(locale());
    }

    public String getSummaryHtml() {
        return SafeMarkdown.html(current().getSummary());
    }

    public List<Answered> getAnswers() {
        if (questions == null) questions = nominations.questions(current().getCategory());
        return questions.stream()
                .map(q -> new Answered(q.label(locale()), current().valueOf(q), q.isRequired()))
                .toList();
    }

    public List<Attachment> getAttachments() {
        return current().getAttachments();
    }

    public String size(Attachment attachment) {
        return Messages.get(locale(), "receipt.pdf.kb", Math.max(1, (attachment.getSize() + 1023) / 1024));
    }

    /** When it was (last) submitted, in the edition's time zone, e.g. "7 décembre 2026 à 16:05 (Europe/Paris)". */
    public String getSubmittedAt() {
        if (current().getSubmittedAt() == null) return "";
        var edition = current().getCategory().getEdition();
        return new Formats().dateTime(current().getSubmittedAt(), edition.getTimeZone(), locale()) + " ("
                + edition.getTimeZone() + ")";
    }

    public String getDeadline() {
        return current()
                .getCategory()
                .getEdition()
                .nominationDeadline()
                .map(d -> new Formats().fullDateTime(d.local(), locale()) + " ("
                        + d.zone().getId() + ")")
                .orElse("—");
    }

    private static Locale locale() {
        var root = FacesContext.getCurrentInstance().getViewRoot();
        return root == null ? Messages.DEFAULT : root.getLocale();
    }

    private static void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(locale(), key, args), null));
    }
}
