package org.palmares.nomination;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.palmares.account.Account;
import org.palmares.platform.Messages;
import org.palmares.platform.PlainEmail;

/** A territory member's page of their colleagues, where they invite another one. */
@Named
@ViewScoped
public class ColleaguesBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient TerritoryService territories;

    @NotBlank
    @PlainEmail
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    private String name;

    public List<Account> getMembers() {
        return territories.colleagues();
    }

    public List<ColleagueInvitation> getPending() {
        return territories.pendingOfMyTerritory();
    }

    public void invite() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        territories.inviteColleague(email, name, locale);
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO, Messages.get(locale, "colleagues.invited", email), null));
        email = null;
        name = null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
