package org.palmares.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;
import org.palmares.platform.Messages;
import org.palmares.platform.PlainEmail;

/** Setting a password from an invitation or reset link, and asking for a reset link. */
@Named
@ViewScoped
public class PasswordBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    private String token;
    private boolean tokenValid;
    private String accountEmail;

    @NotBlank
    private String password;

    @NotBlank
    private String confirmation;

    @NotBlank
    @PlainEmail
    private String email;

    private boolean done;

    public void onLoad() {
        accounts.findUsableToken(token).ifPresent(t -> {
            tokenValid = true;
            accountEmail = t.getAccount().getEmail();
        });
    }

    public void setNewPassword() {
        FacesContext context = FacesContext.getCurrentInstance();
        var locale = context.getViewRoot().getLocale();
        if (!password.equals(confirmation)) {
            context.addMessage(
                    "form:confirmation",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(locale, "password.mismatch"), null));
            context.validationFailed();
            return;
        }
        var broken = PasswordPolicy.check(password, accountEmail);
        if (!broken.isEmpty()) {
            broken.forEach(key -> context.addMessage(
                    "form:password",
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR, Messages.get(locale, key, PasswordPolicy.MIN_LENGTH), null)));
            context.validationFailed();
            return;
        }
        accounts.setPasswordWithToken(token, password);
        done = true;
    }

    public void requestReset() {
        var context = FacesContext.getCurrentInstance();
        accounts.requestPasswordReset(email, context.getViewRoot().getLocale());
        done = true;
    }

    public int getMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isTokenValid() {
        return tokenValid;
    }

    public String getAccountEmail() {
        return accountEmail;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isDone() {
        return done;
    }
}
