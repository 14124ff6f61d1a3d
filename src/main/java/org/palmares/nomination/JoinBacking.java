package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.time.Clock;

/** The public form with which a territory asks to take part. */
@Named
@RequestScoped
public class JoinBacking {
    @Inject
    TerritoryService territories;

    @Inject
    Clock clock;

    private final TerritoryContactForm form = new TerritoryContactForm();

    @Size(max = 2000)
    private String message;

    /** Left empty by people; robots that fill every field are thanked and ignored. */
    private String website;

    private boolean sent;

    public void send() {
        if (website == null || website.isBlank()) {
            String locale =
                    FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
            territories.requestToJoin(new JoinRequest(
                    form.name(),
                    form.getKind(),
                    form.region(),
                    form.departement(),
                    form.contactName(),
                    form.contactEmail(),
                    message == null || message.isBlank() ? null : message.strip(),
                    locale,
                    clock));
        }
        sent = true;
    }

    public TerritoryKind[] getKinds() {
        return TerritoryKind.values();
    }

    public boolean isSent() {
        return sent;
    }

    public TerritoryContactForm getForm() {
        return form;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
