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
import java.time.Clock;
import java.util.List;
import org.palmares.platform.Messages;

/** The organisers' page of API tokens: create one (its secret shown once), list them all, revoke any. */
@Named
@ViewScoped
public class TokensBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The lives offered, in days; the default is 90. */
    private static final List<Integer> VALIDITIES = List.of(7, 30, 90, 180, 365);

    @Inject
    transient TokenService tokens;

    @Inject
    transient Clock clock;

    @NotBlank
    @Size(max = TokenService.MAX_NAME)
    private String name;

    @NotNull
    private TokenScope scope = TokenScope.READ;

    private int days = ApiToken.DEFAULT_DAYS;

    /** The secret of the token just created: on this page, this once, then gone. */
    private String secret;

    private String secretName;

    private transient List<ApiToken> all;

    public void create() {
        TokenService.Issued issued = tokens.create(name, scope, days);
        secret = issued.secret();
        secretName = issued.token().getName();
        name = null;
        scope = TokenScope.READ;
        days = ApiToken.DEFAULT_DAYS;
        all = null;
    }

    /** Forgets the secret once its owner says it is copied. */
    public void dismissSecret() {
        secret = null;
        secretName = null;
    }

    public void revoke(long id) {
        ApiToken token = tokens.revoke(id);
        all = null;
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        Messages.get(context.getViewRoot().getLocale(), "tokens.revoked", token.getName()),
                        null));
    }

    public List<ApiToken> getAll() {
        if (all == null) all = tokens.all();
        return all;
    }

    /** How a token stands now, as a message key suffix: active, expired or revoked. */
    public String state(ApiToken token) {
        if (token.isRevoked()) return "revoked";
        return token.isExpired(clock) ? "expired" : "active";
    }

    public TokenScope[] getScopes() {
        return TokenScope.values();
    }

    public List<Integer> getValidities() {
        return VALIDITIES;
    }

    public String validityLabel(int days) {
        return Messages.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), "tokens.validity.days", days);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TokenScope getScope() {
        return scope;
    }

    public void setScope(TokenScope scope) {
        this.scope = scope;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }

    public String getSecret() {
        return secret;
    }

    public String getSecretName() {
        return secretName;
    }
}
