package org.palmares.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.palmares.account.Account;

/** An organiser's edited copy of a jury guide (general or a category's), kept with its history. */
@Entity
public class JuryGuideVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** "general" or a category code. */
    private String guide;

    private String lang;

    @Lob
    private String body;

    private Instant createdAt;

    @ManyToOne
    @JoinColumn(name = "created_by")
    private Account createdBy;

    private boolean active;

    protected JuryGuideVersion() {}

    public JuryGuideVersion(String guide, String lang, String body, Account createdBy, Instant createdAt) {
        this.guide = guide;
        this.lang = lang;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.active = true;
    }

    public void retire() {
        active = false;
    }

    public Long getId() {
        return id;
    }

    public String getGuide() {
        return guide;
    }

    public String getLang() {
        return lang;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Account getCreatedBy() {
        return createdBy;
    }

    public boolean isActive() {
        return active;
    }
}
