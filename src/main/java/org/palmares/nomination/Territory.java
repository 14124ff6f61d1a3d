package org.palmares.nomination;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.palmares.account.Account;

/** A body that submits projects: a Maison de l'Emploi, a PLIE, a local authority, an association. */
@Entity
public class Territory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    private TerritoryKind kind;

    @NotBlank
    @Size(max = 100)
    private String region;

    @NotBlank
    @Pattern(regexp = "\\d{2,3}|2A|2B", message = "{territory.departement.pattern}")
    private String departement;

    private Instant createdAt;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(
            name = "territory_member",
            joinColumns = @JoinColumn(name = "territory_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> members = new LinkedHashSet<>();

    protected Territory() {}

    public Territory(String name, TerritoryKind kind, String region, String departement, Clock clock) {
        this.name = name;
        this.kind = kind;
        this.region = region;
        this.departement = departement;
        this.createdAt = clock.instant();
    }

    public void addMember(Account account) {
        members.add(account);
    }

    public boolean hasMember(Account account) {
        return members.stream()
                .anyMatch(m -> m == account || (m.getId() != null && m.getId().equals(account.getId())));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TerritoryKind getKind() {
        return kind;
    }

    public String getRegion() {
        return region;
    }

    public String getDepartement() {
        return departement;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Account> getMembers() {
        return Set.copyOf(members);
    }
}
