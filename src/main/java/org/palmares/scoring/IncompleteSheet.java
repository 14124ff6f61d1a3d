package org.palmares.scoring;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.palmares.edition.Criterion;
import org.palmares.platform.DomainException;

/** A sheet cannot be submitted while criteria have no score: says which, by number and by name. */
public class IncompleteSheet extends DomainException {
    private final transient List<Criterion> missing;

    public IncompleteSheet(List<Criterion> missing) {
        super(
                422,
                "sheet.incomplete",
                missing.stream().map(c -> String.valueOf(c.getPosition() + 1)).collect(Collectors.joining(", ")));
        this.missing = List.copyOf(missing);
    }

    /** The names of the criteria still to score, in the reader's language. */
    public List<String> missing(Locale locale) {
        return missing.stream().map(c -> c.name(locale)).toList();
    }
}
