package org.palmares.ceremony;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.EditionService;
import org.palmares.platform.DomainException;
import org.palmares.platform.Messages;

/** The organisers' run-of-show page: order, announcers, scripts, big-screen settings, links to the screens. */
@Named
@ViewScoped
public class CeremonyBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CeremonyService ceremonies;

    @Inject
    transient EditionService editions;

    private String edition;

    @Min(0)
    @Max(Ceremony.MAX_SHORTLIST)
    private int shortlist;

    @NotBlank
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{ceremony.colour}")
    private String primary;

    @NotBlank
    @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{ceremony.colour}")
    private String background;

    private List<Row> rows = new ArrayList<>();
    private transient RunOfShow show;

    /** One line of the run-of-show as the form edits it. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String category;
        private final boolean signedOff;
        private final java.time.Instant revealedAt;

        @Size(max = RunOfShowItem.MAX_ANNOUNCER)
        private String announcer;

        @Size(max = RunOfShowItem.MAX_NOTES)
        private String notes;

        Row(RunOfShowItem item, Locale locale, boolean signedOff) {
            this.id = item.getId();
            this.category =
                    item.getCategory().getCode() + " · " + item.getCategory().name(locale);
            this.announcer = item.getAnnouncer();
            this.notes = item.getNotes();
            this.signedOff = signedOff;
            this.revealedAt = item.getRevealedAt();
        }

        public long getId() {
            return id;
        }

        public String getCategory() {
            return category;
        }

        public boolean isSignedOff() {
            return signedOff;
        }

        public java.time.Instant getRevealedAt() {
            return revealedAt;
        }

        public String getAnnouncer() {
            return announcer;
        }

        public void setAnnouncer(String announcer) {
            this.announcer = announcer;
        }

        public String getNotes() {
            return notes;
        }

        public void setNotes(String notes) {
            this.notes = notes;
        }
    }

    @PostConstruct
    void load() {
        edition = editions.getCurrent().getCode();
        reload();
        Ceremony c = show.ceremony();
        shortlist = c.getShortlistSize();
        primary = c.getPrimaryColour();
        background = c.getBackgroundColour();
    }

    private void reload() {
        show = ceremonies.overview(edition, locale());
        rows = new ArrayList<>();
        for (RunOfShowItem item : show.items())
            rows.add(new Row(
                    item, locale(), show.signedOff().contains(item.getCategory().getId())));
    }

    public void saveSettings() {
        try {
            ceremonies.configure(edition, shortlist, primary, background);
            reload();
            info("ceremony.saved");
        } catch (DomainException e) {
            error(e);
        }
    }

    public void saveRows() {
        try {
            for (Row row : rows) ceremonies.describe(row.getId(), row.getAnnouncer(), row.getNotes());
            reload();
            info("ceremony.lineSaved");
        } catch (DomainException e) {
            error(e);
        }
    }

    public void move(long itemId, int direction) {
        // What was typed in the other lines is kept: save it first, then move.
        saveRows();
        ceremonies.move(itemId, direction);
        reload();
    }

    private void info(String key) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key), null));
    }

    private void error(DomainException e) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                Messages.get(locale(), e.messageKey(), e.arguments()),
                                null));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private RunOfShow show() {
        if (show == null) show = ceremonies.overview(edition, locale());
        return show;
    }

    public String getZone() {
        return show().ceremony().getEdition().getTimeZone();
    }

    public String getEdition() {
        return edition;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<AnnouncerScript.Line> getScript() {
        return show().script();
    }

    public int getShortlist() {
        return shortlist;
    }

    public void setShortlist(int shortlist) {
        this.shortlist = shortlist;
    }

    public String getPrimary() {
        return primary;
    }

    public void setPrimary(String primary) {
        this.primary = primary;
    }

    public String getBackground() {
        return background;
    }

    public void setBackground(String background) {
        this.background = background;
    }
}
