package org.palmares.tally;

import java.util.List;
import java.util.Map;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.tally.TallyInput.Sheet;
import org.palmares.tally.TallyResult.CategoryTally;
import org.palmares.tally.TallyResult.EditionTally;

/**
 * The tally of an edition as the database holds it right now: the pure result, and what pages, reports and REST
 * need around it (nominations, juror names, each category's method, freeze and decision, fingerprint of its sheets).
 */
public record LiveTally(
        Edition edition,
        TallyPolicy policy,
        EditionTally tally,
        List<Category> categories,
        Map<Long, Nominee> nominees,
        Map<Long, String> jurorNames,
        List<Sheet> sheets,
        Map<Long, CategoryResult> states,
        Map<Long, String> fingerprints,
        Map<Long, Decision> decisions) {

    /** A nomination as the tally shows it. */
    public record Nominee(long id, long categoryId, String reference, String title, String territory) {}

    public CategoryTally category(long categoryId) {
        return tally.category(categoryId);
    }

    public TallyMethod method(long categoryId) {
        CategoryResult state = states.get(categoryId);
        return state == null ? TallyMethod.NORMALISED : state.getMethod();
    }

    public boolean frozen(long categoryId) {
        CategoryResult state = states.get(categoryId);
        return state != null && state.isFrozen();
    }

    /** Whether sheets changed since the category's result was frozen. */
    public boolean stale(long categoryId) {
        CategoryResult state = states.get(categoryId);
        return state != null && state.isStale(fingerprints.get(categoryId));
    }

    public boolean signedOff(long categoryId) {
        Decision decision = decisions.get(categoryId);
        return decision != null && decision.isSignedOff();
    }

    public Nominee nominee(long nominationId) {
        return nominees.get(nominationId);
    }
}
