package org.palmares.ceremony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import org.palmares.edition.Category;
import org.palmares.platform.DomainException;

/** One category's place in the ceremony: its order, who announces it, the script, and when its winner was shown. */
@Entity
public class RunOfShowItem {
    static final int MAX_ANNOUNCER = 200;
    static final int MAX_NOTES = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ceremony_id")
    private Ceremony ceremony;

    @OneToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(name = "sort_order")
    private int position;

    private String announcer;
    private String notes;
    private Instant revealedAt;

    @Version
    private long version;

    protected RunOfShowItem() {}

    public RunOfShowItem(Ceremony ceremony, Category category, int position) {
        this.ceremony = ceremony;
        this.category = category;
        this.position = position;
    }

    public void describe(String who, String script) {
        String a = who == null || who.isBlank() ? null : who.strip();
        String n = script == null || script.isBlank() ? null : script.strip();
        if (a != null && a.length() > MAX_ANNOUNCER) throw DomainException.invalid("ceremony.announcer.tooLong", 200);
        if (n != null && n.length() > MAX_NOTES) throw DomainException.invalid("ceremony.notes.tooLong", 4000);
        this.announcer = a;
        this.notes = n;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    /** Records the first time the category's winner slide was on the big screen. */
    public void reveal(Instant at) {
        if (revealedAt == null) revealedAt = at;
    }

    public boolean isRevealed() {
        return revealedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Ceremony getCeremony() {
        return ceremony;
    }

    public Category getCategory() {
        return category;
    }

    public int getPosition() {
        return position;
    }

    public String getAnnouncer() {
        return announcer;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getRevealedAt() {
        return revealedAt;
    }

    public long getVersion() {
        return version;
    }
}
