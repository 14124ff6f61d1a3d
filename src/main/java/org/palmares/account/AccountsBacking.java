package org.palmares.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.palmares.platform.Messages;
import org.palmares.platform.PlainEmail;

/** The organisers' list of accounts, and the invitation of a new person by e-mail. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    @NotBlank
    @PlainEmail
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    private String displayName;

    @NotNull
    private Role role = Role.ORGANISER;

    private List<Account> all;

    public List<Account> getAll() {
        if (all == null) all = accounts.all();
        return all;
    }

    public void invite() {
        var context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        accounts.invite(email, displayName, role, locale);
        context.addMessage(
                null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale, "accounts.invited", email), null));
        email = null;
        displayName = null;
        all = null;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
