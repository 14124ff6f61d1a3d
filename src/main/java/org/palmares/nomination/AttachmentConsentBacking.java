package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.palmares.platform.DomainException;
import org.palmares.platform.Messages;

/**
 * The action behind WEB-INF/templates/attachment-consent.xhtml: a territory gives or withdraws its consent to show an
 * image of its nomination on the public pages (the vote page, the palmarès).
 */
@Named
@RequestScoped
public class AttachmentConsentBacking {
    @Inject
    AttachmentService attachments;

    /** Turns the consent of one attachment over; the page's message says what it is now. */
    public void toggle(Attachment attachment) {
        var context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        try {
            long nomination = attachment.getNomination().getId();
            // Turned over from what is stored, not from the page's copy (another tab may have changed it), and the
            // page's copy follows, so that it shows the new state without reloading its nomination.
            boolean now = attachments.get(nomination, attachment.getId()).isPublicConsent();
            Attachment changed = attachments.consentToPublicDisplay(nomination, attachment.getId(), !now);
            attachment.consentToPublicDisplay(changed.isPublicConsent());
            String key = changed.isPublicConsent() ? "attachment.consent.given" : "attachment.consent.withdrawn";
            context.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO, Messages.get(locale, key, changed.getOriginalName()), null));
        } catch (DomainException e) {
            context.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR, Messages.get(locale, e.messageKey(), e.arguments()), null));
            context.validationFailed();
        }
    }
}
