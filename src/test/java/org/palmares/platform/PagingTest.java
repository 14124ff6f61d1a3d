package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {
    @ParameterizedTest(name = "page {0}, size {1} is refused")
    @CsvSource({"-1, 20", "0, 0", "0, -5", "0, 101", "0, 2147483647", "2147483647, 20", "107374182, 20", "21474836, 100"
    })
    void a_page_out_of_bounds_is_refused_naming_the_parameter(int page, int size) {
        DomainException e = assertThrows(DomainException.class, () -> Paging.of(page, size, 100));
        assertEquals(400, e.status());
        assertEquals("error.param.range", e.messageKey());
        assertTrue(e.arguments()[0].equals("page") || e.arguments()[0].equals("size"));
    }

    @Test
    void the_first_row_of_the_last_page_allowed_still_fits_an_int() {
        for (int size : new int[] {1, 7, 20, 100}) {
            int last = Integer.MAX_VALUE / size - 1;
            Paging paging = Paging.of(last, size, 100);
            assertTrue(paging.first() >= 0 && (long) paging.first() + size <= Integer.MAX_VALUE, "size " + size);
        }
        assertEquals(40, Paging.of(2, 20, 100).first());
    }

    @ParameterizedTest(name = "max {0} is refused")
    @CsvSource({"0", "-1", "501", "2147483647", "-2147483648"})
    void a_limit_out_of_bounds_is_refused(int max) {
        DomainException e = assertThrows(DomainException.class, () -> Paging.limit("max", max, 500));
        assertEquals("max", e.arguments()[0]);
    }
}
