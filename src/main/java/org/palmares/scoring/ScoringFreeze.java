package org.palmares.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import java.time.Instant;
import org.palmares.edition.Category;

/** The organiser has frozen scoring in a category: while this row exists, no sheet of it changes or reopens. */
@Entity
public class ScoringFreeze {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    private Instant frozenAt;

    private String frozenBy;

    protected ScoringFreeze() {}

    public ScoringFreeze(Category category, Instant frozenAt, String frozenBy) {
        this.category = category;
        this.frozenAt = frozenAt;
        this.frozenBy = frozenBy;
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public Instant getFrozenAt() {
        return frozenAt;
    }

    public String getFrozenBy() {
        return frozenBy;
    }
}
