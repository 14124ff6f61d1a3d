package org.palmares.ceremony;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the ceremony's slides from the run-of-show, the signed-off decisions and the ranking: a title slide, then
 * per category its name, the shortlist, a suspense slide and the winner; an end slide. A category whose decision is
 * not signed off gets a single slide saying it cannot be revealed — its winner never enters the deck.
 */
public final class SlideDeck {
    /**
     * One category of the run-of-show, in order: {@code ranking} is its ranked nominations best first;
     * {@code winners} and {@code mentions} are read only when {@code signedOff}.
     */
    public record Act(
            long categoryId,
            String code,
            String name,
            String announcer,
            String notes,
            boolean signedOff,
            List<SlideNominee> ranking,
            List<SlideNominee> winners,
            List<SlideNominee> mentions) {}

    private final List<Slide> slides;

    private SlideDeck(List<Slide> slides) {
        this.slides = List.copyOf(slides);
    }

    /** The deck for the acts in order; {@code shortlist} nominees per category, 0 for all ranked finalists. */
    public static SlideDeck build(List<Act> acts, int shortlist) {
        List<Slide> slides = new ArrayList<>();
        slides.add(Slide.plain(SlideKind.TITLE));
        for (Act act : acts) {
            if (!act.signedOff()) {
                slides.add(slide(act, SlideKind.NOT_SIGNED_OFF, List.of(), List.of(), List.of()));
                continue;
            }
            slides.add(slide(act, SlideKind.CATEGORY, List.of(), List.of(), List.of()));
            if (act.winners().isEmpty()) {
                // Signed off with no winner: the jury gave no prize, and the screen says so.
                slides.add(slide(act, SlideKind.NOT_AWARDED, List.of(), List.of(), List.of()));
                continue;
            }
            slides.add(slide(act, SlideKind.NOMINEES, shortlist(act, shortlist), List.of(), List.of()));
            slides.add(slide(act, SlideKind.SUSPENSE, List.of(), List.of(), List.of()));
            slides.add(slide(act, SlideKind.WINNER, List.of(), act.winners(), act.mentions()));
        }
        slides.add(Slide.plain(SlideKind.END));
        return new SlideDeck(slides);
    }

    /**
     * The first {@code size} of the ranking (all when 0); a winner the jury chose from further down is added, so the
     * winner is always among the nominees shown.
     */
    static List<SlideNominee> shortlist(Act act, int size) {
        List<SlideNominee> list = new ArrayList<>(
                size <= 0
                        ? act.ranking()
                        : act.ranking().subList(0, Math.min(size, act.ranking().size())));
        for (SlideNominee w : act.winners()) {
            if (list.stream().noneMatch(n -> n.id() == w.id())) list.add(w);
        }
        return list;
    }

    private static Slide slide(
            Act act, SlideKind kind, List<SlideNominee> nominees, List<SlideNominee> winners, List<SlideNominee> m) {
        return new Slide(
                kind, act.categoryId(), act.code(), act.name(), act.announcer(), act.notes(), nominees, winners, m);
    }

    public List<Slide> slides() {
        return slides;
    }

    public int size() {
        return slides.size();
    }

    public Slide get(int index) {
        return slides.get(Math.max(Math.min(index, slides.size() - 1), 0));
    }

    /** A short fingerprint of the deck's shape, so a presenter page knows when to reload it. */
    public String fingerprint() {
        return Integer.toHexString(slides.hashCode());
    }
}
