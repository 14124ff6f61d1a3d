package org.palmares.ceremony;

import java.util.List;
import java.util.Set;

/** Everything the ceremony pages show at once: settings, the run-of-show in order, its slides and its script. */
public record RunOfShow(
        Ceremony ceremony,
        String editionName,
        List<RunOfShowItem> items,
        SlideDeck deck,
        List<AnnouncerScript.Line> script,
        Set<Long> signedOff) {}
