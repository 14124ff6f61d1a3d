package org.palmares.ceremony;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.palmares.edition.Edition;
import org.palmares.platform.DomainException;

/**
 * An edition's closing ceremony: its settings (shortlist size, colours), its run-of-show, and the live state of the
 * big screen (slide shown, black screen). Kept in the database with a version so that every Palmarès instance, and
 * every remote, moves the same screen.
 */
@Entity
public class Ceremony {
    /** Shortlist size meaning "every ranked finalist". */
    public static final int ALL_FINALISTS = 0;

    public static final int MAX_SHORTLIST = 20;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    private int shortlistSize = 3;
    private String primaryColour = "#e0b040";
    private String backgroundColour = "#101828";
    private int slideIndex;
    private boolean blackScreen;
    private Instant changedAt;

    @OneToMany(mappedBy = "ceremony")
    @OrderBy("position")
    private List<RunOfShowItem> items = new ArrayList<>();

    @Version
    private long version;

    protected Ceremony() {}

    public Ceremony(Edition edition) {
        this.edition = edition;
    }

    /** Changes the settings; colours are {@code #rrggbb}, the shortlist 0 (all finalists) to {@value #MAX_SHORTLIST}. */
    public void configure(int shortlist, String primary, String background) {
        if (shortlist < ALL_FINALISTS || shortlist > MAX_SHORTLIST)
            throw DomainException.invalid("ceremony.shortlist.invalid", MAX_SHORTLIST);
        String p = colour(primary);
        String b = colour(background);
        this.shortlistSize = shortlist;
        this.primaryColour = p;
        this.backgroundColour = b;
    }

    static String colour(String value) {
        if (value == null || !COLOUR.matcher(value.strip()).matches())
            throw DomainException.invalid("ceremony.colour.invalid", value == null ? "" : value);
        return value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Moves to the next slide of a deck of {@code slides}; stays on the last one. Showing a slide lifts the black
     * screen. Returns whether the slide changed.
     */
    public boolean next(int slides, Instant at) {
        boolean wasBlack = blackScreen;
        blackScreen = false;
        int target = Math.min(shownIn(slides) + 1, Math.max(slides - 1, 0));
        boolean moved = target != slideIndex;
        slideIndex = target;
        if (moved || wasBlack) changedAt = at;
        return moved;
    }

    /** Moves to the previous slide; stays on the first. Lifts the black screen. Returns whether the slide changed. */
    public boolean back(int slides, Instant at) {
        boolean wasBlack = blackScreen;
        blackScreen = false;
        int target = Math.max(shownIn(slides) - 1, 0);
        boolean moved = target != slideIndex;
        slideIndex = target;
        if (moved || wasBlack) changedAt = at;
        return moved;
    }

    /** Turns the big screen black, or back on, without moving. */
    public void toggleBlack(Instant at) {
        blackScreen = !blackScreen;
        changedAt = at;
    }

    /** Goes back to the title slide (e.g. after a rehearsal). */
    public void restart(Instant at) {
        slideIndex = 0;
        blackScreen = false;
        changedAt = at;
    }

    /** The slide shown in a deck of {@code slides} (the deck may have shrunk since the index was stored). */
    public int shownIn(int slides) {
        return Math.max(Math.min(slideIndex, slides - 1), 0);
    }

    public Long getId() {
        return id;
    }

    public Edition getEdition() {
        return edition;
    }

    public int getShortlistSize() {
        return shortlistSize;
    }

    public String getPrimaryColour() {
        return primaryColour;
    }

    public String getBackgroundColour() {
        return backgroundColour;
    }

    public int getSlideIndex() {
        return slideIndex;
    }

    public boolean isBlackScreen() {
        return blackScreen;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public List<RunOfShowItem> getItems() {
        return items;
    }

    public long getVersion() {
        return version;
    }
}
