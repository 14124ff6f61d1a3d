package org.palmares.ceremony.publication;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.palmares.edition.Edition;

/** One e-mail sent after publication, kept so that the same one is never sent twice (unique per kind and addressee). */
@Entity
public class PublicationNotice {
    /** What the e-mail was. */
    public enum Kind {
        AWARD,
        THANKS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    /** e.g. {@code nomination:12}, {@code territory:3}, {@code juror:7}. */
    private String addressee;

    private Instant sentAt;

    protected PublicationNotice() {}

    public PublicationNotice(Edition edition, Kind kind, String addressee, Instant sentAt) {
        this.edition = edition;
        this.kind = kind;
        this.addressee = addressee;
        this.sentAt = sentAt;
    }

    public Kind getKind() {
        return kind;
    }

    public String getAddressee() {
        return addressee;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
