package org.palmares.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final String EMAIL = "marie.dupont@example.org";

    @Test
    void eleven_characters_are_too_short() {
        assertEquals(List.of("password.tooShort"), PasswordPolicy.check("vK3!pz8#Lq2", EMAIL));
    }

    @Test
    void twelve_varied_characters_are_accepted() {
        assertEquals(List.of(), PasswordPolicy.check("vK3!pz8#Lq2w", EMAIL));
    }

    @Test
    void a_missing_password_is_too_short() {
        assertEquals(List.of("password.tooShort"), PasswordPolicy.check(null, EMAIL));
    }

    @Test
    void an_empty_password_is_too_short() {
        assertEquals(List.of("password.tooShort"), PasswordPolicy.check("", EMAIL));
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        // Eleven emoji are 22 UTF-16 units but only 11 characters.
        String elevenEmoji = "😀😁😂🤣😃😄😅😆😉😊😋";
        assertEquals(22, elevenEmoji.length());
        assertEquals(List.of("password.tooShort"), PasswordPolicy.check(elevenEmoji, EMAIL));
    }

    @Test
    void one_hundred_twenty_eight_characters_are_accepted() {
        String password = "vK3!pz8#Lq2w".repeat(11).substring(0, 128);
        assertFalse(PasswordPolicy.check(password, EMAIL).contains("password.tooLong"));
    }

    @Test
    void one_hundred_twenty_nine_characters_are_too_long() {
        String password = "vK3!pz8#Lq2w".repeat(11).substring(0, 129);
        assertEquals(List.of("password.tooLong"), PasswordPolicy.check(password, EMAIL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "AZERTYUIOP123", "motdepasse123", "palmares2019"})
    void common_passwords_are_refused_whatever_their_case(String password) {
        assertEquals(List.of("password.common"), PasswordPolicy.check(password, EMAIL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "abcdabcdabcd", "!!!!????!!!!"})
    void passwords_with_fewer_than_five_different_characters_are_repetitive(String password) {
        assertEquals(List.of("password.repetitive"), PasswordPolicy.check(password, EMAIL));
    }

    @Test
    void five_different_characters_are_not_repetitive() {
        assertEquals(List.of(), PasswordPolicy.check("abcdeabcdeab", EMAIL));
    }

    @Test
    void a_common_and_repetitive_password_breaks_both_rules() {
        assertEquals(List.of("password.common", "password.repetitive"), PasswordPolicy.check("111111111111", EMAIL));
    }

    @Test
    void a_password_containing_the_emails_local_part_is_refused() {
        assertEquals(List.of("password.containsEmail"), PasswordPolicy.check("marie.dupont-2019!", EMAIL));
    }

    @Test
    void the_local_part_is_found_whatever_the_case() {
        assertEquals(
                List.of("password.containsEmail"),
                PasswordPolicy.check("2019MARIE.DUPONT!", "Marie.Dupont@Example.org"));
    }

    @Test
    void a_password_equal_to_the_whole_email_is_refused_even_with_a_short_local_part() {
        assertEquals(List.of("password.containsEmail"), PasswordPolicy.check("bob@example.org", "bob@example.org"));
    }

    @Test
    void a_local_part_shorter_than_four_characters_is_not_looked_for() {
        assertEquals(List.of(), PasswordPolicy.check("bob-vK3!pz8#Lq", "bob@example.org"));
    }

    @Test
    void without_an_email_only_the_other_rules_apply() {
        assertEquals(List.of(), PasswordPolicy.check("marie.dupont-2019!", null));
        assertEquals(List.of(), PasswordPolicy.check("marie.dupont-2019!", "  "));
    }

    @Test
    void minimum_length_is_twelve() {
        assertEquals(12, PasswordPolicy.MIN_LENGTH);
        assertTrue(PasswordPolicy.check("x".repeat(PasswordPolicy.MIN_LENGTH - 1), null)
                .contains("password.tooShort"));
    }
}
