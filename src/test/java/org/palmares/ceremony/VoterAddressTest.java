package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VoterAddressTest {
    private static String norm(String s) {
        return VoterAddress.parse(s).orElseThrow().normalised();
    }

    @Test
    void case_and_surrounding_spaces_do_not_make_a_new_voter() {
        assertEquals("jean.dupont@example.fr", norm("  Jean.Dupont@Example.FR \t"));
    }

    @Test
    void a_plus_tag_is_removed() {
        assertEquals("marie@example.org", norm("marie+vote2019@example.org"));
    }

    @Test
    void gmail_dots_are_removed_and_googlemail_is_gmail() {
        assertEquals("jeandupont@gmail.com", norm("Jean.Du.Pont+x@gmail.com"));
        assertEquals("jeandupont@gmail.com", norm("jean.dupont@googlemail.com"));
    }

    @Test
    void dots_count_at_other_providers() {
        assertNotEquals(norm("jean.dupont@orange.fr"), norm("jeandupont@orange.fr"));
    }

    @Test
    void an_international_domain_is_kept_in_its_ascii_form_whatever_its_case() {
        assertEquals("anne@xn--caf-dma.fr", norm("anne@CAFÉ.fr"));
        assertEquals(norm("anne@café.fr"), norm("anne@xn--caf-dma.fr"));
    }

    @Test
    void implausible_addresses_are_refused() {
        for (String bad : new String[] {
            null,
            "",
            "   ",
            "nobody",
            "@example.org",
            "a@",
            "a@b",
            "a@@b.fr",
            "a b@example.org",
            "+tag@example.org",
            "a@exa mple.org",
            "a@.example.org",
            "a@example..org",
            "x".repeat(250) + "@example.org"
        }) {
            assertTrue(VoterAddress.parse(bad).isEmpty(), "refused: " + bad);
        }
    }

    @Test
    void the_keyed_hash_is_stable_per_mailbox_and_depends_on_the_secret() {
        var one = new VoterHash("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
        var other = new VoterHash("another secret, also long enough".getBytes(StandardCharsets.UTF_8));
        var a = VoterAddress.parse("J.Dupont+x@gmail.com").orElseThrow();
        var b = VoterAddress.parse("jdupont@googlemail.com").orElseThrow();
        assertEquals(one.of(a), one.of(b));
        assertEquals(64, one.of(a).length());
        assertNotEquals(one.of(a), other.of(a));
        assertTrue(!one.of(a).contains("dupont"));
    }
}
