package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.palmares.platform.Messages;

/** The invitations to join a territory waiting for the caller's answer, on their account page. */
@Named
@RequestScoped
public class InvitationsBacking {
    @Inject
    TerritoryService territories;

    private List<ColleagueInvitation> pending;

    public List<ColleagueInvitation> getPending() {
        if (pending == null) pending = territories.invitationsToMe();
        return pending;
    }

    public void accept(long id) {
        Territory territory = territories.acceptInvitation(id);
        pending = null;
        say("account.invitations.accepted", territory.getName());
    }

    public void decline(long id) {
        territories.declineInvitation(id);
        pending = null;
        say("account.invitations.declined");
    }

    private static void say(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale, key, args), null));
    }
}
