package org.palmares.ceremony;

import java.util.List;

/**
 * One slide of the ceremony. A category's slides carry its id, name, announcer and notes; only a WINNER slide carries
 * winners and mentions, and only for a signed-off decision (the deck never builds one otherwise).
 */
public record Slide(
        SlideKind kind,
        Long categoryId,
        String categoryCode,
        String categoryName,
        String announcer,
        String notes,
        List<SlideNominee> nominees,
        List<SlideNominee> winners,
        List<SlideNominee> mentions) {
    public Slide {
        nominees = List.copyOf(nominees);
        winners = List.copyOf(winners);
        mentions = List.copyOf(mentions);
    }

    static Slide plain(SlideKind kind) {
        return new Slide(kind, null, null, null, null, null, List.of(), List.of(), List.of());
    }

    public String getKind() {
        return kind.name();
    }

    public String getCategoryName() {
        return categoryName;
    }

    public String getAnnouncer() {
        return announcer;
    }

    public String getNotes() {
        return notes;
    }

    public List<SlideNominee> getNominees() {
        return nominees;
    }

    public List<SlideNominee> getWinners() {
        return winners;
    }

    public List<SlideNominee> getMentions() {
        return mentions;
    }
}
