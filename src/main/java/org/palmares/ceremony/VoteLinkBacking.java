package org.palmares.ceremony;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.palmares.nomination.Nomination;
import org.palmares.platform.DomainException;
import org.palmares.platform.Messages;

/** The page the e-mail's link opens: verifies the ballot with the link's token and says so. Stateless. */
@Named
@RequestScoped
public class VoteLinkBacking {
    @Inject
    VoteService votes;

    @Inject
    VoteSettings settings;

    @Inject
    HttpServletRequest request;

    private String token;
    private Nomination nomination;

    public void onLoad() {
        if (token == null || token.isBlank()) return;
        try {
            Ballot ballot = votes.follow(token, ClientAddress.of(request, settings.clientIpHeader()));
            nomination = ballot.getNomination();
        } catch (DomainException refused) {
            // An old, used or mistyped link: say why on this page rather than on an error page.
            var context = FacesContext.getCurrentInstance();
            context.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            Messages.get(context.getViewRoot().getLocale(), refused.messageKey(), refused.arguments()),
                            null));
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public boolean isCounted() {
        return nomination != null;
    }
}
