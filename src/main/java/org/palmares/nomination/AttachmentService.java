package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.FileDeletions;
import org.palmares.platform.PublicPagesChanged;
import org.palmares.platform.StorageStatus;

/**
 * Nomination attachments: checked on the way in (size, real type from the first bytes, name), stored under
 * {@code ${palmares.data.dir}/attachments/} with random names outside the web root, read back only by those
 * who may see the nomination.
 */
@ApplicationScoped
public class AttachmentService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    FileDeletions fileDeletions;

    @Inject
    StorageStatus storage;

    @Inject
    Access access;

    @Inject
    NominationAccess nominationAccess;

    @Inject
    NominationService nominations;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.enterprise.event.Event<PublicPagesChanged> publicPagesChanged;

    @Inject
    @ConfigProperty(name = "palmares.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "palmares.attachments.max-file-bytes", defaultValue = "10485760")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "palmares.attachments.max-nomination-bytes", defaultValue = "31457280")
    long maxNominationBytes;

    @Inject
    @ConfigProperty(name = "palmares.attachments.max-expanded-bytes", defaultValue = "104857600")
    long maxExpandedBytes;

    @Inject
    @ConfigProperty(name = "palmares.attachments.max-entries", defaultValue = "1000")
    int maxEntries;

    @Inject
    @ConfigProperty(name = "palmares.attachments.max-ratio", defaultValue = "100")
    long maxRatio;

    /** How long one upload may take to arrive: a client trickling a few bytes a second must not hold a thread. */
    @Inject
    @ConfigProperty(name = "palmares.attachments.max-upload-seconds", defaultValue = "120")
    long maxUploadSeconds;

    /** How many blind copies are made at once on this instance; the next ones wait (see {@link #download}). */
    @Inject
    @ConfigProperty(name = "palmares.attachments.blind-copies-at-once", defaultValue = "4")
    int blindCopiesAtOnce;

    /** How long a download waits for its turn to be copied before it is told to try again (503). */
    @Inject
    @ConfigProperty(name = "palmares.attachments.blind-copy-wait-seconds", defaultValue = "20")
    long blindCopyWaitSeconds;

    private Semaphore blindCopies;

    @jakarta.annotation.PostConstruct
    void bound() {
        blindCopies = new Semaphore(Math.max(1, blindCopiesAtOnce), true);
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public long maxNominationBytes() {
        return maxNominationBytes;
    }

    /**
     * Adds a file to a nomination. The content is copied to a temporary file first (never more than the
     * per-file limit plus one byte), then checked, then moved to its random name; a refused file leaves nothing.
     */
    @Transactional
    public Attachment add(long nominationId, String originalName, InputStream content) {
        Nomination nomination = nominations.get(nominationId);
        nominationAccess.requireChangeable(nomination);
        nominations.requireOpen(nomination);
        if (!nomination.isChangeable()) throw DomainException.conflict("nomination.notChangeable");
        // A full disk refuses the file before a byte of it is written (503), as it refuses the database's writes.
        storage.requireWritable();
        Path directory = directory();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "upload-", ".part");
            long size;
            MessageDigest sha256 = sha256();
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
                size = copy(content, out, maxFileBytes + 1, System.nanoTime() + maxUploadSeconds * 1_000_000_000L);
                // On the device before the row that names it commits: an acknowledged file outlives a power cut,
                // and a disk that filled meanwhile fails here (some file systems allocate late), not after the 201.
                channel.force(true);
            }
            if (size == 0) throw DomainException.invalid("attachment.empty");
            if (size > maxFileBytes) {
                throw new DomainException(413, "attachment.tooLarge", megabytes(maxFileBytes));
            }
            Path received = temporary;
            AttachmentType type = AttachmentType.detect(received)
                    .orElseThrow(() -> new DomainException(
                            415,
                            AttachmentInspection.looksLikeArchive(received)
                                    ? AttachmentInspection.Refusal.INVALID_PACKAGE.messageKey()
                                    : "attachment.type"));
            var limits = new AttachmentInspection.Limits(maxExpandedBytes, maxEntries, maxRatio, 10L * 1024 * 1024);
            var refusal = AttachmentInspection.inspect(received, type, limits);
            if (refusal.isPresent()) {
                throw refusal.get() == AttachmentInspection.Refusal.ZIP_BOMB
                        ? new DomainException(
                                413, refusal.get().messageKey(), megabytes(maxExpandedBytes), maxEntries, maxRatio)
                        : new DomainException(415, refusal.get().messageKey());
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Optional<Attachment> same = sameFile(nomination, size, hash);
            if (same.isPresent()) {
                throw DomainException.conflict(
                        "attachment.duplicate", same.get().getOriginalName());
            }
            if (nomination.attachmentBytes() + size > maxNominationBytes) {
                throw new DomainException(413, "attachment.nominationFull", megabytes(maxNominationBytes));
            }
            String stored = randomName();
            Path target = directory.resolve(stored);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            afterCompletion(false, target);
            Account uploader = uploader();
            Attachment attachment = nomination.attach(
                    FileNames.sanitise(originalName, type), stored, type.mediaType(), size, hash, uploader, clock);
            em.flush();
            audit.record("attachment.add", "Nomination", nomination.getId(), null, attachment.getOriginalName());
            return attachment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temporary != null) deleteQuietly(temporary);
        }
    }

    /**
     * The nomination's attachment with the same bytes, if any. A file stored before hashes were recorded is hashed
     * from its stored copy, only when its size matches (and the hash is kept for next time).
     */
    private Optional<Attachment> sameFile(Nomination nomination, long size, String hash) {
        for (Attachment existing : nomination.getAttachments()) {
            if (existing.getSize() != size) continue;
            if (existing.contentHash().isEmpty()) {
                Path file = directory().resolve(existing.getStoredName()).normalize();
                if (!file.startsWith(directory()) || !Files.isRegularFile(file)) continue;
                existing.knowContentHash(hashOf(file));
            }
            if (existing.contentHash().map(hash::equals).orElse(false)) return Optional.of(existing);
        }
        return Optional.empty();
    }

    private static String hashOf(Path file) {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Transactional
    public void remove(long nominationId, long attachmentId) {
        Nomination nomination = nominations.get(nominationId);
        nominationAccess.requireChangeable(nomination);
        nominations.requireOpen(nomination);
        Attachment attachment = of(nomination, attachmentId);
        nomination.detach(attachment, clock);
        audit.record("attachment.remove", "Nomination", nomination.getId(), attachment.getOriginalName(), null);
        // The file goes once the row is gone for good; a failed delete leaves an unreachable file, never a broken row.
        afterCompletion(true, directory().resolve(attachment.getStoredName()));
    }

    /**
     * The territory (or an organiser for it) gives or withdraws its consent to show an image of its nomination on the
     * public pages. Not bound to the phases: a picture's consent may be withdrawn at any time, even after the
     * palmarès is out, and given late for it. Only an image can be consented to (422 otherwise).
     */
    @Transactional
    public Attachment consentToPublicDisplay(long nominationId, long attachmentId, boolean consent) {
        Nomination nomination = nominations.get(nominationId);
        nominationAccess.requireChangeable(nomination);
        Attachment attachment = of(nomination, attachmentId);
        if (!attachment.isImage()) throw new DomainException(422, "attachment.consent.notImage");
        if (attachment.isPublicConsent() != consent) {
            attachment.consentToPublicDisplay(consent);
            // The palmarès and its JSON are cached for every visitor: a withdrawn picture must go at once.
            publicPagesChanged.fire(new PublicPagesChanged("consent " + attachment.getId()));
            audit.record(
                    consent ? "attachment.consent.give" : "attachment.consent.withdraw",
                    "Nomination",
                    nomination.getId(),
                    null,
                    attachment.getOriginalName());
        }
        return attachment;
    }

    /** The attachments of a nomination the caller may see. */
    public List<Attachment> list(long nominationId) {
        Nomination nomination = nominations.get(nominationId);
        nominationAccess.requireVisible(nomination);
        return List.copyOf(nomination.getAttachments());
    }

    /** One attachment of a nomination the caller may see. */
    public Attachment get(long nominationId, long attachmentId) {
        Nomination nomination = nominations.get(nominationId);
        nominationAccess.requireVisible(nomination);
        return of(nomination, attachmentId);
    }

    /** The stored file of an attachment the caller was allowed to {@link #get}. */
    public Path file(Attachment attachment) {
        Path file = directory().resolve(attachment.getStoredName()).normalize();
        if (!file.startsWith(directory()) || !Files.isRegularFile(file)) throw DomainException.notFound("attachment");
        return file;
    }

    /** A file as one caller receives it: the name they see, its length, and the bytes to send (to be closed). */
    public record Download(Attachment attachment, String name, long length, InputStream content) {}

    /**
     * An attachment of a nomination the caller may see, to download or preview. A caller who must not learn the
     * territory (a juror in a blind review) gets a copy without the metadata that names its author ({@link
     * MetadataScrubber}), made for this request in a temporary file that is gone once sent: nothing is cached, so no
     * copy outlives its request or serves another caller. Everyone else gets the stored file, which is never changed.
     * A file that cannot be copied clean is refused (422), never sent as it is.
     */
    public Download download(long nominationId, long attachmentId) {
        Attachment attachment = get(nominationId, attachmentId);
        Nomination nomination = attachment.getNomination();
        Path stored = file(attachment);
        String name = nominationAccess.fileName(nomination, attachment);
        try {
            if (!nominationAccess.hidesTerritory(nomination)) {
                return new Download(attachment, name, Files.size(stored), Files.newInputStream(stored));
            }
            return blindCopy(attachment, stored, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Download blindCopy(Attachment attachment, Path stored, String name) throws IOException {
        AttachmentType type = AttachmentType.ofMediaType(attachment.getContentType())
                .orElseThrow(() -> unscrubbable(attachment, new IOException("unknown type")));
        // A PDF is read whole by OpenPDF (a 10 MB one needs some 40 MB of heap for 0.2 to 0.5 s): a bounded number
        // at once, so that a jury opening its dossiers together cannot exhaust the heap.
        try {
            if (!blindCopies.tryAcquire(blindCopyWaitSeconds, TimeUnit.SECONDS)) {
                throw new DomainException(503, "attachment.blindCopy.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(503, "attachment.blindCopy.busy");
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("palmares-blind-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy))) {
                MetadataScrubber.copy(type, stored, out);
            } catch (IOException | RuntimeException e) {
                throw unscrubbable(attachment, e);
            }
            long length = Files.size(copy);
            // Unlinked as soon as it is open (on Unix), so even a request that never reads it leaves no file.
            InputStream content = Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE);
            copy = null;
            return new Download(attachment, name, length, content);
        } finally {
            if (copy != null) deleteQuietly(copy);
            blindCopies.release();
        }
    }

    private static DomainException unscrubbable(Attachment attachment, Exception cause) {
        // The organisers still have the original; the log says which file and why, the juror gets a plain answer.
        java.util.logging.Logger.getLogger(AttachmentService.class.getName())
                .log(
                        java.util.logging.Level.WARNING,
                        "Attachment " + attachment.getId() + " could not be copied without its metadata for a blind"
                                + " reviewer; refused to them: " + cause);
        return new DomainException(422, "attachment.blindCopy.unreadable");
    }

    public byte[] bytes(Attachment attachment) {
        try {
            return Files.readAllBytes(file(attachment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file once the transaction has committed (a removal) or rolled back (an addition). */
    private void afterCompletion(boolean onCommit, Path file) {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                boolean committed = status == jakarta.transaction.Status.STATUS_COMMITTED;
                if (committed == onCommit) fileDeletions.delete(file);
            }
        });
    }

    private static Attachment of(Nomination nomination, long attachmentId) {
        return nomination.getAttachments().stream()
                .filter(a -> a.getId() != null && a.getId() == attachmentId)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("attachment"));
    }

    private Account uploader() {
        Optional<String> email = access.callerEmail();
        return email.flatMap(e -> em.createQuery("select a from Account a where a.email = :e", Account.class)
                        .setParameter("e", Account.normaliseEmail(e))
                        .getResultStream()
                        .findFirst())
                .orElse(null);
    }

    Path directory() {
        Path directory = Path.of(dataDir, "attachments").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /**
     * Copies at most {@code limit} bytes; returns how many were copied. Past {@code deadline} (a {@link
     * System#nanoTime()}) the upload is given up with a 408.
     */
    long copy(InputStream in, OutputStream out, long limit, long deadline) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
            out.write(buffer, 0, read);
            total += read;
            if (System.nanoTime() - deadline > 0)
                throw new DomainException(408, "attachment.tooSlow", maxUploadSeconds);
        }
        return total;
    }

    private static String randomName() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(AttachmentService.class.getName())
                    .log(java.util.logging.Level.WARNING, "Could not delete " + file, e);
        }
    }
}
