package org.palmares.ceremony.publication;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import org.palmares.edition.Category;

/** A category whose winners and mentions are public: exists while published, deleted on unpublishing. */
@Entity
public class Publication {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    private Instant publishedAt;

    private String publishedBy;

    @Version
    private long version;

    protected Publication() {}

    public Publication(Category category, String by, Instant at) {
        this.category = category;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }
}
