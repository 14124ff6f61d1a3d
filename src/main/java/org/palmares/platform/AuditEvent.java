package org.palmares.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.Instant;

/** Who did what to which object, and when: one row for every change that matters. */
@Entity
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant at;

    private String actor;
    private String action;
    private String objectType;
    private String objectId;

    @Lob
    @Column(name = "before_state")
    private String before;

    @Lob
    @Column(name = "after_state")
    private String after;

    protected AuditEvent() {}

    public AuditEvent(
            Instant at, String actor, String action, String objectType, String objectId, String before, String after) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.before = before;
        this.after = after;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
