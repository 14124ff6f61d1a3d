package org.palmares.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Duration;
import org.palmares.platform.DemoLoader;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;
import org.palmares.platform.PlainEmail;

/** The login form. */
@Named
@RequestScoped
public class LoginBacking {
    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    @Inject
    DemoLoader demo;

    @Inject
    Caller caller;

    @NotBlank
    @PlainEmail
    private String email;

    @NotBlank
    private String password;

    private String next;

    /** Sends a visitor who is already logged in to their landing page. */
    public void onLoad() throws IOException {
        if (caller.isLoggedIn()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + caller.getHome());
        }
    }

    public void login() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        var response = (HttpServletResponse) external.getResponse();
        var locale = Language.of(request);
        Duration wait = accounts.loginWait(email, request.getRemoteAddr());
        if (!wait.isZero()) {
            tooMany(context, locale, wait);
            return;
        }
        AuthenticationStatus status = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email, password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            request.changeSessionId();
            String target = safeNext().orElseGet(() -> new Caller.Landing(security).home());
            external.redirect(external.getRequestContextPath() + target);
            context.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete();
        } else {
            wait = accounts.loginWait(email, request.getRemoteAddr());
            if (!wait.isZero()) {
                tooMany(context, locale, wait);
            } else {
                context.addMessage(
                        null,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(locale, "login.failed"), null));
            }
        }
    }

    private static void tooMany(FacesContext context, java.util.Locale locale, Duration wait) {
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        context.addMessage(
                null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(locale, "login.throttled", minutes), null));
    }

    private java.util.Optional<String> safeNext() {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\");
        return local ? java.util.Optional.of(next) : java.util.Optional.empty();
    }

    public boolean isDemo() {
        return demo.isDemo();
    }

    public String getDemoPassword() {
        return DemoLoader.DEMO_PASSWORD;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
