package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.AddressException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    /** Texts taken as one plain address, and the one form each is kept in. */
    static Stream<Arguments> plain() {
        return Stream.of(
                Arguments.of("marie@example.org", "marie@example.org"),
                Arguments.of("  Marie.Curie@Example.ORG \t", "marie.curie@example.org"),
                Arguments.of("marie+vote@example.org", "marie+vote@example.org"),
                Arguments.of("o'brien@example.ie", "o'brien@example.ie"),
                Arguments.of("a!#$%&'*+-/=?^_`{|}~z@example.org", "a!#$%&'*+-/=?^_`{|}~z@example.org"),
                Arguments.of("x@sub.domain-with-hyphen.example", "x@sub.domain-with-hyphen.example"),
                Arguments.of("anne@café.fr", "anne@xn--caf-dma.fr"),
                Arguments.of("anne@CAFÉ.FR", "anne@xn--caf-dma.fr"),
                Arguments.of("anne@xn--caf-dma.fr", "anne@xn--caf-dma.fr"),
                Arguments.of("x".repeat(64) + "@example.org", "x".repeat(64) + "@example.org"),
                Arguments.of("a@" + "d".repeat(63) + ".org", "a@" + "d".repeat(63) + ".org"),
                Arguments.of( // 254 characters, the most RFC 5321 allows
                        "a@" + ("d".repeat(61) + ".").repeat(4) + "abcd",
                        "a@" + ("d".repeat(61) + ".").repeat(4) + "abcd"));
    }

    @ParameterizedTest(name = "{0} is kept as {1}")
    @MethodSource("plain")
    void a_plain_address_is_kept_in_one_form(String text, String form) {
        assertEquals(Optional.of(form), EmailAddress.parse(text).map(EmailAddress::text));
    }

    @ParameterizedTest(name = "refused: [{0}]")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "nobody",
                "@example.org",
                "a@",
                "a@b",
                "a@@example.org",
                "a@b@example.org",
                // comments, lists, groups, names, angle brackets: what a mail parser would read another way
                "(1)name@example.org",
                "(a)(b)name@example.org",
                "name(comment)@example.org",
                "name@example.org(comment)",
                ",name@example.org",
                ",,name@example.org",
                "name@example.org,",
                "name@example.org,other@example.org",
                "name@example.org;other@example.org",
                ";name@example.org",
                "group:name@example.org;",
                "<name@example.org>",
                "Name <name@example.org>",
                "\"Name\" <name@example.org>",
                "\"name\"@example.org",
                "\"na me\"@example.org",
                "\"a@b\"@example.org",
                "name\\@example.org",
                // dots
                ".name@example.org",
                "name.@example.org",
                "na..me@example.org",
                "name@example.org.",
                "name@.example.org",
                "name@example..org",
                // white space and control characters inside
                "na me@example.org",
                "name@exa mple.org",
                "name\t@example.org",
                "name\n@example.org",
                "name@example.org\r\nBcc: other@example.org",
                "na\u0000me@example.org",
                "na\u007fme@example.org",
                // non-ASCII tricks
                "n\u0430me@example.org", // Cyrillic а in the local part
                "josé@example.org",
                "name\uff20example.org", // fullwidth commercial at
                "name@\uff45xample.org", // fullwidth e
                "na\u200bme@example.org", // zero-width space
                "name@exa\u200bmple.org",
                "name@exa\u200dmple.org", // zero-width joiner
                "\ufeffname@example.org", // byte order mark
                "name@example\u3002org", // ideographic full stop, a dot to IDN
                "name@example\uff0eorg", // fullwidth full stop
                "name@cafe\u0301.fr", // decomposed é: not the canonical form
                "name@exa\u00a0mple.org", // no-break space
                "name@\u2024example.org",
                // domains that are no host names
                "name@[127.0.0.1]",
                "name@127.0.0.1",
                "name@-example.org",
                "name@example-.org",
                "name@exa_mple.org",
                "name@example.123",
            })
    void anything_but_one_plain_address_is_refused(String text) {
        assertTrue(EmailAddress.parse(text).isEmpty(), "refused: " + text);
    }

    /** Parts longer than RFC 5321 allows: 64 for the local part, 63 a label, 254 in all. */
    static Stream<String> tooLong() {
        return Stream.of(
                "x".repeat(65) + "@example.org",
                "a@" + "d".repeat(64) + ".org",
                "a@" + ("d".repeat(61) + ".").repeat(4) + "abcde", // 255 characters
                "x".repeat(250) + "@example.org");
    }

    @ParameterizedTest(name = "refused: {0}")
    @MethodSource("tooLong")
    void parts_longer_than_the_rfc_allows_are_refused(String text) {
        assertTrue(EmailAddress.parse(text).isEmpty(), "refused: " + text);
    }

    @ParameterizedTest(name = "the mailer refuses [{0}]")
    @ValueSource(
            strings = {
                "(1)name@example.org",
                ",name@example.org",
                "name@example.org, other@example.org",
                "Name <name@example.org>",
                "group: name@example.org;",
                "\"name\"@example.org",
                "n\u0430me@example.org"
            })
    void the_mailer_delivers_to_nothing_but_one_plain_address(String recipient) {
        assertThrows(AddressException.class, () -> Mailer.plainRecipient(recipient));
    }

    @ParameterizedTest(name = "the mailer sends [{0}] to {1}")
    @MethodSource("plain")
    void the_mailer_sends_to_the_one_form(String recipient, String form) throws AddressException {
        var address = Mailer.plainRecipient(recipient);
        assertEquals(form, address.getAddress());
        assertEquals(null, address.getPersonal());
    }

    @ParameterizedTest(name = "{0} is refused by the record itself")
    @ValueSource(strings = {"Marie", "ma rie", ".marie"})
    void the_record_holds_only_the_one_form(String local) {
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(local, "example.org"));
    }

    @ParameterizedTest(name = "the bean validation constraint agrees on [{0}]")
    @ValueSource(strings = {"marie@example.org", ",marie@example.org", "(1)marie@example.org", "marie@café.fr"})
    void the_constraint_is_the_same_rule(String text) {
        assertEquals(EmailAddress.isPlain(text), new PlainEmail.Validator().isValid(text, null));
    }
}
