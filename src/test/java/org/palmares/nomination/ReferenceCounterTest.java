package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceCounterTest {

    @Test
    void reference_is_edition_category_and_number_on_three_digits() {
        assertEquals("TC2019-SOC-007", ReferenceCounter.format("TC2019", "SOC", 7));
    }

    @ParameterizedTest
    @CsvSource({"1, TC2019-ENV-001", "42, TC2019-ENV-042", "999, TC2019-ENV-999", "1000, TC2019-ENV-1000"})
    void numbers_are_padded_to_three_digits_and_never_cut(int number, String reference) {
        assertEquals(reference, ReferenceCounter.format("TC2019", "ENV", number));
    }

    @Test
    void a_new_counter_has_given_no_number() {
        var counter = new ReferenceCounter(12L);
        assertEquals(0, counter.getLastNumber());
        assertEquals(12L, counter.getCategoryId());
    }

    @Test
    void numbers_are_consecutive_from_one() {
        var counter = new ReferenceCounter(12L);
        List<Integer> numbers =
                IntStream.range(0, 5).mapToObj(i -> counter.next()).toList();
        assertEquals(List.of(1, 2, 3, 4, 5), numbers);
        assertEquals(5, counter.getLastNumber());
    }
}
