package org.palmares.nomination;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.palmares.edition.Category;

/** A project a territory submits to a category. */
@Entity
public class Nomination {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(optional = false)
    @JoinColumn(name = "territory_id")
    private Territory territory;

    /** Given on first submission, e.g. TC2019-SOC-007; never changes after. */
    private String reference;

    @NotBlank
    @Size(max = 200)
    private String title;

    @Lob
    private String summary;

    @Enumerated(EnumType.STRING)
    private NominationStatus status = NominationStatus.DRAFT;

    @Size(max = 1000)
    private String eligibilityReason;

    private Instant createdAt;
    private Instant updatedAt;
    private Instant submittedAt;

    /**
     * Which of the category's per-territory places this nomination takes (0 … limit − 1); the unique key
     * (category, territory, slot) makes the database refuse one nomination too many.
     */
    @Column(nullable = false)
    private int slot;

    @Version
    private long version;

    @OneToMany(mappedBy = "nomination", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Answer> answers = new ArrayList<>();

    @OneToMany(mappedBy = "nomination", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Attachment> attachments = new ArrayList<>();

    protected Nomination() {}

    public Nomination(Category category, Territory territory, int slot, String title, Clock clock) {
        if (slot < 0 || slot >= category.getLimitPerTerritory()) {
            throw new IllegalArgumentException("Slot " + slot + " is beyond the category's limit");
        }
        this.category = category;
        this.territory = territory;
        this.slot = slot;
        this.title = title;
        this.createdAt = clock.instant();
        this.updatedAt = createdAt;
    }

    public void edit(String title, String summary, Clock clock) {
        requireEditable();
        this.title = title;
        this.summary = summary;
        this.updatedAt = clock.instant();
    }

    /** Submits (or resubmits) the nomination; the reference is given by the service on first submission. */
    public void submit(String reference, Clock clock) {
        if (status != NominationStatus.DRAFT && status != NominationStatus.SUBMITTED) {
            throw new IllegalStateException("Only a draft or a submitted nomination can be submitted");
        }
        if (this.reference == null) {
            this.reference = reference;
        }
        status = NominationStatus.SUBMITTED;
        submittedAt = clock.instant();
        updatedAt = submittedAt;
    }

    public void withdraw(Clock clock) {
        requireEditable();
        status = NominationStatus.WITHDRAWN;
        updatedAt = clock.instant();
    }

    /**
     * Takes a withdrawn or submitted nomination back as a draft (to change it before submitting it again), keeping
     * its place, reference and attachments.
     */
    public void reopen(Clock clock) {
        if (status != NominationStatus.WITHDRAWN && status != NominationStatus.SUBMITTED) {
            throw new IllegalStateException("Only a withdrawn or submitted nomination can be reopened");
        }
        status = NominationStatus.DRAFT;
        updatedAt = clock.instant();
    }

    /** Sets the answer to one of the category's questions; a blank value removes the answer. */
    public void answer(Question question, String value, Clock clock) {
        requireEditable();
        if (!question.getCategory().getId().equals(category.getId())) {
            throw new IllegalArgumentException("The question belongs to another category");
        }
        var existing = answerTo(question);
        if (value == null || value.isBlank()) {
            existing.ifPresent(answers::remove);
        } else if (existing.isPresent()) {
            existing.get().setValue(value);
        } else {
            answers.add(new Answer(this, question, value));
        }
        updatedAt = clock.instant();
    }

    public java.util.Optional<Answer> answerTo(Question question) {
        return answers.stream()
                .filter(a -> a.getQuestion() == question
                        || (question.getId() != null
                                && question.getId().equals(a.getQuestion().getId())))
                .findFirst();
    }

    /** The answer's text, or an empty string when the question has none. */
    public String valueOf(Question question) {
        return answerTo(question).map(Answer::getValue).orElse("");
    }

    public Attachment attach(
            String originalName,
            String storedName,
            String contentType,
            long size,
            org.palmares.account.Account by,
            Clock clock) {
        return attach(originalName, storedName, contentType, size, null, by, clock);
    }

    /** Attaches a file whose bytes hash to {@code contentHash} (SHA-256, hexadecimal). */
    public Attachment attach(
            String originalName,
            String storedName,
            String contentType,
            long size,
            String contentHash,
            org.palmares.account.Account by,
            Clock clock) {
        requireEditable();
        var attachment = new Attachment(this, originalName, storedName, contentType, size, by, clock.instant());
        attachment.knowContentHash(contentHash);
        attachments.add(attachment);
        updatedAt = clock.instant();
        return attachment;
    }

    public void detach(Attachment attachment, Clock clock) {
        requireEditable();
        attachments.remove(attachment);
        updatedAt = clock.instant();
    }

    /** The bytes its attachments take together. */
    public long attachmentBytes() {
        return attachments.stream().mapToLong(Attachment::getSize).sum();
    }

    /** Draft or submitted: its territory may still change it (before the deadline). */
    public boolean isChangeable() {
        return status == NominationStatus.DRAFT || status == NominationStatus.SUBMITTED;
    }

    /** The organisers' screening verdict. */
    public void screen(boolean eligible, String reason, Clock clock) {
        if (status != NominationStatus.SUBMITTED
                && status != NominationStatus.ELIGIBLE
                && status != NominationStatus.INELIGIBLE) {
            throw new IllegalStateException("Only a submitted nomination can be screened");
        }
        status = eligible ? NominationStatus.ELIGIBLE : NominationStatus.INELIGIBLE;
        eligibilityReason = reason;
        updatedAt = clock.instant();
    }

    /** Whether the organisers may give their verdict: only once the territory has submitted it. */
    public boolean isScreenable() {
        return status == NominationStatus.SUBMITTED
                || status == NominationStatus.ELIGIBLE
                || status == NominationStatus.INELIGIBLE;
    }

    /** Moves the nomination to another category of its edition, in a free place of that category's limit. */
    public void moveTo(Category target, int slot, Clock clock) {
        this.category = target;
        this.slot = slot;
        this.updatedAt = clock.instant();
    }

    private void requireEditable() {
        if (!isChangeable()) {
            throw new IllegalStateException("This nomination can no longer be changed");
        }
    }

    public boolean hasReference() {
        return reference != null;
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public Territory getTerritory() {
        return territory;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public NominationStatus getStatus() {
        return status;
    }

    public String getEligibilityReason() {
        return eligibilityReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public int getSlot() {
        return slot;
    }

    public long getVersion() {
        return version;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    /** The first image its territory consented to show publicly (vote page, palmarès), if any. */
    public Optional<Attachment> publicPicture() {
        return attachments.stream().filter(Attachment::isShownPublicly).findFirst();
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }
}
