package org.palmares.ceremony;

import java.time.Instant;

/**
 * Where the big screen of an edition stands: the slide shown (from 0) in a deck of {@code slides}, the black screen,
 * and the deck's fingerprint (a presenter reloads its slides when it changes). {@code slide} and {@code line} are
 * empty in a brief state (the presenter's poll), which reads no tally.
 */
public record CeremonyState(
        String edition,
        int index,
        int slides,
        boolean black,
        String deck,
        Instant changedAt,
        java.util.Optional<Slide> slide,
        java.util.Optional<AnnouncerScript.Line> line) {}
