package org.palmares.ceremony.publication;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Messages;

/**
 * The organisers' publication page: per category of the current edition, the decision's state, its laureates and
 * certificates, the publish switch and unpublishing with a reason; publish all signed-off; thank-you e-mails.
 */
@Named
@RequestScoped
public class PublicationBacking {
    @Inject
    PublicationService publication;

    @Inject
    EditionService editions;

    private Edition edition;
    private List<PublicationService.CategoryState> categories;
    private String reason;
    private String place;
    private boolean thanksSent;

    @PostConstruct
    void load() {
        edition = editions.getCurrent();
        categories = publication.overview(edition);
        place = publication.place(edition).orElse(null);
        thanksSent = publication.thanksSent(edition);
    }

    public String publish(long categoryId) {
        publication.publish(categoryId);
        return done("publication.published.done");
    }

    public String publishAll() {
        int count = publication.publishAllSignedOff(edition.getId());
        return done(count == 0 ? "publication.publishAll.none" : "publication.publishAll.done", count);
    }

    public String unpublish(long categoryId) {
        publication.unpublish(categoryId, reason);
        return done("publication.unpublished.done");
    }

    public String savePlace() {
        publication.setPlace(edition.getId(), place);
        return done("publication.place.saved");
    }

    public String sendThanks() {
        int count = publication.sendThanks(edition.getId());
        return done(count == 0 ? "publication.thanks.none" : "publication.thanks.done", count);
    }

    private String done(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale, key, args), null));
        context.getExternalContext().getFlash().setKeepMessages(true);
        return "/organiser/publication?faces-redirect=true";
    }

    public Edition getEdition() {
        return edition;
    }

    public List<PublicationService.CategoryState> getCategories() {
        return categories;
    }

    public long getPublishedCount() {
        return categories.stream()
                .filter(PublicationService.CategoryState::published)
                .count();
    }

    public long getSignedOffCount() {
        return categories.stream()
                .filter(PublicationService.CategoryState::signedOff)
                .count();
    }

    public boolean isThanksSent() {
        return thanksSent;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }
}
