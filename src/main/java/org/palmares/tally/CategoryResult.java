package org.palmares.tally;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import org.palmares.edition.Category;
import org.palmares.platform.DomainException;

/**
 * A category's tally state: the method its ranking uses and, once the organiser has frozen it, the method, the
 * fingerprint of the sheets the frozen figures came from, who froze them and when.
 */
@Entity
public class CategoryResult {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "ranking_method")
    private TallyMethod method = TallyMethod.NORMALISED;

    @Enumerated(EnumType.STRING)
    private TallyMethod frozenMethod;

    private String fingerprint;
    private String frozenBy;
    private Instant frozenAt;

    @Version
    private long version;

    protected CategoryResult() {}

    public CategoryResult(Category category) {
        this.category = category;
    }

    /** Chooses the method of the ranking; not while the result is frozen. */
    public void use(TallyMethod chosen) {
        if (isFrozen()) throw DomainException.conflict("tally.frozen");
        this.method = chosen;
    }

    public void freeze(String sheetsFingerprint, String by, Instant at) {
        if (isFrozen()) throw DomainException.conflict("tally.frozen");
        this.frozenMethod = method;
        this.fingerprint = sheetsFingerprint;
        this.frozenBy = by;
        this.frozenAt = at;
    }

    public void unfreeze() {
        if (!isFrozen()) throw DomainException.conflict("tally.notFrozen");
        frozenMethod = null;
        fingerprint = null;
        frozenBy = null;
        frozenAt = null;
    }

    public boolean isFrozen() {
        return frozenAt != null;
    }

    /** Whether the sheets changed since the freeze (the live fingerprint differs). */
    public boolean isStale(String liveFingerprint) {
        return isFrozen() && !fingerprint.equals(liveFingerprint);
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public TallyMethod getMethod() {
        return method;
    }

    public TallyMethod getFrozenMethod() {
        return frozenMethod;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getFrozenBy() {
        return frozenBy;
    }

    public Instant getFrozenAt() {
        return frozenAt;
    }

    public long getVersion() {
        return version;
    }
}
