package org.palmares.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.palmares.account.Account;

/** A file attached to a nomination; stored under the data directory with a random name, never in the web root. */
@Entity
public class Attachment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    private String originalName;
    private String storedName;
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    @ManyToOne
    @JoinColumn(name = "uploaded_by")
    private Account uploadedBy;

    private Instant uploadedAt;

    /** The territory lets the public see this image (vote page, palmarès); off until it says so. */
    @Column(name = "public_consent", nullable = false)
    private boolean publicConsent;

    /** SHA-256 of the bytes, in hexadecimal; null for files stored before it was recorded. */
    @Column(name = "content_hash", length = 64)
    private String contentHash;

    protected Attachment() {}

    public Attachment(
            Nomination nomination,
            String originalName,
            String storedName,
            String contentType,
            long size,
            Account uploadedBy,
            Instant uploadedAt) {
        this.nomination = nomination;
        this.originalName = originalName;
        this.storedName = storedName;
        this.contentType = contentType;
        this.size = size;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getStoredName() {
        return storedName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public Account getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public boolean isPublicConsent() {
        return publicConsent;
    }

    /** An image the territory consented to show: what the public pages may serve. */
    public boolean isShownPublicly() {
        return publicConsent && isImage();
    }

    public boolean isImage() {
        return AttachmentType.ofMediaType(contentType)
                .map(AttachmentType::isImage)
                .orElse(false);
    }

    /** The territory gives or withdraws its consent to show the image publicly. */
    void consentToPublicDisplay(boolean consent) {
        this.publicConsent = consent;
    }

    public java.util.Optional<String> contentHash() {
        return java.util.Optional.ofNullable(contentHash);
    }

    /** Records the hash of a file stored before hashes were (it never changes once known). */
    void knowContentHash(String hash) {
        if (contentHash == null) contentHash = hash;
    }
}
