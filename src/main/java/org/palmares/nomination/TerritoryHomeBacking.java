package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.Messages;

/** The territory's landing page, "my nominations": its own nominations and nobody else's. */
@Named
@RequestScoped
public class TerritoryHomeBacking {
    @Inject
    NominationService nominations;

    @Inject
    EditionService editions;

    @Inject
    Clock clock;

    private Territory territory;
    private List<Nomination> list;
    private List<Category> open;
    private Edition edition;

    public void onLoad() {
        territory = nominations.callerTerritory().orElse(null);
        list = nominations.ofCallerTerritory();
        edition = editions.findCurrent().orElse(null);
        open = edition == null ? List.of() : nominations.openCategories(edition);
    }

    public Territory getTerritory() {
        return territory;
    }

    public List<Nomination> getNominations() {
        return list;
    }

    /** The categories where the territory may still start a nomination. */
    public List<Category> getOpenCategories() {
        return open;
    }

    public Edition getEdition() {
        return edition;
    }

    public boolean isAcceptingNominations() {
        return edition != null && edition.acceptsNominations(clock);
    }

    public String getTimeLeft() {
        return edition == null
                ? ""
                : edition.nominationDeadline()
                        .map(d -> NominationBacking.timeLeft(d, clock, locale()))
                        .orElse("");
    }

    /** What the nomination still lacks before it can be submitted, or an empty text. */
    public String missing(Nomination nomination) {
        if (!nomination.isChangeable()) return "";
        return String.join(", ", nominations.missing(nomination, locale()));
    }

    public String limitText(Category category) {
        return Messages.get(locale(), "nomination.limit.text", category.getLimitPerTerritory());
    }

    private static Locale locale() {
        var root = FacesContext.getCurrentInstance().getViewRoot();
        return root == null ? Messages.DEFAULT : root.getLocale();
    }
}
