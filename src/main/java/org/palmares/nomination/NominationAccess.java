package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;

/**
 * Who may see or change a nomination, in one place for pages, REST and downloads: organisers all of them, a
 * territory's members their own, a juror those assigned to them that no conflict keeps them from. Anyone else
 * is told the nomination does not exist, so an id in a URL reveals nothing.
 */
@ApplicationScoped
public class NominationAccess {
    @Inject
    Access access;

    @Inject
    JurorReading jurors;

    public boolean canSee(Nomination nomination) {
        return canChange(nomination) || jurorVerdict(nomination) == JurorReading.Verdict.READ;
    }

    /** Organisers and the members of the nomination's territory. */
    public boolean canChange(Nomination nomination) {
        if (access.has(Role.ORGANISER)) return true;
        return isMember(nomination.getTerritory());
    }

    public boolean isMember(Territory territory) {
        return access.callerEmail()
                .map(Account::normaliseEmail)
                .map(email -> territory.getMembers().stream()
                        .anyMatch(m -> m.getEmail().equals(email)))
                .orElse(false);
    }

    /**
     * Whether the caller must not learn which territory a nomination comes from: in a blind-review edition, everyone
     * but organisers and the territory's own members (that is, jurors). Every page, REST answer and download a juror
     * reaches asks this one question.
     */
    public boolean hidesTerritory(Nomination nomination) {
        return nomination.getCategory().getEdition().isBlindReview() && !canChange(nomination);
    }

    /** The territory's name, or null when the caller must not learn it. */
    public String territoryName(Nomination nomination) {
        return hidesTerritory(nomination) ? null : nomination.getTerritory().getName();
    }

    /**
     * The name an attachment is shown and downloaded under: the name it was uploaded with, or a neutral one (the
     * nomination's reference, the file's rank and its type) when the territory is hidden, since file names often
     * name their author.
     */
    public String fileName(Nomination nomination, Attachment attachment) {
        if (!hidesTerritory(nomination)) return attachment.getOriginalName();
        return neutralName(nomination, attachment);
    }

    static String neutralName(Nomination nomination, Attachment attachment) {
        int rank = nomination.getAttachments().indexOf(attachment) + 1;
        String extension = AttachmentType.ofMediaType(attachment.getContentType())
                .map(AttachmentType::extension)
                .orElse("bin");
        String reference = nomination.getReference() == null ? "dossier" : nomination.getReference();
        return reference + "-" + (rank > 0 ? rank : attachment.getId()) + "." + extension;
    }

    /**
     * Refuses a nomination the caller may not see: not found, or, for a juror assigned to it who has not accepted the
     * confidentiality charter yet, "charter first" (nothing of the dossier before it).
     */
    public void requireVisible(Nomination nomination) {
        if (canChange(nomination)) return;
        switch (jurorVerdict(nomination)) {
            case READ -> {}
            case CHARTER_FIRST -> throw JurorReading.charterFirst();
            case NONE -> throw DomainException.notFound("nomination");
        }
    }

    public void requireChangeable(Nomination nomination) {
        if (!canChange(nomination)) throw DomainException.notFound("nomination");
    }

    private JurorReading.Verdict jurorVerdict(Nomination nomination) {
        if (!access.has(Role.JUROR)) return JurorReading.Verdict.NONE;
        return access.callerEmail()
                .map(email -> jurors.verdict(Account.normaliseEmail(email), nomination))
                .orElse(JurorReading.Verdict.NONE);
    }
}
