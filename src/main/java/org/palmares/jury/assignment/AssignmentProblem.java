package org.palmares.jury.assignment;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the solver needs for one run: the jurors, the nominations to cover, the pairs a conflict forbids, the
 * pairs that must stay (locked, manual, or whose score sheet is started) and the edition's weights.
 *
 * <p>Kept pairs count toward their nomination's requirement and their juror's capacity and balance.
 */
public record AssignmentProblem(
        List<JurorSlot> jurors,
        List<NominationNeed> nominations,
        Set<Pair> forbidden,
        Set<Pair> kept,
        Weights weights) {

    public AssignmentProblem {
        jurors = List.copyOf(Objects.requireNonNull(jurors, "jurors"));
        nominations = List.copyOf(Objects.requireNonNull(nominations, "nominations"));
        forbidden = sorted(Objects.requireNonNull(forbidden, "forbidden"));
        kept = sorted(Objects.requireNonNull(kept, "kept"));
        Objects.requireNonNull(weights, "weights");

        Map<String, JurorSlot> jurorsById = new HashMap<>();
        for (JurorSlot juror : jurors) {
            if (jurorsById.putIfAbsent(juror.id(), juror) != null) {
                throw new IllegalArgumentException("juror " + juror.id() + " appears twice");
            }
        }
        Set<String> nominationIds = new HashSet<>();
        for (NominationNeed nomination : nominations) {
            if (!nominationIds.add(nomination.id())) {
                throw new IllegalArgumentException("nomination " + nomination.id() + " appears twice");
            }
        }
        requireKnown(forbidden, "forbidden", jurorsById.keySet(), nominationIds);
        requireKnown(kept, "kept", jurorsById.keySet(), nominationIds);

        Map<String, Integer> keptPerJuror = new HashMap<>();
        for (Pair pair : kept) {
            if (forbidden.contains(pair)) {
                throw new IllegalArgumentException("kept pair " + pair.jurorId() + " × " + pair.nominationId()
                        + " is also forbidden by a conflict: remove the assignment or the conflict first");
            }
            keptPerJuror.merge(pair.jurorId(), 1, Integer::sum);
        }
        for (JurorSlot juror : jurors) {
            int keptCount = keptPerJuror.getOrDefault(juror.id(), 0);
            if (keptCount > juror.capacity()) {
                throw new IllegalArgumentException("juror " + juror.id() + " has " + keptCount
                        + " kept assignments but a capacity of " + juror.capacity());
            }
        }
    }

    /** A problem with no conflict, nothing kept and the default weights. */
    public static AssignmentProblem of(List<JurorSlot> jurors, List<NominationNeed> nominations) {
        return new AssignmentProblem(jurors, nominations, Set.of(), Set.of(), Weights.DEFAULT);
    }

    public Optional<JurorSlot> findJuror(String id) {
        return jurors.stream().filter(juror -> juror.id().equals(id)).findFirst();
    }

    public Optional<NominationNeed> findNomination(String id) {
        return nominations.stream()
                .filter(nomination -> nomination.id().equals(id))
                .findFirst();
    }

    /** The cost terms of one pair, assigned or not; conflicts are not costs, see {@link #forbidden()}. */
    public PairCost costOf(Pair pair) {
        JurorSlot juror = findJuror(pair.jurorId())
                .orElseThrow(() -> new IllegalArgumentException("unknown juror " + pair.jurorId()));
        NominationNeed nomination = findNomination(pair.nominationId())
                .orElseThrow(() -> new IllegalArgumentException("unknown nomination " + pair.nominationId()));
        return weights.costOf(juror, nomination);
    }

    // Sorted so that iterating the pairs, and so every error message, is the same from one run to the next.
    private static SortedSet<Pair> sorted(Set<Pair> pairs) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(pairs));
    }

    private static void requireKnown(Set<Pair> pairs, String kind, Set<String> jurorIds, Set<String> nominationIds) {
        for (Pair pair : pairs) {
            if (!jurorIds.contains(pair.jurorId())) {
                throw new IllegalArgumentException(
                        kind + " pair " + pair.jurorId() + " × " + pair.nominationId() + " names an unknown juror");
            }
            if (!nominationIds.contains(pair.nominationId())) {
                throw new IllegalArgumentException(kind + " pair " + pair.jurorId() + " × " + pair.nominationId()
                        + " names an unknown nomination");
            }
        }
    }
}
