package org.palmares.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.palmares.platform.EmailAddress;
import org.palmares.platform.PlainEmail;

/** A person who logs in: an organiser, a juror, a territory member, or several of these. */
@Entity
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @PlainEmail
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    private String displayName;

    /** Null until the person has set a password through an invitation link. */
    private String passwordHash;

    private String locale;

    private boolean enabled = true;

    private int failedLogins;

    private Instant lockedUntil;

    private Instant createdAt;

    private Instant lastLoginAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected Account() {}

    public Account(String email, String displayName, Clock clock) {
        this.email = normaliseEmail(email);
        this.displayName = displayName;
        this.createdAt = clock.instant();
    }

    /**
     * E-mail addresses are kept and compared in the one form of {@link EmailAddress}: no case, no surrounding spaces,
     * the domain in ASCII (change 019, {@link AccountEmailForms}, brought older accounts to it). A text that is no
     * plain address is only trimmed and lower-cased, so that looking it up finds nothing rather than fails.
     */
    public static String normaliseEmail(String email) {
        return EmailAddress.normalise(email);
    }

    public void grant(Role role) {
        roles.add(role);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** Records a failed login; the policy decides when the account must wait. */
    public void loginFailed(Instant lockedUntil) {
        failedLogins++;
        this.lockedUntil = lockedUntil;
    }

    public void loginSucceeded(Clock clock) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = clock.instant();
    }

    public boolean isLocked(Clock clock) {
        return lockedUntil != null && clock.instant().isBefore(lockedUntil);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
