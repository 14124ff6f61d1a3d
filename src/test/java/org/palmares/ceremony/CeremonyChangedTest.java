package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CeremonyChangedTest {
    @Test
    void a_move_crosses_the_cluster_topic_unchanged() {
        var move = new CeremonyChanged("TC2019", 7, true, "3f2a9c");
        assertEquals(move, CeremonyChanged.parse(move.text()));
    }

    @Test
    void an_empty_deck_fingerprint_survives_the_text_form() {
        var move = new CeremonyChanged("TC2019", 0, false, "");
        assertEquals(move, CeremonyChanged.parse(move.text()));
    }
}
