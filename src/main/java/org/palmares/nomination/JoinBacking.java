package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    private TerritoryKind kind;

    @NotBlank
    @Size(max = 100)
    private String region;

    @NotBlank
    @Pattern(regexp = "\\d{2,3}|2A|2B", message = "{territory.departement.pattern}")
    private String departement;

    @NotBlank
    @Size(max = 200)
    private String contactName;

    @NotBlank
    @Email
    @Size(max = 254)
    private String contactEmail;

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
                    name.strip(),
                    kind,
                    region.strip(),
                    departement.strip().toUpperCase(java.util.Locale.ROOT),
                    contactName.strip(),
                    contactEmail.strip(),
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TerritoryKind getKind() {
        return kind;
    }

    public void setKind(TerritoryKind kind) {
        this.kind = kind;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getDepartement() {
        return departement;
    }

    public void setDepartement(String departement) {
        this.departement = departement;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
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
