package org.palmares.ceremony;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import org.palmares.edition.Category;

/** The voting window an organiser set for a public-vote category, in the edition's time zone. */
@Entity
public class VoteWindow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    private LocalDateTime opensAt;
    private LocalDateTime closesAt;

    @Version
    private long version;

    protected VoteWindow() {}

    public VoteWindow(Category category) {
        this.category = category;
    }

    /** Moves the window; checks that it closes after it opens. */
    public void set(LocalDateTime opensAt, LocalDateTime closesAt) {
        rules(opensAt, closesAt);
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public VotingWindow rules() {
        return rules(opensAt, closesAt);
    }

    private VotingWindow rules(LocalDateTime opens, LocalDateTime closes) {
        return new VotingWindow(opens, closes, category.getEdition().zone());
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }
}
