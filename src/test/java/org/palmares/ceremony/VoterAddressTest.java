package org.palmares.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoterAddressTest {
    private static String norm(String s) {
        return VoterAddress.parse(s).orElseThrow().normalised();
    }

    /** What a voter may type, and the voter it counts as (null: refused, with a 400). */
    static Stream<Arguments> addresses() {
        return Stream.of(
                // case and white space around
                Arguments.of("  Jean.Dupont@Example.FR \t", "jean.dupont@example.fr"),
                Arguments.of("JEAN.DUPONT@EXAMPLE.FR", "jean.dupont@example.fr"),
                // dots count at most providers, not at Gmail
                Arguments.of("jean.dupont@orange.fr", "jean.dupont@orange.fr"),
                Arguments.of("jeandupont@orange.fr", "jeandupont@orange.fr"),
                Arguments.of("Jean.Du.Pont@gmail.com", "jeandupont@gmail.com"),
                Arguments.of("j.e.a.n.d.u.p.o.n.t@googlemail.com", "jeandupont@gmail.com"),
                // plus tags
                Arguments.of("marie+vote2019@example.org", "marie@example.org"),
                Arguments.of("marie+a+b@example.org", "marie@example.org"),
                Arguments.of("marie+@example.org", "marie@example.org"),
                Arguments.of("+tag@example.org", null),
                Arguments.of("marie.+tag@example.org", null),
                Arguments.of("marie.+tag@gmail.com", "marie@gmail.com"),
                // comments, quotes, lists, groups, names, angle brackets
                Arguments.of("(1)marie@example.org", null),
                Arguments.of("(a)(b)marie@example.org", null),
                Arguments.of("marie(x)@example.org", null),
                Arguments.of("marie@example.org(x)", null),
                Arguments.of("\"marie\"@example.org", null),
                Arguments.of("\"marie+x\"@example.org", null),
                Arguments.of(",marie@example.org", null),
                Arguments.of(",,marie@example.org", null),
                Arguments.of("marie@example.org,", null),
                Arguments.of("marie@example.org,paul@example.org", null),
                Arguments.of("marie@example.org;", null),
                Arguments.of(";marie@example.org", null),
                Arguments.of("list:marie@example.org;", null),
                Arguments.of("<marie@example.org>", null),
                Arguments.of("Marie <marie@example.org>", null),
                Arguments.of("\"Marie Curie\" <marie@example.org>", null),
                // dots first, last or doubled, in the local part or the domain
                Arguments.of(".marie@example.org", null),
                Arguments.of("marie.@example.org", null),
                Arguments.of("ma..rie@example.org", null),
                Arguments.of("marie@example.org.", null),
                Arguments.of("marie@.example.org", null),
                Arguments.of("marie@example..org", null),
                // international domains: kept, in their ASCII form
                Arguments.of("anne@café.fr", "anne@xn--caf-dma.fr"),
                Arguments.of("anne@CAFÉ.fr", "anne@xn--caf-dma.fr"),
                Arguments.of("anne@xn--caf-dma.fr", "anne@xn--caf-dma.fr"),
                // look-alike and invisible characters
                Arguments.of("m\u0430rie@example.org", null), // Cyrillic а
                Arguments.of("marie\uff20example.org", null), // fullwidth ＠
                Arguments.of("marie@\uff45xample.org", null), // fullwidth ｅ
                Arguments.of("ma\u200brie@example.org", null), // zero-width space
                Arguments.of("marie@exam\u200bple.org", null),
                Arguments.of("ma\u200crie@example.org", null), // zero-width non-joiner
                Arguments.of("marie@example\u3002org", null), // ideographic full stop
                Arguments.of("marie@example\uff0eorg", null), // fullwidth full stop
                // white space and control characters inside
                Arguments.of("ma rie@example.org", null),
                Arguments.of("marie@exa mple.org", null),
                Arguments.of("marie\t@example.org", null),
                Arguments.of("marie@example.org\r\nbcc:paul@example.org", null),
                Arguments.of("ma\u0000rie@example.org", null),
                // very long parts
                Arguments.of("m".repeat(64) + "@example.org", "m".repeat(64) + "@example.org"),
                Arguments.of("m".repeat(65) + "@example.org", null),
                Arguments.of("marie@" + "d".repeat(64) + ".org", null),
                Arguments.of("x".repeat(250) + "@example.org", null),
                // not addresses at all
                Arguments.of(null, null),
                Arguments.of("", null),
                Arguments.of("   ", null),
                Arguments.of("nobody", null),
                Arguments.of("@example.org", null),
                Arguments.of("a@", null),
                Arguments.of("a@b", null),
                Arguments.of("a@@b.fr", null),
                Arguments.of("a@[192.0.2.1]", null));
    }

    @ParameterizedTest(name = "[{0}] counts as {1}")
    @MethodSource("addresses")
    void each_text_is_refused_or_counts_as_exactly_one_voter(String typed, String voter) {
        assertEquals(Optional.ofNullable(voter), VoterAddress.parse(typed).map(VoterAddress::normalised));
    }

    @Test
    void the_ways_of_writing_one_mailbox_are_one_voter() {
        Set<String> voters = new TreeSet<>();
        for (String typed : new String[] {
            "jean.dupont@gmail.com",
            "JeanDupont@gmail.com",
            "J.E.A.N.Dupont@GMail.com",
            "jeandupont+vote@gmail.com",
            "jean.dupont+a+b@googlemail.com",
            "  jeandupont@gmail.com\t",
            "jeandupont@GOOGLEMAIL.COM"
        }) {
            voters.add(norm(typed));
        }
        assertEquals(Set.of("jeandupont@gmail.com"), voters);
    }

    @Test
    void the_attacks_of_issue_17_are_refused_not_counted_as_new_voters() {
        for (String attack :
                new String[] {"(1)name@example.org", "(a)(b)name@example.org", ",name@example.org", ",,name@example.org"
                }) {
            assertTrue(VoterAddress.parse(attack).isEmpty(), attack);
        }
    }

    @Test
    void dots_count_at_other_providers() {
        assertNotEquals(norm("jean.dupont@orange.fr"), norm("jeandupont@orange.fr"));
    }

    @Test
    void the_normalised_address_is_itself_a_plain_address_that_normalises_to_itself() {
        addresses()
                .map(a -> (String) a.get()[1])
                .filter(java.util.Objects::nonNull)
                .forEach(voter -> assertEquals(voter, norm(voter), voter));
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
