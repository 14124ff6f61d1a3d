package org.palmares.jury;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.palmares.account.Account;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.nomination.Territory;

/** A juror of one edition: expertise, capacity, région, affiliations. */
@Entity
public class Juror {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Size(max = 200)
    private String organisation;

    @Size(max = 100)
    private String region;

    @Min(0)
    @Max(200)
    private int capacity = 10;

    @Size(max = 100)
    private String panel;

    private Instant confidentialityAcceptedAt;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(
            name = "juror_expertise",
            joinColumns = @JoinColumn(name = "juror_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    private Set<Category> expertise = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(
            name = "juror_affiliation",
            joinColumns = @JoinColumn(name = "juror_id"),
            inverseJoinColumns = @JoinColumn(name = "territory_id"))
    private Set<Territory> affiliations = new LinkedHashSet<>();

    protected Juror() {}

    public Juror(Edition edition, Account account, String region, int capacity) {
        this.edition = edition;
        this.account = account;
        this.region = region;
        this.capacity = capacity;
    }

    public void acceptConfidentiality(Clock clock) {
        if (confidentialityAcceptedAt == null) {
            confidentialityAcceptedAt = clock.instant();
        }
    }

    public boolean hasAcceptedConfidentiality() {
        return confidentialityAcceptedAt != null;
    }

    public void addExpertise(Category category) {
        expertise.add(category);
    }

    public void addAffiliation(Territory territory) {
        affiliations.add(territory);
    }

    public Long getId() {
        return id;
    }

    public Edition getEdition() {
        return edition;
    }

    public Account getAccount() {
        return account;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getRegion() {
        return region;
    }

    public int getCapacity() {
        return capacity;
    }

    public String getPanel() {
        return panel;
    }

    public void setPanel(String panel) {
        this.panel = panel;
    }

    public Instant getConfidentialityAcceptedAt() {
        return confidentialityAcceptedAt;
    }

    public Set<Category> getExpertise() {
        return Set.copyOf(expertise);
    }

    public Set<Territory> getAffiliations() {
        return Set.copyOf(affiliations);
    }
}
