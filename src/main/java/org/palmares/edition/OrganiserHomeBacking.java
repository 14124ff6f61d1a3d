package org.palmares.edition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/** The organiser's landing page: the current edition at a glance and what it needs next. */
@Named
@RequestScoped
public class OrganiserHomeBacking {
    @Inject
    EditionService editions;

    private Optional<Edition> edition;
    private PhaseFacts facts;

    public Edition getEdition() {
        return current().orElse(null);
    }

    public PhaseFacts getFacts() {
        if (facts == null) facts = current().map(editions::facts).orElse(null);
        return facts;
    }

    public List<String> getMissing() {
        return current().map(editions::missingToAdvance).orElse(List.of());
    }

    private Optional<Edition> current() {
        if (edition == null) edition = editions.findCurrent();
        return edition;
    }
}
