package org.palmares.ceremony.publication;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.palmares.nomination.Nomination;

/** For the territory's own pages: a nomination's award, but only once its category is published (else nothing). */
@Named
@RequestScoped
public class PalmaresAwards {
    @Inject
    PublicationService publication;

    /** "WINNER", "MENTION", or null while unpublished or without an award. */
    public String of(Nomination nomination) {
        if (nomination == null || nomination.getId() == null) return null;
        return publication.publishedAward(nomination.getId()).map(Enum::name).orElse(null);
    }
}
