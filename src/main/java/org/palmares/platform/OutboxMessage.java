package org.palmares.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.time.Duration;
import java.time.Instant;

/** An e-mail written by the application, sent by the dispatcher and kept for organisers to read. */
@Entity
public class OutboxMessage {
    static final int MAX_ATTEMPTS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String subject;

    @Lob
    private String body;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status;

    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;

    private String attachmentName;
    private String attachmentType;

    @Lob
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    private byte[] attachmentData;

    protected OutboxMessage() {}

    public OutboxMessage(String recipient, String subject, String body, boolean deliverable, Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = deliverable ? OutboxStatus.PENDING : OutboxStatus.HELD;
        this.createdAt = now;
        this.nextAttemptAt = now;
        if (!EmailAddress.isPlain(recipient)) {
            // Written (organisers see it in the outbox) but never handed to the mail server: a recipient with a
            // comment, a list or a group in it would reach other mailboxes than the one the caller checked.
            status = OutboxStatus.FAILED;
            nextAttemptAt = null;
            lastError = NOT_PLAIN;
        }
    }

    /** Why a message whose recipient is not one plain address is never sent (see {@link EmailAddress}). */
    static final String NOT_PLAIN = "Refused: the recipient is not exactly one plain e-mail address";

    /**
     * Forgets who the message was for and what it said (e.g. a public vote's code, once the vote is verified): the
     * row stays for the outbox's counts, with nothing personal left.
     */
    public void redact(String note) {
        this.recipient = "redacted@invalid";
        this.body = note;
        if (status == OutboxStatus.PENDING) status = OutboxStatus.HELD;
    }

    /** Attaches one file, sent with the message. */
    public void attach(String name, String type, byte[] data) {
        this.attachmentName = name;
        this.attachmentType = type;
        this.attachmentData = data.clone();
    }

    public void sent(Instant now) {
        status = OutboxStatus.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    /** Records a failed attempt; waits twice as long before each retry and gives up after the last. */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= MAX_ATTEMPTS) {
            status = OutboxStatus.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(Duration.ofSeconds(30L << Math.min(attempts - 1, 10)));
        }
    }

    /** Puts a failed or held message back in the queue, with a full series of attempts. */
    public void retry(Instant now) {
        if (!EmailAddress.isPlain(recipient)) return;
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public String getAttachmentType() {
        return attachmentType;
    }

    public byte[] getAttachmentData() {
        return attachmentData == null ? null : attachmentData.clone();
    }
}
