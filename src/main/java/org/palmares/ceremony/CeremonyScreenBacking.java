package org.palmares.ceremony;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.palmares.edition.EditionService;

/**
 * The presenter's and the remote's page ({@code ?edition=TC2019}, the current edition by default): the slides, the
 * colours and where the screen stands when the page opens; the page's script follows the live state from there.
 */
@Named
@RequestScoped
public class CeremonyScreenBacking {
    @Inject
    CeremonyService ceremonies;

    @Inject
    EditionService editions;

    private RunOfShow show;
    private CeremonyState state;

    @PostConstruct
    void load() {
        var context = FacesContext.getCurrentInstance();
        String edition = context.getExternalContext().getRequestParameterMap().get("edition");
        if (edition == null || edition.isBlank())
            edition = editions.getCurrent().getCode();
        var locale = context.getViewRoot().getLocale();
        show = ceremonies.overview(edition, locale);
        state = ceremonies.brief(show.ceremony().getEdition().getCode());
    }

    public String getEdition() {
        return state.edition();
    }

    public String getEditionName() {
        return show.editionName();
    }

    public List<Slide> getSlides() {
        return show.deck().slides();
    }

    public int getIndex() {
        return state.index();
    }

    public boolean isBlack() {
        return state.black();
    }

    public String getDeck() {
        return state.deck();
    }

    /** The script of the slide shown when the page opens (the remote's first view). */
    public AnnouncerScript.Line getLine() {
        return show.script().get(Math.min(state.index(), show.script().size() - 1));
    }

    public int getSlideCount() {
        return state.slides();
    }

    public String getPrimary() {
        return show.ceremony().getPrimaryColour();
    }

    public String getBackground() {
        return show.ceremony().getBackgroundColour();
    }
}
