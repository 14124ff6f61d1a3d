package org.palmares.platform;

/**
 * Paging and limit parameters of the REST lists, checked in one place: a page from 0, a size from 1 to the list's
 * maximum, and never a page whose first row lies beyond what an {@code int} holds ({@code ?page=2147483647} made a
 * negative first result: a 500). Out of bounds is a 400 problem naming the parameter and its bounds; a value that is
 * no number at all is refused by the mapper ({@link ProblemMappers}) in the same words.
 */
public record Paging(int page, int size) {
    public Paging {
        if (size < 1 || page < 0 || page > maxPage(size)) throw new IllegalArgumentException("page " + page);
    }

    /** The page asked for, checked: {@code size} from 1 to {@code maxSize}, {@code page} from 0. */
    public static Paging of(int page, int size, int maxSize) {
        int checkedSize = limit("size", size, maxSize);
        if (page < 0 || page > maxPage(checkedSize)) {
            throw DomainException.invalid("error.param.range", "page", 0, maxPage(checkedSize));
        }
        return new Paging(page, checkedSize);
    }

    /** A count parameter ({@code ?max=}) from 1 to {@code max}. */
    public static int limit(String name, int value, int max) {
        if (value < 1 || value > max) throw DomainException.invalid("error.param.range", name, 1, max);
        return value;
    }

    /** The index of the page's first row. */
    public int first() {
        return page * size;
    }

    private static int maxPage(int size) {
        return Integer.MAX_VALUE / size - 1;
    }
}
