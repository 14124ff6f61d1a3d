package org.palmares.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Locale;
import org.palmares.platform.PlainEmail;

/**
 * A territory and its contact as a person types them: the organisers' invitation and the public request to join share
 * these fields and their rules. The getters of the values to keep return them trimmed (the département in capitals).
 */
public class TerritoryContactForm implements Serializable {
    private static final long serialVersionUID = 1L;

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
    @PlainEmail
    @Size(max = 254)
    private String contactEmail;

    public String name() {
        return name.strip();
    }

    public String region() {
        return region.strip();
    }

    public String departement() {
        return departement.strip().toUpperCase(Locale.ROOT);
    }

    public String contactName() {
        return contactName.strip();
    }

    public String contactEmail() {
        return contactEmail.strip();
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
}
